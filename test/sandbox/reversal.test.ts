import { EMPLOYEE, EMPLOYEE_SMALL_ACCOUNT, RESIDENT, RESIDENT_2, outpatientSettlement } from './support/flows';
import { admit, discharge, inpatientFees, settleStay } from './support/inpatientFlows';
import { purchaseInput } from './support/pharmacyFlows';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await t.hospital.signIn();
  await t.pharmacy.signIn();
});
afterAll(() => t.stop());

const person = async (psnNo: string) => (await t.admin(`/persons?psn_no=${psnNo}`)).body;
const settlements = async (msgid: string) => (await t.admin(`/settlements?msgid=${msgid}`)).body.settlements;
const reversal = (psnNo: string, omsgid: string, oinfno: string) => ({ data: { psn_no: psnNo, omsgid, oinfno } });
const message = async (msgid: string) => (await t.admin(`/messages?msgid=${msgid}`)).body.message;

test('2601 of a 2207 undoes it exactly; a second 2601 is refused', async () => {
  const before = await person(EMPLOYEE.psnNo);
  const r = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: '210102015000000', cnt: '1' }]);
  expect((await person(EMPLOYEE.psnNo)).balc).toBeLessThan(before.balc);
  await t.hospital.ok('2601', reversal(EMPLOYEE.psnNo, r.msgid, '2207'));
  expect(await person(EMPLOYEE.psnNo)).toEqual(before);
  expect((await settlements(r.msgid))[0].state).toBe('reversed');
  expect((await t.admin(`/visits?mdtrt_id=${r.mdtrtId}`)).body).toMatchObject({ state: 'registered', open_fee_lines: 1 });
  const reversedBy = (await message(r.msgid)).reversed_by as string;
  expect(reversedBy).toMatch(/^\w{30}$/);
  expectRefusalOf(await t.hospital.refused('2601', reversal(EMPLOYEE.psnNo, r.msgid, '2207')), 'input.data.omsgid');
  expect((await message(r.msgid)).reversed_by).toBe(reversedBy);
  expectRefusalOf(await t.hospital.refused('2208', { data: { setl_id: r.settled.setlinfo.setl_id, mdtrt_id: r.mdtrtId, psn_no: EMPLOYEE.psnNo } }), 'input.data.setl_id');
  expect(await person(EMPLOYEE.psnNo)).toEqual(before);
  expect((await t.admin(`/settlements?mdtrt_id=${r.mdtrtId}`)).body.settlements).toEqual([expect.objectContaining({ msgid: r.msgid, state: 'reversed' })]);
});

test('2601 of a 2208 puts the settlement back, effects and all', async () => {
  const r = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: 'XA02BCA076A001010100', cnt: '3' }]);
  const settled = await person(EMPLOYEE.psnNo);
  const cancel = await t.hospital.ok('2208', { data: { setl_id: r.settled.setlinfo.setl_id, mdtrt_id: r.mdtrtId, psn_no: EMPLOYEE.psnNo } });
  expect((await person(EMPLOYEE.psnNo)).balc).toBeGreaterThan(settled.balc);
  await t.hospital.ok('2601', reversal(EMPLOYEE.psnNo, cancel.msgid, '2208'));
  expect(await person(EMPLOYEE.psnNo)).toEqual(settled);
  expect((await settlements(r.msgid))[0]).toMatchObject({ state: 'valid', cancelled_by: null });
  expect((await settlements(cancel.msgid))[0]).toMatchObject({ state: 'reversed', refd_setl_flag: 1 });
});

test('a cancelled settlement must have its cancel reversed first', async () => {
  const r = await outpatientSettlement(t.hospital, RESIDENT, [{ code: '001102000010000', cnt: '1' }]);
  const cancel = await t.hospital.ok('2208', { data: { setl_id: r.settled.setlinfo.setl_id, mdtrt_id: r.mdtrtId, psn_no: RESIDENT.psnNo } });
  const err = await t.hospital.refused('2601', reversal(RESIDENT.psnNo, r.msgid, '2207'));
  expectRefusalOf(err, 'input.data.omsgid');
  // The cancel that stands in the way is the one fact the answer must carry.
  expect(err).toContain(cancel.output.setlinfo.setl_id);
  expect((await settlements(r.msgid))[0]).toMatchObject({ state: 'cancelled', cancelled_by: cancel.output.setlinfo.setl_id });
  expect((await message(r.msgid)).reversed_by).toBeNull();
});

test('2601 of a pharmacy 2102 and of its 2103', async () => {
  const before = await person(EMPLOYEE_SMALL_ACCOUNT.psnNo);
  const sale = await t.pharmacy.ok('2102', purchaseInput(EMPLOYEE_SMALL_ACCOUNT, [{ code: 'XA10BAA053A001010100', cnt: '1' }]));
  await t.pharmacy.ok('2601', reversal(EMPLOYEE_SMALL_ACCOUNT.psnNo, sale.msgid, '2102'));
  expect(await person(EMPLOYEE_SMALL_ACCOUNT.psnNo)).toEqual(before);
  expect((await t.admin(`/visits?mdtrt_id=${sale.output.setlinfo.mdtrt_id}`)).body.state).toBe('cancelled');

  const second = await t.pharmacy.ok('2102', purchaseInput(EMPLOYEE_SMALL_ACCOUNT, [{ code: 'XA10BAA053A001010100', cnt: '2' }]));
  const sold = await person(EMPLOYEE_SMALL_ACCOUNT.psnNo);
  const { setl_id, mdtrt_id } = second.output.setlinfo;
  const cancel = await t.pharmacy.ok('2103', { data: { setl_id, mdtrt_id, psn_no: EMPLOYEE_SMALL_ACCOUNT.psnNo } });
  await t.pharmacy.ok('2601', reversal(EMPLOYEE_SMALL_ACCOUNT.psnNo, cancel.msgid, '2103'));
  expect(await person(EMPLOYEE_SMALL_ACCOUNT.psnNo)).toEqual(sold);
  expect((await t.admin(`/visits?mdtrt_id=${mdtrt_id}`)).body.state).toBe('settled');
});

test('2601 of a 2304 and of a 2305', async () => {
  const { mdtrtId } = await admit(t.hospital, RESIDENT_2);
  await t.hospital.ok('2301', { feedetail: inpatientFees(mdtrtId, RESIDENT_2, [{ code: 'XJ01DCA064B002010100', cnt: '40' }]) });
  await discharge(t.hospital, RESIDENT_2, mdtrtId);
  const before = await person(RESIDENT_2.psnNo);
  const first = await settleStay(t.hospital, RESIDENT_2, mdtrtId, 1304);
  expect(first.settled.setlinfo.hifp_pay).toBeGreaterThan(0);
  await t.hospital.ok('2601', reversal(RESIDENT_2.psnNo, first.msgid, '2304'));
  expect(await person(RESIDENT_2.psnNo)).toEqual(before);
  expect((await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body.state).toBe('discharged');

  const second = await settleStay(t.hospital, RESIDENT_2, mdtrtId, 1304);
  const settled = await person(RESIDENT_2.psnNo);
  const cancel = await t.hospital.ok('2305', { data: { mdtrt_id: mdtrtId, setl_id: second.settled.setlinfo.setl_id, psn_no: RESIDENT_2.psnNo } });
  await t.hospital.ok('2601', reversal(RESIDENT_2.psnNo, cancel.msgid, '2305'));
  expect(await person(RESIDENT_2.psnNo)).toEqual(settled);
  expect((await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body.state).toBe('settled');
});

test('2601 of a 2401 reverses an open admission', async () => {
  const { mdtrtId, msgid } = await admit(t.hospital, EMPLOYEE);
  await t.hospital.ok('2601', reversal(EMPLOYEE.psnNo, msgid, '2401'));
  expect((await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body.state).toBe('reversed');
  await admit(t.hospital, EMPLOYEE);
});

test('2601 refusals name the field; the records show why, and nothing is undone', async () => {
  const r = await outpatientSettlement(t.hospital, RESIDENT, [{ code: '001102000010000', cnt: '1' }]);
  const settled = await person(RESIDENT.psnNo);
  const never = t.hospital.nextMsgid();
  expectRefusalOf(await t.hospital.refused('2601', reversal(RESIDENT.psnNo, never, '2207')), 'input.data.omsgid');
  expect(await message(never)).toBeNull();
  expectRefusalOf(await t.hospital.refused('2601', reversal(RESIDENT.psnNo, r.msgid, '2208')), 'input.data.oinfno');
  expectRefusalOf(await t.hospital.refused('2601', reversal(RESIDENT.psnNo, r.msgid, '2201')), 'input.data.oinfno');
  expectRefusalOf(await t.hospital.refused('2601', reversal(EMPLOYEE.psnNo, r.msgid, '2207')), 'input.data.psn_no');
  // Another institution's msgid is as unknown to it as one never sent.
  expectRefusalOf(await t.pharmacy.refused('2601', reversal(RESIDENT.psnNo, r.msgid, '2207')), 'input.data.omsgid');
  expect(await message(r.msgid)).toMatchObject({ infno: '2207', infcode: 0, fixmedins_code: t.hospital.institution.code, reversed_by: null });
  expect((await settlements(r.msgid))[0].state).toBe('valid');
  expect(await person(RESIDENT.psnNo)).toEqual(settled);

  const failed = t.hospital.nextMsgid();
  await t.hospital.refused('2207', { data: { psn_no: RESIDENT.psnNo } }, { msgid: failed });
  expectRefusalOf(await t.hospital.refused('2601', reversal(RESIDENT.psnNo, failed, '2207')), 'input.data.omsgid');
  expect(await message(failed)).toMatchObject({ infcode: -1, reversed_by: null });
  expect(await settlements(failed)).toEqual([]);
});
