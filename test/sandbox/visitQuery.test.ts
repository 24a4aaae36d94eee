import type { DemoPerson } from '../../sandbox/seed/demoPersons';
import type { TestPlatformClient } from './support/client';
import { EMPLOYEE, RESIDENT, certOf, visitInfo } from './support/flows';
import { purchaseInput } from './support/pharmacyFlows';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

// The pharmacy sale opens its visit at the platform's clock: keep it inside the queried month.
const BASE = Date.parse('2026-11-28T02:00:00Z');
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ clock });
  await t.hospital.signIn();
  await t.pharmacy.signIn();
});
afterAll(() => t.stop());

async function admitWith(client: TestPlatformClient, person: DemoPerson, iptNo: string) {
  const { output, msgid } = await client.ok('2401', {
    mdtrtinfo: {
      psn_no: person.psnNo, insutype: person.insutype, begntime: '2026-11-20 08:00:00', ...certOf(person), med_type: '21', ipt_no: iptNo,
      atddr_no: 'DR002', chfpdr_name: '王主任', adm_diag_dscr: '肺炎', adm_dept_codg: 'D02', adm_dept_name: '呼吸内科', adm_bed: '12',
      dscg_maindiag_code: 'J18.900', dscg_maindiag_name: '肺炎',
    },
  });
  return { mdtrtId: output.result.mdtrt_id as string, msgid };
}

async function registerWith(client: TestPlatformClient, person: DemoPerson, iptOtpNo: string) {
  const { output } = await client.ok('2201', {
    data: {
      psn_no: person.psnNo, insutype: person.insutype, begntime: '2026-11-28 09:00:00', ...certOf(person), ipt_otp_no: iptOtpNo,
      atddr_no: 'DR001', dr_name: '李医生', dept_code: 'D01', dept_name: '内科', caty: 'A03',
    },
  });
  return output.data.mdtrt_id as string;
}

const visits = (extra: Record<string, unknown> = {}, psnNo = EMPLOYEE.psnNo) =>
  t.hospital.ok('5201', { data: { psn_no: psnNo, begntime: '2026-11-01', endtime: '2026-11-30', ...extra } }).then((r) => r.output.mdtrtinfo as any[]);

test('5201 lists the admission and the registration with the hospital numbers; a 2601 reversal makes the stay invalid', async () => {
  const stay = await admitWith(t.hospital, EMPLOYEE, 'ZY-5201-A');
  const clinic = await registerWith(t.hospital, EMPLOYEE, 'MZ-5201-1');
  await registerWith(t.hospital, RESIDENT, 'MZ-5201-2');
  await t.pharmacy.ok('2102', purchaseInput(EMPLOYEE, [{ code: 'XA10BAA053A001010100', cnt: '1' }]));

  expect(await visits()).toEqual([
    { mdtrt_id: stay.mdtrtId, psn_no: EMPLOYEE.psnNo, med_type: '21', begntime: '2026-11-20 08:00:00', endtime: null, insutype: '310', ipt_otp_no: 'ZY-5201-A', vali_flag: '1' },
    { mdtrt_id: clinic, psn_no: EMPLOYEE.psnNo, med_type: null, begntime: '2026-11-28 09:00:00', endtime: null, insutype: '310', ipt_otp_no: 'MZ-5201-1', vali_flag: '1' },
  ]);

  await visitInfo(t.hospital, EMPLOYEE, clinic);
  expect((await visits({ mdtrt_id: clinic }))[0].med_type).toBe('11');
  expect((await visits({ med_type: '21' })).map((v) => v.mdtrt_id)).toEqual([stay.mdtrtId]);
  expect((await visits({ begntime: '2026-11-21 00:00:00', endtime: '2026-11-28 08:59:59' }))).toEqual([]);

  await t.hospital.ok('2601', { data: { psn_no: EMPLOYEE.psnNo, omsgid: stay.msgid, oinfno: '2401' } });
  expect((await visits({ mdtrt_id: stay.mdtrtId }))[0]).toMatchObject({ ipt_otp_no: 'ZY-5201-A', vali_flag: '0' });
});

test('5201 shows a discharge time and marks a cancelled registration invalid', async () => {
  const stay = await admitWith(t.hospital, RESIDENT, 'ZY-5201-B');
  await t.hospital.ok('2402', {
    dscginfo: { mdtrt_id: stay.mdtrtId, psn_no: RESIDENT.psnNo, insutype: RESIDENT.insutype, endtime: '2026-11-27 10:00:00', dscg_dept_codg: 'D02', dscg_dept_name: '呼吸内科', dscg_way: '1' },
  });
  const clinic = await registerWith(t.hospital, RESIDENT, 'MZ-5201-3');
  await t.hospital.ok('2202', { data: { psn_no: RESIDENT.psnNo, mdtrt_id: clinic, ipt_otp_no: 'MZ-5201-3' } });

  const list = await visits({}, RESIDENT.psnNo);
  expect(list.find((v) => v.mdtrt_id === stay.mdtrtId)).toMatchObject({ endtime: '2026-11-27 10:00:00', vali_flag: '1', ipt_otp_no: 'ZY-5201-B' });
  expect(list.find((v) => v.mdtrt_id === clinic)).toMatchObject({ vali_flag: '0', ipt_otp_no: 'MZ-5201-3' });
});

test('5201 needs the period', async () => {
  expectRefusalOf(await t.hospital.refused('5201', { data: { psn_no: EMPLOYEE.psnNo, endtime: '2026-11-30' } }), 'input.data.begntime');
  expectRefusalOf(await t.hospital.refused('5201', { data: { psn_no: EMPLOYEE.psnNo, begntime: '2026-11-30', endtime: '2026-11-01' } }), 'input.data.endtime');
});
