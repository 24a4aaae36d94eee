import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { CATALOGUE } from '../../sandbox/seed/catalogue';
import type { TxContext } from '../../sandbox/platform/context';
import type { Envelope } from '../../sandbox/platform/envelope';
import { FieldReader } from '../../sandbox/platform/fields';
import { cancel, compute, record } from '../../sandbox/platform/ledger';
import { settle, splitLine, lineAmountFen } from '../../sandbox/platform/policy/engine';
import { DEMO_INSTITUTIONS, migratePlatform } from '../../sandbox/platform/schema';
import { IdSequence, Statements, type PersonRow } from '../../sandbox/platform/store';
import { negateFen, yuanToFen } from '../../shared/money';
import { EMPLOYEE, EMPLOYEE_SMALL_ACCOUNT, RESIDENT, lineFen, outpatientSettlement, type BillLine } from './support/flows';
import { startTestSandbox, type TestSandbox } from './support/sandbox';
import { testSeed } from '../support/seed';

jest.setTimeout(120_000);

const fen = (yuan: number) => {
  expect(Math.abs(yuan * 100 - Math.round(yuan * 100))).toBeLessThan(1e-6); // at most two decimals on the wire
  return yuanToFen(yuan);
};

/** Money fields holding -0: Object.is tells it from 0, so a strict comparison of amounts would fail on it. */
const negativeZeros = (figures: object) => Object.entries(figures).filter(([, value]) => Object.is(value, -0)).map(([key]) => key);

/** The three identities of DESIGN.md, to the fen. */
function expectIdentities(s: Record<string, number>, sign: 1 | -1 = 1) {
  expect(fen(s.medfee_sumamt!)).toBe(fen(s.fund_pay_sumamt!) + fen(s.psn_part_amt!) + fen(s.hosp_part_amt!));
  expect(fen(s.psn_part_amt!)).toBe(fen(s.acct_pay!) + fen(s.psn_cash_pay!));
  expect(fen(s.medfee_sumamt!)).toBe(fen(s.fulamt_ownpay_amt!) + fen(s.overlmt_selfpay!) + fen(s.preselfpay_amt!) + fen(s.inscp_scp_amt!));
  expect(sign * fen(s.acct_pay!)).toBeGreaterThanOrEqual(0);
  expect(sign * fen(s.psn_cash_pay!)).toBeGreaterThanOrEqual(0);
}

const billLine = fc.record({
  code: fc.constantFrom(...CATALOGUE.map((item) => item.medListCodg)),
  cnt: fc.integer({ min: 1, max: 2_000 }).map((hundredths) => (hundredths / 100).toFixed(2)),
  priceFen: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
});
const bill = fc.array(billLine, { minLength: 1, maxLength: 6 });

test('the engine: every split adds up, for any lines, year so far and balance', () => {
  fc.assert(
    fc.property(
      bill,
      fc.constantFrom('310', '390'),
      fc.constantFrom('11', '12', '13', '14', '21', '41'),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 100_000 }),
      fc.integer({ min: 0, max: 40_000_000 }),
      (lines: BillLine[], insutype, medType, balance, acctUsed, dedcUsed, fundPaid) => {
        const splits = lines.map((line) => {
          const item = CATALOGUE.find((i) => i.medListCodg === line.code)!;
          const cnt4 = BigInt(Math.round(Number(line.cnt) * 10_000));
          const pric6 = BigInt(line.priceFen ?? item.priceFen) * 10_000n;
          const split = splitLine(item, cnt4, pric6, lineAmountFen(cnt4, pric6));
          expect(split.fulamtOwnpayFen + split.overlmtFen + split.preselfpayFen + split.inscpScpFen).toBe(split.amountFen);
          expect(negativeZeros(split)).toEqual([]);
          return split;
        });
        const f = settle({ insutype, medType, lines: splits, accountBalanceFen: balance, acctUsed, yearToDate: { deductibleUsedFen: dedcUsed, fundPaidFen: fundPaid } });
        expect(negativeZeros(f)).toEqual([]);
        expect(f.medfeeSumamtFen).toBe(f.fundPaySumamtFen + f.psnPartFen + f.hospPartFen);
        expect(f.psnPartFen).toBe(f.acctPayFen + f.psnCashPayFen);
        expect(f.medfeeSumamtFen).toBe(f.fulamtOwnpayFen + f.overlmtSelfpayFen + f.preselfpayFen + f.inscpScpFen);
        expect(f.hifpPayFen).toBeLessThanOrEqual(f.capRemainingFen);
        expect(f.actPayDedcFen + f.hifpPayFen).toBeLessThanOrEqual(f.inscpScpFen);
        expect(f.acctPayFen).toBeLessThanOrEqual(balance);
        if (!acctUsed || insutype === '390') expect(f.acctPayFen).toBe(0);
      },
    ),
    { numRuns: 2_000, seed: testSeed('money: engine splits') },
  );
});

/**
 * Zero-amount lines are settled, not refused: a free item (pric 0) is a real fee line, and
 * 0.01 × 0.01 yuan is 0.0001 yuan, 0.00 to the fen. Their settlement and its cancel are 0 in
 * every field; the cancel once recorded -0 (a negated 0).
 */
const ZERO_LINES: BillLine[] = [
  { code: 'XA02BCA076A001010100', cnt: '0.01', priceFen: 1 },
  { code: '001102000010000', cnt: '1', priceFen: 0 },
];
const cnt4Of = (cnt: string) => BigInt(Math.round(Number(cnt) * 10_000));
const ZERO_SPLIT = { amountFen: 0, fulamtOwnpayFen: 0, overlmtFen: 0, preselfpayFen: 0, inscpScpFen: 0 };
const ZERO_SETLINFO = { medfee_sumamt: 0, fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 0, act_pay_dedc: 0, hifp_pay: 0, fund_pay_sumamt: 0, psn_part_amt: 0, acct_pay: 0, psn_cash_pay: 0, hosp_part_amt: 0 };

test('zero-amount lines (0.01 × 1 fen, and a zero price) settle to 0 in every field, never -0, for every class and scheme', () => {
  for (const item of CATALOGUE) {
    const splits = ZERO_LINES.map((line) => {
      const pric6 = BigInt(line.priceFen!) * 10_000n;
      expect(lineAmountFen(cnt4Of(line.cnt), pric6)).toBe(0);
      // toEqual compares numbers with Object.is, so a -0 here fails.
      const split = splitLine(item, cnt4Of(line.cnt), pric6, 0);
      expect(split).toMatchObject(ZERO_SPLIT);
      return split;
    });
    for (const insutype of ['310', '390']) {
      const f = settle({ insutype, medType: '11', lines: splits, accountBalanceFen: 352_000, acctUsed: true, yearToDate: { deductibleUsedFen: 0, fundPaidFen: 0 } });
      expect(f).toMatchObject({ medfeeSumamtFen: 0, actPayDedcFen: 0, hifpPayFen: 0, fundPaySumamtFen: 0, psnPartFen: 0, acctPayFen: 0, psnCashPayFen: 0, balanceAfterFen: 352_000 });
      expect(negativeZeros(f)).toEqual([]);
    }
  }
});

test('the books record a zero-amount settlement and its cancel as 0, never -0', () => {
  // On the wire yuan() turns -0 into 0, so only the recorded rows can show a negated 0.
  const db = new DatabaseSync(':memory:');
  migratePlatform(db);
  const sql = new Statements(db);
  const settlementIds = new IdSequence(sql, 'platform_settlement');
  const ctx = (infno: string, msgid: string): TxContext => ({
    envelope: { infno, msgid, fixmedins_code: DEMO_INSTITUTIONS[0].code } as Envelope,
    input: new FieldReader({}, 'input'),
    sql,
    now: new Date('2026-11-28T01:30:00Z'),
    tokens: undefined,
    visitIds: new IdSequence(sql, 'platform_visit'),
    settlementIds,
    notePerson: () => undefined,
  });
  const person = sql.get<PersonRow>('SELECT * FROM platform_person WHERE psn_no = ?', EMPLOYEE.psnNo)!;
  const lines = ZERO_LINES.map((line) => splitLine(CATALOGUE.find((i) => i.medListCodg === line.code)!, cnt4Of(line.cnt), BigInt(line.priceFen!) * 10_000n, 0));
  const figures = compute(ctx('2207', 'M1'), person, '11', lines, true);
  const original = record(ctx('2207', 'M1'), person, figures, { mdtrtId: 'V1', medType: '11', certType: '02', visitStateBefore: '1', visitStateAfter: '1' });
  const negated = cancel(ctx('2208', 'M2'), original, 'input.data.setl_id');
  const columns = ['medfee_fen', 'fulamt_fen', 'overlmt_fen', 'preself_fen', 'inscp_fen', 'dedc_fen', 'hifp_fen', 'fund_fen', 'psn_part_fen', 'acct_fen', 'cash_fen', 'hosp_part_fen'] as const;
  const amounts = (row: typeof original) => Object.fromEntries(columns.map((column) => [column, row[column]]));
  const zeros = Object.fromEntries(columns.map((column) => [column, 0]));
  expect(amounts(original)).toEqual(zeros);
  expect(amounts(negated)).toEqual(zeros);
  expect(negativeZeros(negated)).toEqual([]);
  expect(negated).toMatchObject({ refd_setl_flag: 1, original_setl_id: original.setl_id, balc_fen: EMPLOYEE.accountBalanceFen });
  db.close();
});

describe('over HTTP', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
    await t.hospital.signIn();
  });
  afterAll(() => t.stop());

  test('a zero-amount bill (0.01 × 1 fen; a zero-price line) settles and cancels to 0.00 and leaves the account and year as they were', async () => {
    for (const line of ZERO_LINES) {
      const before = (await t.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body;
      const r = await outpatientSettlement(t.hospital, EMPLOYEE, [line]);
      expect(r.upload.result[0]).toMatchObject({ det_item_fee_sumamt: 0, fulamt_ownpay_amt: 0, overlmt_amt: 0, preselfpay_amt: 0, inscp_scp_amt: 0 });
      expect(r.settled.setlinfo).toMatchObject({ ...ZERO_SETLINFO, balc: before.balc });
      const { output } = await t.hospital.ok('2208', { data: { setl_id: r.settled.setlinfo.setl_id, mdtrt_id: r.mdtrtId, psn_no: EMPLOYEE.psnNo } });
      expect(output.setlinfo).toMatchObject(ZERO_SETLINFO);
      expect(output.setlinfo.setl_id).not.toBe(r.settled.setlinfo.setl_id);
      expect((await t.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body).toEqual(before);
    }
  });

  test('randomized bills: 2204 lines, 2206 and 2207 agree and hold the identities; 2208 restores the account and year exactly', async () => {
    await fc.assert(
      fc.asyncProperty(bill, fc.constantFrom(EMPLOYEE, RESIDENT, EMPLOYEE_SMALL_ACCOUNT), fc.boolean(), fc.boolean(), async (lines, person, acct, cancel) => {
        const before = (await t.admin(`/persons?psn_no=${person.psnNo}`)).body;
        const r = await outpatientSettlement(t.hospital, person, lines, { acct });
        for (const line of r.upload.result) {
          expect(fen(line.det_item_fee_sumamt)).toBe(fen(line.fulamt_ownpay_amt) + fen(line.overlmt_amt) + fen(line.preselfpay_amt) + fen(line.inscp_scp_amt));
        }
        const expectedTotal = lines.reduce((sum, l) => sum + lineFen(l.cnt, l.priceFen ?? CATALOGUE.find((i) => i.medListCodg === l.code)!.priceFen), 0);
        const settled = r.settled.setlinfo;
        expect(fen(settled.medfee_sumamt)).toBe(expectedTotal);
        expectIdentities(r.pre.setlinfo);
        expectIdentities(settled);
        expect({ ...r.pre.setlinfo, setl_id: null, setl_time: null, medins_setl_id: null }).toEqual({ ...settled, setl_id: null, setl_time: null, medins_setl_id: null });
        expect(fen(before.balc) - fen(settled.acct_pay)).toBe(fen(settled.balc));
        if (cancel) {
          const { output } = await t.hospital.ok('2208', { data: { setl_id: settled.setl_id, mdtrt_id: r.mdtrtId, psn_no: person.psnNo } });
          expectIdentities(output.setlinfo, -1);
          expect(fen(output.setlinfo.medfee_sumamt)).toBe(negateFen(fen(settled.medfee_sumamt)));
          expect((await t.admin(`/persons?psn_no=${person.psnNo}`)).body).toEqual(before);
        }
      }),
      { numRuns: 250, seed: testSeed('money: randomized bills over HTTP') },
    );
  });
});

describe('settle, cancel and reverse in any order', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
    await t.hospital.signIn();
  });
  afterAll(() => t.stop());

  type Op = { kind: 'settle'; lines: BillLine[] } | { kind: 'cancel' | 'reverse'; pick: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('settle' as const), lines: bill }),
    fc.record({ kind: fc.constantFrom('cancel' as const, 'reverse' as const), pick: fc.nat() }),
  );

  test('the account and the fund year always equal the sum of what still stands', async () => {
    const person = EMPLOYEE_SMALL_ACCOUNT;
    const start = (await t.admin(`/persons?psn_no=${person.psnNo}`)).body;
    const fundAt = (body: { annual: { setting: string; fund_paid: number }[] }) => fen(body.annual.find((a) => a.setting === 'outpatient')?.fund_paid ?? 0);
    const visits: string[] = [];
    const done: { msgid: string; infno: string; setlId: string; mdtrtId: string }[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const o of ops) {
          if (o.kind === 'settle') {
            const r = await outpatientSettlement(t.hospital, person, o.lines);
            visits.push(r.mdtrtId);
            done.push({ msgid: r.msgid, infno: '2207', setlId: r.settled.setlinfo.setl_id, mdtrtId: r.mdtrtId });
          } else if (done.length > 0) {
            const target = done[o.pick % done.length]!;
            if (o.kind === 'cancel' && target.infno === '2207') {
              const answer = await t.hospital.send('2208', { data: { setl_id: target.setlId, mdtrt_id: target.mdtrtId, psn_no: person.psnNo } });
              if (answer.body.infcode === 0) done.push({ msgid: answer.msgid, infno: '2208', setlId: answer.body.output.setlinfo.setl_id, mdtrtId: target.mdtrtId });
            } else if (o.kind === 'reverse') {
              // Refusals (already reversed, cancel to reverse first, …) are part of the game.
              await t.hospital.send('2601', { data: { psn_no: person.psnNo, omsgid: target.msgid, oinfno: target.infno } });
            }
          }
        }
        const rows = (await Promise.all(visits.map((id) => t.admin(`/settlements?mdtrt_id=${id}`)))).flatMap((r) => r.body.settlements);
        const standing = rows.filter((row: { state: string }) => row.state !== 'reversed');
        const acct = standing.reduce((sum: number, row: { acct_pay: number }) => sum + fen(row.acct_pay), 0);
        const fund = standing.reduce((sum: number, row: { fund_pay_sumamt: number }) => sum + fen(row.fund_pay_sumamt), 0);
        const now = (await t.admin(`/persons?psn_no=${person.psnNo}`)).body;
        expect(fen(now.balc)).toBe(fen(start.balc) - acct);
        expect(fundAt(now)).toBe(fundAt(start) + fund);
      }),
      { numRuns: 40, seed: testSeed('money: settle, cancel and reverse in any order') },
    );
  });
});
