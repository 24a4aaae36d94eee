import { EMPLOYEE_SMALL_ACCOUNT, RESIDENT } from './support/flows';
import { purchaseInput } from './support/pharmacyFlows';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await t.pharmacy.signIn();
});
afterAll(() => t.stop());

const balance = async (psnNo: string) => (await t.admin(`/persons?psn_no=${psnNo}`)).body.balc as number;

test('2101 previews a purchase without storing anything; 2102 settles the same figures', async () => {
  const lines = [{ code: 'XC10AAA086B001010100', cnt: '2' }, { code: 'XA10BAA053A001010100', cnt: '1' }];
  const preview = await t.pharmacy.ok('2101', purchaseInput(EMPLOYEE_SMALL_ACCOUNT, lines));
  // B 24.80 over its 23.00 ceiling: 3.60 over limit, 10% of 46.00 paid first; A 12.90 in scope.
  expect(preview.output.setlinfo).toMatchObject({
    medfee_sumamt: 62.5, overlmt_selfpay: 3.6, preselfpay_amt: 4.6, inscp_scp_amt: 54.3, fulamt_ownpay_amt: 0,
    act_pay_dedc: 54.3, hifp_pay: 0, acct_pay: 62.5, psn_cash_pay: 0, setl_id: null, mdtrt_id: null,
  });
  expect(preview.output.detlcutinfo).toHaveLength(2);
  expect(await balance(EMPLOYEE_SMALL_ACCOUNT.psnNo)).toBe(88.5);

  const split = preview.output.setlinfo;
  const settled = await t.pharmacy.ok('2102', purchaseInput(EMPLOYEE_SMALL_ACCOUNT, lines, {
    split: { fulamt_ownpay_amt: split.fulamt_ownpay_amt, overlmt_selfpay: split.overlmt_selfpay, preselfpay_amt: split.preselfpay_amt, inscp_scp_amt: split.inscp_scp_amt },
  }));
  expect(settled.output.setlinfo).toMatchObject({ medfee_sumamt: 62.5, acct_pay: 62.5, balc: 26, medins_setl_id: settled.msgid, clr_type: '41' });
  expect(settled.output.setlinfo.mdtrt_id).toHaveLength(30);
  expect(await balance(EMPLOYEE_SMALL_ACCOUNT.psnNo)).toBe(26);
});

test('the account pays what it holds; the rest is cash', async () => {
  const { output } = await t.pharmacy.ok('2102', purchaseInput(EMPLOYEE_SMALL_ACCOUNT, [{ code: 'XJ01DCA064B002010100', cnt: '1' }]));
  expect(output.setlinfo).toMatchObject({ medfee_sumamt: 32.6, acct_pay: 26, psn_cash_pay: 6.6, balc: 0 });
});

test('2103 cancels a purchase once and gives the fund its share back', async () => {
  const { output } = await t.pharmacy.ok('2102', purchaseInput(RESIDENT, [{ code: 'XA02BCA076A001010100', cnt: '1' }]));
  expect(output.setlinfo).toMatchObject({ medfee_sumamt: 18.5, hifp_pay: 9.25, psn_cash_pay: 9.25 });
  const cancel = { data: { setl_id: output.setlinfo.setl_id, mdtrt_id: output.setlinfo.mdtrt_id, psn_no: RESIDENT.psnNo } };
  const cancelled = await t.pharmacy.ok('2103', cancel);
  expect(cancelled.output.setlinfo).toMatchObject({ medfee_sumamt: -18.5, hifp_pay: -9.25, psn_cash_pay: -9.25 });
  expect((await t.admin(`/persons?psn_no=${RESIDENT.psnNo}`)).body.annual).toEqual([]);
  expect((await t.admin(`/visits?mdtrt_id=${output.setlinfo.mdtrt_id}`)).body.state).toBe('cancelled');
  expectRefusalOf(await t.pharmacy.refused('2103', cancel), 'input.data.setl_id');
  expect((await t.admin(`/settlements?mdtrt_id=${output.setlinfo.mdtrt_id}`)).body.settlements.map((s: { state: string }) => s.state)).toEqual(['cancelled', 'valid']);
  expect((await t.admin(`/persons?psn_no=${RESIDENT.psnNo}`)).body.annual).toEqual([]);
});

test('purchase rules', async () => {
  const input = purchaseInput(RESIDENT, [{ code: 'XA02BCA076A001010100', cnt: '1' }]);
  const before = (await t.admin(`/persons?psn_no=${RESIDENT.psnNo}`)).body;
  expectRefusalOf(await t.pharmacy.refused('2102', { ...input, druginfo: { ...input.druginfo, med_type: '11' } }), 'input.druginfo.med_type');
  const wrongTotal = await t.pharmacy.refused('2102', { ...input, druginfo: { ...input.druginfo, medfee_sumamt: 1 } });
  expectRefusalOf(wrongTotal, 'input.druginfo.medfee_sumamt');
  // The platform's own figure is what the pharmacy needs to find its mistake.
  expect(wrongTotal).toContain('18.5');
  expectRefusalOf(await t.pharmacy.refused('2102', { ...input, drugdetail: [] }), 'input.drugdetail');
  expectRefusalOf(await t.pharmacy.refused('2102', { ...input, drugdetail: [input.drugdetail[0], input.drugdetail[0]] }), 'input.drugdetail[1].feedetl_sn');
  expect((await t.admin(`/persons?psn_no=${RESIDENT.psnNo}`)).body).toEqual(before);
});
