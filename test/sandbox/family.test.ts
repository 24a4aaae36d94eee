import { strToU8, unzipSync, zipSync } from 'fflate';
import { PLATFORM_PATH } from '../../sandbox/platform';
import { FAMILY_REFUSALS } from '../../sandbox/platform/family';
import { cstDate } from '../../sandbox/platform/wire';
import { DEMO_PERSONS, type DemoPerson } from '../../sandbox/seed/demoPersons';
import { catalogueByCode } from '../../sandbox/seed/catalogue';
import { fenToYuan } from '../../shared/money';
import { certOf, feeLines, lineFen, register, settleInput, visitInfo, type BillLine } from './support/flows';
import { purchaseInput } from './support/pharmacyFlows';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

/**
 * 个人账户家庭共济 on the sandbox platform (platform/family.ts): who may pay for whom, the split
 * to the fen, both accounts restored by cancels and reversals, and the records that carry it.
 */
const [MING, BAI, XIULAN, XIAOHONG] = DEMO_PERSONS as [DemoPerson, DemoPerson, DemoPerson, DemoPerson];
const LELE = DEMO_PERSONS.find((p) => p.name === '欧阳乐乐')!;
const DEHUA = DEMO_PERSONS.find((p) => p.name === '欧阳德华')!;

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
  await t.pharmacy.signIn();
  await t.hospital.signIn();
});
afterEach(() => t.stop());

const fen = (yuan: number) => Math.round(yuan * 100);
const balanceFen = async (p: DemoPerson) => fen((await t.admin(`/persons?psn_no=${p.psnNo}`)).body.balc as number);
const balances = async () => ({ ming: await balanceFen(MING), xiulan: await balanceFen(XIULAN) });

/** 2101 for the split, then 2102 with it, with 共济 from `payer`. */
async function buyFor(patient: DemoPerson, payer: DemoPerson, lines: BillLine[], acct = true) {
  const ask = (split = {}) => {
    const input = purchaseInput(patient, lines, { acct, split });
    return { ...input, druginfo: { ...input.druginfo, mulaid_psn_no: payer.psnNo } };
  };
  const preview = await t.pharmacy.ok('2101', ask());
  const s = preview.output.setlinfo;
  const scope = { fulamt_ownpay_amt: s.fulamt_ownpay_amt, overlmt_selfpay: s.overlmt_selfpay, preselfpay_amt: s.preselfpay_amt, inscp_scp_amt: s.inscp_scp_amt };
  return { preview: s, ...(await t.pharmacy.ok('2102', ask(scope))) };
}

/** Every setlinfo keeps psn_part_amt = acct_pay + acct_mulaid_pay + psn_cash_pay to the fen. */
function expectSplit(s: Record<string, number>) {
  expect(fen(s.psn_part_amt!)).toBe(fen(s.acct_pay!) + fen(s.acct_mulaid_pay!) + fen(s.psn_cash_pay!));
  expect(fen(s.medfee_sumamt!)).toBe(fen(s.fund_pay_sumamt!) + fen(s.psn_part_amt!) + fen(s.hosp_part_amt!));
}

describe('the split', () => {
  test('a resident child: the relative’s account pays the whole personal part, the child’s balance is untouched', async () => {
    const before = await balanceFen(MING);
    // Class A 18.50 × 2, no ceiling hit; residents' pharmacy ratio 50 %, no deductible.
    const { preview, output } = await buyFor(LELE, MING, [{ code: 'XA02BCA076A001010100', cnt: '2' }]);
    const s = output.setlinfo;
    expect(s).toMatchObject({ medfee_sumamt: 37, hifp_pay: 18.5, psn_part_amt: 18.5, acct_pay: 0, acct_mulaid_pay: 18.5, psn_cash_pay: 0, mulaid_psn_no: MING.psnNo });
    expect(preview).toMatchObject({ acct_mulaid_pay: 18.5, psn_cash_pay: 0 });
    expectSplit(s);
    expect(await balanceFen(MING)).toBe(before - 1850);
    expect(await balanceFen(LELE)).toBe(0);
    expect(output.setldetail.map((d: { fund_payamt: number }) => d.fund_payamt)).toContain(18.5);
  });

  test('an employee patient: own account first (acct_used_flag 1), the relative’s the rest; with 0, the relative’s alone', async () => {
    const lines = [{ code: 'XJ01DCA064B002010100', cnt: '3' }];
    const first = await balances();
    const own = (await buyFor(XIULAN, MING, lines)).output.setlinfo;
    expectSplit(own);
    // The employee deductible takes the whole small bill: the person bears all of it.
    expect(fen(own.psn_part_amt)).toBe(9780);
    expect(fen(own.acct_pay)).toBe(first.xiulan); // 88.50, all she has
    expect(fen(own.acct_mulaid_pay)).toBe(9780 - first.xiulan);
    expect(own.psn_cash_pay).toBe(0);
    expect(await balances()).toEqual({ xiulan: 0, ming: first.ming - (9780 - first.xiulan) });

    const second = await balances();
    const payerOnly = (await buyFor(XIULAN, MING, lines, false)).output.setlinfo;
    expectSplit(payerOnly);
    expect(payerOnly).toMatchObject({ acct_pay: 0, psn_cash_pay: 0 });
    expect(fen(payerOnly.acct_mulaid_pay)).toBe(fen(payerOnly.psn_part_amt));
    expect(await balances()).toEqual({ xiulan: 0, ming: second.ming - fen(payerOnly.psn_part_amt) });
  });

  test('a relative whose balance is short pays what it holds; the rest is cash, not a refusal', async () => {
    const held = await balanceFen(XIULAN);
    // Class A 12.90 × 16 for the resident child: 50 % fund, 103.20 personal part, more than 88.50.
    const s = (await buyFor(LELE, XIULAN, [{ code: 'XA10BAA053A001010100', cnt: '16' }])).output.setlinfo;
    expectSplit(s);
    expect(fen(s.psn_part_amt)).toBe(10_320);
    expect(fen(s.acct_mulaid_pay)).toBe(held);
    expect(fen(s.psn_cash_pay)).toBe(10_320 - held);
    expect(await balanceFen(XIULAN)).toBe(0);
  });
});

describe('refusals: Chinese, varied, one cause each, nothing changed', () => {
  const cases: Array<[string, DemoPerson, DemoPerson, keyof typeof FAMILY_REFUSALS]> = [
    ['not bound', XIAOHONG, MING, 'FAMILY_NOT_BOUND'],
    ['bound but not allowed to pay (其他亲属)', DEHUA, XIULAN, 'FAMILY_NOT_ALLOWED'],
    ['a resident payer has no account', XIAOHONG, BAI, 'FAMILY_PAYER_RESIDENT'],
    ['the patient cannot pay for themself', MING, MING, 'FAMILY_SELF'],
  ];
  test.each(cases)('%s', async (_what, patient, payer, cause) => {
    const input = purchaseInput(patient, [{ code: 'XA02BCA076A001010100', cnt: '1' }]);
    const asked = { ...input, druginfo: { ...input.druginfo, mulaid_psn_no: payer.psnNo } };
    const before = [await balanceFen(patient), await balanceFen(payer)];
    const said = new Set<string>();
    for (let i = 0; i < 6; i += 1) {
      const answer = await t.pharmacy.send('2102', asked);
      expect(answer.body).toMatchObject({ infcode: -1, output: null });
      expectRefusalOf(answer.body.err_msg, 'input.druginfo.mulaid_psn_no');
      said.add(answer.body.err_msg!);
      // The cause is on the platform's record of the message, never on the wire (spec §4).
      expect((await t.admin(`/messages?msgid=${answer.msgid}`)).body.message).toMatchObject({ infcode: -1, cause });
    }
    expect(said.size).toBeGreaterThan(1);
    expect([await balanceFen(patient), await balanceFen(payer)]).toEqual(before);
    // Without 共济 the same sale goes through: the refusal was about the payer alone.
    expect((await t.pharmacy.ok('2101', input)).output.setlinfo.acct_mulaid_pay).toBe(0);
  });
});

/** 2201 → 2203 → 2204 → 2206 → 2207 for the patient, with 共济 from the payer. */
async function outpatientFor(patient: DemoPerson, payer: DemoPerson, lines: BillLine[]) {
  const mdtrtId = await register(t.hospital, patient);
  await visitInfo(t.hospital, patient, mdtrtId);
  await t.hospital.ok('2204', { feedetail: feeLines(mdtrtId, patient, lines) });
  const withAid = (input: { data: Record<string, unknown> }) => ({ data: { ...input.data, mulaid_psn_no: payer.psnNo } });
  const totalFen = lines.reduce((sum, l) => sum + lineFen(l.cnt, catalogueByCode.get(l.code)!.priceFen), 0);
  const pre = await t.hospital.ok('2206', withAid(settleInput(patient, mdtrtId, { medfee_sumamt: Number(fenToYuan(totalFen)) })));
  const settled = await t.hospital.ok('2207', withAid(settleInput(patient, mdtrtId, pre.output.setlinfo)));
  return { mdtrtId, setlinfo: settled.output.setlinfo, msgid: settled.msgid };
}

describe('cancel and reversal restore both accounts to the fen', () => {
  // 107.80, more than 张秀兰's 88.50: both accounts pay.
  const bill = [{ code: '001102000010000', cnt: '1' }, { code: 'XJ01DCA064B002010100', cnt: '3' }];

  test('2208 gives both accounts back, and 2601 of the cancel takes both again', async () => {
    const start = await balances();
    const { mdtrtId, setlinfo } = await outpatientFor(XIULAN, MING, bill);
    expectSplit(setlinfo);
    expect(setlinfo.acct_mulaid_pay).toBeGreaterThan(0);
    const charged = await balances();
    expect(charged).toEqual({ xiulan: start.xiulan - fen(setlinfo.acct_pay), ming: start.ming - fen(setlinfo.acct_mulaid_pay) });

    const cancel = await t.hospital.ok('2208', { data: { setl_id: setlinfo.setl_id, mdtrt_id: mdtrtId, psn_no: XIULAN.psnNo } });
    const undone = cancel.output.setlinfo;
    for (const key of ['acct_pay', 'acct_mulaid_pay', 'psn_cash_pay', 'psn_part_amt']) expect(fen(undone[key]) + fen(setlinfo[key])).toBe(0);
    expectSplit(cancel.output.setlinfo);
    expect(await balances()).toEqual(start);

    await t.hospital.ok('2601', { data: { psn_no: XIULAN.psnNo, omsgid: cancel.msgid, oinfno: '2208' } });
    expect(await balances()).toEqual(charged);
  });

  test('2601 of a 共济 settlement is as if it never happened', async () => {
    const start = await balances();
    const { setlinfo, msgid } = await outpatientFor(XIULAN, MING, bill);
    expect(await balances()).not.toEqual(start);
    await t.hospital.ok('2601', { data: { psn_no: XIULAN.psnNo, omsgid: msgid, oinfno: '2207' } });
    expect(await balances()).toEqual(start);
    expect((await t.admin(`/settlements?setl_id=${setlinfo.setl_id}`)).body.settlements[0]).toMatchObject({ state: 'reversed', mulaid_psn_no: MING.psnNo });
  });

  test('2103 of a pharmacy sale restores the relative’s account', async () => {
    const before = await balanceFen(MING);
    const { output } = await buyFor(DEHUA, MING, [{ code: 'XA10BAA053A001010100', cnt: '3' }]);
    expect(await balanceFen(MING)).toBe(before - fen(output.setlinfo.acct_mulaid_pay));
    await t.pharmacy.ok('2103', { data: { setl_id: output.setlinfo.setl_id, mdtrt_id: output.setlinfo.mdtrt_id, psn_no: DEHUA.psnNo } });
    expect(await balanceFen(MING)).toBe(before);
  });
});

describe('records carry 共济', () => {
  test('5203 by setl_id and by period, and the 3202 result (9102) say what 共济 paid and whose account', async () => {
    const { output } = await buyFor(LELE, MING, [{ code: 'XA02BCA076A001010100', cnt: '2' }]);
    const s = output.setlinfo;
    const one = await t.pharmacy.ok('5203', { data: { psn_no: LELE.psnNo, setl_id: s.setl_id } });
    expect(one.output.setlinfo).toMatchObject({ acct_mulaid_pay: 18.5, mulaid_psn_no: MING.psnNo, vali_flag: '1' });
    const day = cstDate(new Date());
    const period = await t.pharmacy.ok('5203', { data: { psn_no: LELE.psnNo, begntime: day, endtime: day } });
    expect(period.output.setlinfo).toEqual([expect.objectContaining({ setl_id: s.setl_id, acct_mulaid_pay: 18.5, mulaid_psn_no: MING.psnNo })]);

    const row = [s.setl_id, s.mdtrt_id, LELE.psnNo, '37.00', '18.50', '0.00', '0'];
    const zip = zipSync({ 'DZMX.txt': strToU8(`${row.join('\t')}\r\n`) });
    const up = await t.pharmacy.ok('9101', { fsUploadIn: { in: Buffer.from(zip).toString('base64'), filename: 'DZMX.zip', fixmedins_code: t.pharmacy.institution.code } });
    const result = await t.pharmacy.ok('3202', {
      data: {
        setl_optins: '421200', file_qury_no: up.output.file_qury_no, stmt_begndate: day, stmt_enddate: day, medfee_sumamt: '37.00',
        fund_pay_sumamt: '18.50', cash_payamt: '0.00', fixmedins_setl_cnt: '1', clr_type: '41',
      },
    });
    const { file_qury_no, filename } = result.output.fileinfo;
    const envelope = t.pharmacy.envelope('9102', { fsDownloadIn: { file_qury_no, filename, fixmedins_code: t.pharmacy.institution.code } });
    const response = await fetch(`${t.pharmacy.url}${PLATFORM_PATH}`, { method: 'POST', headers: t.pharmacy.headers(), body: JSON.stringify(envelope) });
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const [line] = new TextDecoder().decode(Object.values(files)[0]!).split('\r\n');
    const cells = line!.split('\t');
    // The spec's ten columns; the memo says what 共济 paid.
    expect(cells).toHaveLength(10);
    expect(cells.slice(2, 5)).toEqual([s.setl_id, s.medins_setl_id, '0']);
    expect(cells[6]).toBe('对平（含家庭共济支付18.50元）');
  });
});

test('the binding is checked against the person the certificate names, whoever asks', async () => {
  const input = purchaseInput(LELE, [{ code: 'XA02BCA076A001010100', cnt: '1' }]);
  expect(input.druginfo).toMatchObject(certOf(LELE));
  const refused = await t.pharmacy.refused('2101', { ...input, druginfo: { ...input.druginfo, mulaid_psn_no: XIAOHONG.psnNo } });
  expectRefusalOf(refused, 'input.druginfo.mulaid_psn_no');
});
