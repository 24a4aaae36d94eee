import { EMPLOYEE, EMPLOYEE_SMALL_ACCOUNT, RESIDENT } from './support/flows';
import { admit, discharge, inpatientFees, settleData, settleStay } from './support/inpatientFlows';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await t.hospital.signIn();
});
afterAll(() => t.stop());

const visit = async (mdtrtId: string) => (await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body;
const person = async (psnNo: string) => (await t.admin(`/persons?psn_no=${psnNo}`)).body;

const STAY = [
  { code: '110900001000000', cnt: '5' }, // bed 40.00 over its 35.00 ceiling
  { code: '210102015000000', cnt: '1' }, // CT, B, over its ceiling
  { code: 'ZZ0000000000000', cnt: '2' }, // C
  { code: '120100001000000', cnt: '5' },
  { code: '250101001000000', cnt: '3' },
  { code: 'XJ01DCA064B002010100', cnt: '30' },
];

test('a resident stay: admit, fees, discharge, pre-settle, settle, cancel', async () => {
  const { mdtrtId } = await admit(t.hospital, RESIDENT);
  const upload = await t.hospital.ok('2301', { feedetail: inpatientFees(mdtrtId, RESIDENT, STAY) });
  expect(upload.output.result).toHaveLength(6);
  expectRefusalOf(await t.hospital.refused('2304', settleData(RESIDENT, mdtrtId, { medfee_sumamt: 1928 })), 'input.data.mdtrt_id');
  expect(await visit(mdtrtId)).toMatchObject({ state: 'admitted', open_fee_lines: 6, settled_fee_lines: 0 });
  await discharge(t.hospital, RESIDENT, mdtrtId);
  expect((await visit(mdtrtId)).state).toBe('discharged');

  const { pre, settled, msgid } = await settleStay(t.hospital, RESIDENT, mdtrtId, 1928);
  expect(pre.setlinfo.setl_id).toBeNull();
  expect(settled.setlinfo).toMatchObject({
    medfee_sumamt: 1928, fulamt_ownpay_amt: 400, overlmt_selfpay: 45, preselfpay_amt: 113.8, inscp_scp_amt: 1369.2,
    act_pay_dedc: 600, hifp_pay: 538.44, pool_prop_selfpay: 0.7, fund_pay_sumamt: 538.44, psn_part_amt: 1389.56,
    acct_pay: 0, psn_cash_pay: 1389.56, medins_setl_id: msgid, med_type: '21', clr_type: '21',
  });
  expect((await visit(mdtrtId)).state).toBe('settled');
  expectRefusalOf(await t.hospital.refused('2405', { data: { mdtrt_id: mdtrtId, psn_no: RESIDENT.psnNo } }), 'input.data.mdtrt_id');
  expect((await visit(mdtrtId)).state).toBe('settled');

  const cancel = { data: { mdtrt_id: mdtrtId, setl_id: settled.setlinfo.setl_id, psn_no: RESIDENT.psnNo } };
  const cancelled = await t.hospital.ok('2305', cancel);
  expect(cancelled.output.setlinfo).toMatchObject({ medfee_sumamt: -1928, hifp_pay: -538.44 });
  expect((await visit(mdtrtId)).state).toBe('discharged');
  expect((await person(RESIDENT.psnNo)).annual).toEqual([]);
  expectRefusalOf(await t.hospital.refused('2305', cancel), 'input.data.setl_id');
  expect((await person(RESIDENT.psnNo)).annual).toEqual([]);
  expect((await t.admin(`/settlements?mdtrt_id=${mdtrtId}`)).body.settlements.map((s: { state: string }) => s.state)).toEqual(['cancelled', 'valid']);

  // After a cancel the same lines can be settled again, with the same figures.
  const again = await settleStay(t.hospital, RESIDENT, mdtrtId, 1928);
  expect(again.settled.setlinfo.hifp_pay).toBe(538.44);
});

test('a mid-stay settlement leaves the patient admitted', async () => {
  const { mdtrtId } = await admit(t.hospital, EMPLOYEE);
  await t.hospital.ok('2301', { feedetail: inpatientFees(mdtrtId, EMPLOYEE, [{ code: '110900001000000', cnt: '3' }]) });
  const { settled } = await settleStay(t.hospital, EMPLOYEE, mdtrtId, 120, { mid_setl_flag: '1' });
  expect(settled.setlinfo).toMatchObject({ medfee_sumamt: 120, overlmt_selfpay: 15, act_pay_dedc: 105, acct_pay: 120 });
  expect((await visit(mdtrtId)).state).toBe('admitted');
});

test('2302 cancels open lines; 2404 cancels an admission without lines; 2405 cancels a discharge', async () => {
  const { mdtrtId } = await admit(t.hospital, RESIDENT);
  const lines = inpatientFees(mdtrtId, RESIDENT, [{ code: '120100001000000', cnt: '1' }, { code: '250101001000000', cnt: '1' }]);
  await t.hospital.ok('2301', { feedetail: lines });
  await discharge(t.hospital, RESIDENT, mdtrtId);
  await t.hospital.ok('2405', { data: { mdtrt_id: mdtrtId, psn_no: RESIDENT.psnNo } });
  expect((await visit(mdtrtId)).state).toBe('admitted');
  const cancelAdmission = { data: { mdtrt_id: mdtrtId, psn_no: RESIDENT.psnNo } };
  expectRefusalOf(await t.hospital.refused('2404', cancelAdmission), 'input.data.mdtrt_id');
  expect(await visit(mdtrtId)).toMatchObject({ state: 'admitted', open_fee_lines: 2 });
  await t.hospital.ok('2302', { data: { feedetl_sn: lines[0]!.feedetl_sn, mdtrt_id: mdtrtId, psn_no: RESIDENT.psnNo } });
  expect((await visit(mdtrtId)).open_fee_lines).toBe(1);
  await t.hospital.ok('2302', { data: { feedetl_sn: '0000', mdtrt_id: mdtrtId, psn_no: RESIDENT.psnNo } });
  await t.hospital.ok('2404', cancelAdmission);
  expect((await visit(mdtrtId)).state).toBe('cancelled');
  expectRefusalOf(await t.hospital.refused('2404', cancelAdmission), 'input.data.mdtrt_id');
  expect((await visit(mdtrtId)).state).toBe('cancelled');
});

test('one open stay per person; admission fields are required', async () => {
  const { mdtrtId } = await admit(t.hospital, RESIDENT);
  const second = await admit(t.hospital, RESIDENT).then(
    () => 'admitted twice',
    (error: Error) => error.message,
  );
  expectRefusalOf(second, 'input.mdtrtinfo.psn_no');
  // Which stay is open is what the hospital needs to settle or cancel it.
  expect(second).toContain(mdtrtId);
  expect((await visit(mdtrtId)).state).toBe('admitted');
  expectRefusalOf(await t.hospital.refused('2401', { mdtrtinfo: { psn_no: RESIDENT.psnNo } }), 'input.mdtrtinfo.insutype');
});

test('2301 refuses refund lines and lines of another stay', async () => {
  const { mdtrtId } = await admit(t.hospital, EMPLOYEE_SMALL_ACCOUNT);
  const [line] = inpatientFees(mdtrtId, EMPLOYEE_SMALL_ACCOUNT, [{ code: '120100001000000', cnt: '1' }]);
  expectRefusalOf(await t.hospital.refused('2301', { feedetail: [{ ...line, init_feedetl_sn: 'F1' }] }), 'input.feedetail[0].init_feedetl_sn');
  expectRefusalOf(await t.hospital.refused('2301', { feedetail: [line, { ...line, feedetl_sn: 'other', mdtrt_id: 'X' }] }), 'input.feedetail[1].mdtrt_id');
  expect((await visit(mdtrtId)).open_fee_lines).toBe(0);
});
