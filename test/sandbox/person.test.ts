import type { EcTokenResolver } from '../../sandbox/parts';
import { EMPLOYEE, RESIDENT, UNINSURED } from './support/flows';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

/** Stands in for the face service's resolver: the platform only asks it who a token names. */
const tokens: EcTokenResolver = {
  resolve: (token) =>
    token === '421200ec000000000000000000000000000001' ? { ok: true, psnNo: EMPLOYEE.psnNo }
    : token === '421200ec000000000000000000000000000002' ? { ok: false, reason: 'expired' }
    : { ok: false, reason: 'unknown' },
};

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ tokens });
  await t.hospital.signIn();
});
afterAll(() => t.stop());

const byCert = (data: Record<string, string>) => ({ data });

describe('1101 person info', () => {
  test('by ID number (02): identity, insurance and account balance', async () => {
    const { output } = await t.hospital.ok('1101', byCert({ mdtrt_cert_type: '02', mdtrt_cert_no: EMPLOYEE.certno }));
    expect(output.baseinfo).toMatchObject({ psn_no: EMPLOYEE.psnNo, certno: EMPLOYEE.certno, psn_name: EMPLOYEE.name, gend: '1', brdy: '1958-03-15' });
    expect(output.baseinfo.age).toBeGreaterThanOrEqual(67);
    expect(output.insuinfo).toEqual([expect.objectContaining({ balc: 3520, insutype: '310', psn_insu_stas: '1', insuplc_admdvs: '421200' })]);
    expect(output.idetinfo).toEqual([]);
  });

  test('by social-security card (03) with its card_sn', async () => {
    const { output } = await t.hospital.ok('1101', byCert({ mdtrt_cert_type: '03', mdtrt_cert_no: RESIDENT.cardNo, card_sn: RESIDENT.cardSn }));
    expect(output.baseinfo.psn_no).toBe(RESIDENT.psnNo);
    expect(output.insuinfo[0]).toMatchObject({ insutype: '390', balc: 0 });
    expectRefusalOf(await t.hospital.refused('1101', byCert({ mdtrt_cert_type: '03', mdtrt_cert_no: RESIDENT.cardNo })), 'input.data.card_sn');
    expectRefusalOf(await t.hospital.refused('1101', byCert({ mdtrt_cert_type: '03', mdtrt_cert_no: RESIDENT.cardNo, card_sn: 'WRONG' })), 'input.data.card_sn');
  });

  test('by e-voucher token (01), resolved by the face service', async () => {
    const { output } = await t.hospital.ok('1101', byCert({ mdtrt_cert_type: '01', mdtrt_cert_no: '421200ec000000000000000000000000000001' }));
    expect(output.baseinfo.psn_no).toBe(EMPLOYEE.psnNo);
    expectRefusalOf(await t.hospital.refused('1101', byCert({ mdtrt_cert_type: '01', mdtrt_cert_no: '421200ec000000000000000000000000000002' })), 'input.data.mdtrt_cert_no');
    expectRefusalOf(await t.hospital.refused('1101', byCert({ mdtrt_cert_type: '01', mdtrt_cert_no: 'forged' })), 'input.data.mdtrt_cert_no');
  });

  test('an uninsured person is answered with psn_insu_stas 0, and cannot register', async () => {
    const { output } = await t.hospital.ok('1101', byCert({ mdtrt_cert_type: '02', mdtrt_cert_no: UNINSURED.certno }));
    expect(output.insuinfo[0]).toMatchObject({ psn_insu_stas: '0' });
    const { body, msgid } = await t.hospital.send('2201', {
      data: { psn_no: UNINSURED.psnNo, insutype: '310', begntime: '2026-11-28 09:00:00', mdtrt_cert_type: '02', mdtrt_cert_no: UNINSURED.certno,
        ipt_otp_no: 'MZ-U1', atddr_no: 'DR001', dr_name: '李医生', dept_code: 'D01', dept_name: '内科', caty: 'A03' },
    });
    expect(body).toMatchObject({ infcode: -1, output: null });
    expectRefusalOf(body.err_msg, 'input.data.psn_no');
    // The platform knew the person and refused them; the reason is in its records, not its words.
    expect((await t.admin(`/messages?msgid=${msgid}`)).body.message).toMatchObject({ infcode: -1, psn_no: UNINSURED.psnNo });
    expect((await t.admin(`/persons?psn_no=${UNINSURED.psnNo}`)).body.insured).toBe(false);
  });

  test.each([
    [{ mdtrt_cert_type: '04', mdtrt_cert_no: 'X' }, 'input.data.mdtrt_cert_type'],
    [{ mdtrt_cert_type: '02' }, 'input.data.mdtrt_cert_no'],
    [{ mdtrt_cert_type: '02', mdtrt_cert_no: '12345' }, 'input.data.mdtrt_cert_no'],
    [{ mdtrt_cert_type: '02', mdtrt_cert_no: '110101199001010000' }, 'input.data.mdtrt_cert_no'],
    [{ mdtrt_cert_type: '03', mdtrt_cert_no: 'NOCARD', card_sn: 'X' }, 'input.data.mdtrt_cert_no'],
    [{ mdtrt_cert_type: '02', mdtrt_cert_no: EMPLOYEE.certno, certno: RESIDENT.certno }, 'input.data.certno'],
  ])('%j is refused, naming %s', async (data, field) => {
    expectRefusalOf(await t.hospital.refused('1101', byCert(data as Record<string, string>)), field);
  });

  test('a certificate of someone else than psn_no is refused in later calls', async () => {
    const err = await t.hospital.refused('2201', {
      data: { psn_no: EMPLOYEE.psnNo, insutype: '310', begntime: '2026-11-28 09:00:00', mdtrt_cert_type: '02', mdtrt_cert_no: RESIDENT.certno,
        ipt_otp_no: 'MZ-X1', atddr_no: 'DR001', dr_name: '李医生', dept_code: 'D01', dept_name: '内科', caty: 'A03' },
    });
    expectRefusalOf(err, 'input.data.mdtrt_cert_no');
  });
});
