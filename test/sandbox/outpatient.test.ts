import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';
import { EMPLOYEE, RESIDENT, feeLines, outpatientSettlement, register, settleInput, visitInfo } from './support/flows';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await t.hospital.signIn();
});
afterAll(() => t.stop());

const person = (psnNo: string) => t.admin(`/persons?psn_no=${psnNo}`).then((r) => r.body);

describe('outpatient settlement 2201 → 2203 → 2204 → 2206 → 2207', () => {
  test('a resident bill splits by class, ceiling and ratio, to the fen', async () => {
    const r = await outpatientSettlement(t.hospital, RESIDENT, [
      { code: 'XJ01DCA064B002010100', cnt: '1' }, // B 32.60: 3.26 paid first
      { code: 'XC09AAA025A001010100', cnt: '2' }, // A 6.20 over its 6.00 ceiling: 0.40 over the limit
      { code: 'XS01XXX000C001010100', cnt: '1' }, // C 15.00: all self-paid
    ]);
    expect(r.upload.result.map((line: { overlmt_amt: number }) => line.overlmt_amt)).toEqual([0, 0.4, 0]);
    expect(r.pre.setlinfo.setl_id).toBeNull();
    expect(r.settled.setlinfo).toMatchObject({
      medfee_sumamt: 60, fulamt_ownpay_amt: 15, overlmt_selfpay: 0.4, preselfpay_amt: 3.26, inscp_scp_amt: 41.34,
      act_pay_dedc: 0, hifp_pay: 20.67, pool_prop_selfpay: 0.5, fund_pay_sumamt: 20.67, psn_part_amt: 39.33,
      acct_pay: 0, psn_cash_pay: 39.33, hosp_part_amt: 0, medins_setl_id: r.msgid, insutype: '390', med_type: '11',
    });
    expect(r.settled.setlinfo.setl_id).toHaveLength(30);
    expect(r.settled.setldetail[0]).toMatchObject({ fund_pay_type: '390100', fund_payamt: 20.67 });
  });

  test('an employee pays the deductible from the personal account', async () => {
    const before = await person(EMPLOYEE.psnNo);
    const r = await outpatientSettlement(t.hospital, EMPLOYEE, [
      { code: 'XA02BCA076A001010100', cnt: '2' },
      { code: '001102000010000', cnt: '1' },
    ]);
    expect(r.settled.setlinfo).toMatchObject({ medfee_sumamt: 47, act_pay_dedc: 47, hifp_pay: 0, acct_pay: 47, psn_cash_pay: 0, balc: 3473 });
    const after = await person(EMPLOYEE.psnNo);
    expect(before.balc - after.balc).toBeCloseTo(47, 2);
    expect(after.annual).toEqual([{ year: expect.any(Number), setting: 'outpatient', deductible_used: 47, fund_paid: 0 }]);
  });

  test('acct_used_flag 0 leaves the account alone', async () => {
    const r = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: '250101001000000', cnt: '1' }], { acct: false });
    expect(r.settled.setlinfo).toMatchObject({ acct_pay: 0, psn_cash_pay: 20, balc: 3473 });
  });

  test('2207 with amounts that differ from the platform\'s is refused and changes nothing', async () => {
    const mdtrtId = await register(t.hospital, RESIDENT);
    await visitInfo(t.hospital, RESIDENT, mdtrtId);
    await t.hospital.ok('2204', { feedetail: feeLines(mdtrtId, RESIDENT, [{ code: '250101001000000', cnt: '1' }]) });
    const input = settleInput(RESIDENT, mdtrtId, { medfee_sumamt: 20, fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 19.99 });
    const err = await t.hospital.refused('2207', input);
    expectRefusalOf(err, 'input.data.inscp_scp_amt');
    // The platform's figure is what the hospital needs to find its mistake.
    expect(err).toContain('20');
    const visit = (await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body;
    expect(visit).toMatchObject({ state: 'registered', open_fee_lines: 1, settled_fee_lines: 0 });
  });

  test('2207 needs 2203 first and fee lines to settle', async () => {
    const mdtrtId = await register(t.hospital, RESIDENT);
    const input = settleInput(RESIDENT, mdtrtId, { medfee_sumamt: 0, fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 0 });
    expectRefusalOf(await t.hospital.refused('2207', input), 'input.data.mdtrt_id');
    await visitInfo(t.hospital, RESIDENT, mdtrtId);
    expectRefusalOf(await t.hospital.refused('2207', input), 'input.data.mdtrt_id');
    expect((await t.admin(`/settlements?mdtrt_id=${mdtrtId}`)).body.settlements).toEqual([]);
    expect((await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body).toMatchObject({ state: 'registered', open_fee_lines: 0 });
  });
});

describe('cancels restore exactly', () => {
  test('2208 gives back account, yearly totals and fee lines, with a negative settlement; twice is refused', async () => {
    const before = await person(EMPLOYEE.psnNo);
    const r = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: '210102015000000', cnt: '1' }]);
    const setl = r.settled.setlinfo;
    const cancel = { data: { setl_id: setl.setl_id, mdtrt_id: r.mdtrtId, psn_no: EMPLOYEE.psnNo } };
    const { output, msgid } = await t.hospital.ok('2208', cancel);
    expect(output.setlinfo).toMatchObject({ medfee_sumamt: -setl.medfee_sumamt, acct_pay: -setl.acct_pay, medins_setl_id: msgid });
    expect(output.setlinfo.setl_id).not.toBe(setl.setl_id);
    expect(await person(EMPLOYEE.psnNo)).toEqual(before);
    expect((await t.admin(`/visits?mdtrt_id=${r.mdtrtId}`)).body).toMatchObject({ state: 'registered', open_fee_lines: 1 });
    expectRefusalOf(await t.hospital.refused('2208', cancel), 'input.data.setl_id');
    expect(await person(EMPLOYEE.psnNo)).toEqual(before);
    expect((await t.admin(`/settlements?mdtrt_id=${r.mdtrtId}`)).body.settlements).toHaveLength(2);
  });

  test('2205 removes open lines; 2202 cancels the registration once', async () => {
    const mdtrtId = await register(t.hospital, RESIDENT);
    await visitInfo(t.hospital, RESIDENT, mdtrtId);
    await t.hospital.ok('2204', { feedetail: feeLines(mdtrtId, RESIDENT, [{ code: '250101001000000', cnt: '1' }]) });
    const cancelReg = { data: { psn_no: RESIDENT.psnNo, mdtrt_id: mdtrtId, ipt_otp_no: await iptOf(mdtrtId) } };
    expectRefusalOf(await t.hospital.refused('2202', cancelReg), 'input.data.mdtrt_id');
    expect((await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body).toMatchObject({ state: 'registered', open_fee_lines: 1 });
    await t.hospital.ok('2205', { data: { mdtrt_id: mdtrtId, chrg_bchno: '0000', psn_no: RESIDENT.psnNo } });
    expectRefusalOf(await t.hospital.refused('2205', { data: { mdtrt_id: mdtrtId, chrg_bchno: '0000', psn_no: RESIDENT.psnNo } }), 'input.data.chrg_bchno');
    await t.hospital.ok('2202', cancelReg);
    expectRefusalOf(await t.hospital.refused('2202', cancelReg), 'input.data.mdtrt_id');
    expect((await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body.state).toBe('cancelled');
  });

  test('2202 is refused while a settlement stands', async () => {
    const r = await outpatientSettlement(t.hospital, RESIDENT, [{ code: '001102000010000', cnt: '1' }]);
    const err = await t.hospital.refused('2202', { data: { psn_no: RESIDENT.psnNo, mdtrt_id: r.mdtrtId, ipt_otp_no: await iptOf(r.mdtrtId) } });
    expectRefusalOf(err, 'input.data.mdtrt_id');
    expect((await t.admin(`/visits?mdtrt_id=${r.mdtrtId}`)).body.state).toBe('registered');
    expect((await t.admin(`/settlements?msgid=${r.msgid}`)).body.settlements[0].state).toBe('valid');
  });
});

describe('fee line rules', () => {
  test.each([
    [{ med_list_codg: 'NOPE' }, 'input.feedetail[0].med_list_codg'],
    [{ cnt: 0 }, 'input.feedetail[0].cnt'],
    [{ det_item_fee_sumamt: 99.99 }, 'input.feedetail[0].det_item_fee_sumamt'],
    [{ det_item_fee_sumamt: 20.001 }, 'input.feedetail[0].det_item_fee_sumamt'],
    [{ fee_ocur_time: '2026-13-01 00:00:00' }, 'input.feedetail[0].fee_ocur_time'],
    [{ chrg_bchno: undefined }, 'input.feedetail[0].chrg_bchno'],
  ])('%j is refused, naming %s, and uploads nothing', async (change, field) => {
    const mdtrtId = await register(t.hospital, RESIDENT);
    const [line] = feeLines(mdtrtId, RESIDENT, [{ code: '250101001000000', cnt: '1' }]);
    expectRefusalOf(await t.hospital.refused('2204', { feedetail: [{ ...line, ...change }] }), field);
    expect((await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body.open_fee_lines).toBe(0);
  });

  test('a feedetl_sn is unique within the visit', async () => {
    const mdtrtId = await register(t.hospital, RESIDENT);
    const lines = feeLines(mdtrtId, RESIDENT, [{ code: '250101001000000', cnt: '1' }]);
    await t.hospital.ok('2204', { feedetail: lines });
    expectRefusalOf(await t.hospital.refused('2204', { feedetail: lines }), 'input.feedetail[0].feedetl_sn');
    expect((await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body.open_fee_lines).toBe(1);
  });
});

async function iptOf(mdtrtId: string): Promise<string> {
  const rows = await t.admin(`/visits?mdtrt_id=${mdtrtId}`);
  return rows.body.ipt_otp_no as string;
}
