import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { SETTLEMENT_ERRORS } from '../../../electron/settlement/errors';
import { attachPayer } from '../../../electron/settlement/familyAttach';
import { passSecondFactor } from '../../../electron/settlement/secondFactor';
import { identifyByCard, identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { OPERATOR, pharmacyConfig } from './engineOptions';
import { person, startFamilyHarness, value, type FamilyHarness } from './familySupport';

/**
 * The other direction of family payment (issue 15), against the real sandbox and its e-voucher
 * channel: the patient is identified by a staff-typed ID number or a card (a child with no face
 * template), then a relative identifies with their OWN e-voucher and attachPayer makes them the
 * patient's payer, only when the relative's bound family holds this patient (psn_no, in main).
 */
const MING = person('欧阳明');
const LELE = person('欧阳乐乐');
const XIAOHONG = person('李小红');
const XIULAN = person('张秀兰');
const DEHUA = person('欧阳德华');

// ¥30.00 a payment by face alone: two boxes of 18.50 are above it.
const capped: TerminalConfig = { ...pharmacyConfig, region: { ...pharmacyConfig.region, passwordFreeCap: { perTransactionFen: 3000, perDayFen: 100_000 } } };

let h: FamilyHarness;
beforeAll(async () => (h = await startFamilyHarness()), 30_000);
afterAll(() => h.close());

const byIdNumber = async (engine: SettlementEngine, certno: string) => value(await identifyByIdNumber(engine.ctx, { certno, ...OPERATOR })).personRef;
const buy = async (engine: SettlementEngine, personRef: string, cnt: number) =>
  value(await preparePharmacySettlement(engine.ctx, { personRef, items: [{ medinsListCodg: 'YP0001', cnt }] }));
const refusal = (outcome: { ok: boolean; error?: { code: string; message: string } }) => (outcome.ok ? 'attached' : outcome.error!.code);

test('bound: the father’s own e-voucher pays for his child typed in by ID number; 共济 settles, the cap is the father’s', async () => {
  const engine = h.engine(capped);
  const child = await byIdNumber(engine, LELE.certno);
  const father = await h.identifyByQr(engine, MING.psnNo);
  const before = await h.admin.balanceFen(MING.psnNo);

  const patient = value(await attachPayer(engine.ctx, { personRef: child, payerRef: father }));
  expect(patient).toEqual({
    personRef: child, maskedName: '欧**乐', maskedCertno: expect.stringMatching(/^4212\*+0049$/), gender: expect.any(String), age: expect.any(Number),
    insutype: '390', balanceFen: 0, payer: { maskedName: '欧*明', relation: '子女', mutualAidAvailable: true },
  });
  // A session gets one payer: attaching again is refused.
  expect(refusal(await attachPayer(engine.ctx, { personRef: child, payerRef: father }))).toBe('INVALID_INPUT');

  const quote = await buy(engine, child, 2);
  expect(quote).toMatchObject({ totalFen: 3700, fundFen: 1850, mutualAidFen: 1850, cashFen: 0, useMutualAid: true, payer: { maskedName: '欧*明', relation: '子女' } });
  // The child's typed number alone is not capped; the father's face is.
  expect(quote.passwordFree).toMatchObject({ secondFactorRequired: true, secondFactor: null });
  expect(refusal(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }))).toBe('SECOND_FACTOR_REQUIRED');
  expect(value(await passSecondFactor(engine.ctx, { quoteId: quote.quoteId, last4: LELE.certno.slice(-4) }))).toEqual({ passed: false, attemptsLeft: 2 });
  expect(value(await passSecondFactor(engine.ctx, { quoteId: quote.quoteId, last4: MING.certno.slice(-4) }))).toEqual({ passed: true, via: 'id-digits' });

  const settled = value(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }));
  if (settled.status !== 'settled') throw new Error('not settled');
  expect(settled.receipt).toMatchObject({ patientName: '欧**乐', mutualAidFen: 1850, payer: { maskedName: '欧*明', relation: '子女' } });
  const [record] = await h.admin.settlements({ setl_id: settled.receipt.setlId });
  expect(record).toMatchObject({ psn_no: LELE.psnNo, mulaid_psn_no: MING.psnNo, acct_mulaid_pay: 18.5 });
  expect(await h.admin.balanceFen(MING.psnNo)).toBe(before - 1850);
  expect(engine.ctx.journal.get(settled.receipt.msgid)).toMatchObject({ psnNo: LELE.psnNo, payer: { psnNo: MING.psnNo, maskedName: '欧*明', relation: '子女' } });
});

test('bound to act but not to pay (其他亲属): attached, and 共济 is not offered', async () => {
  const engine = h.engine(pharmacyConfig);
  const elder = await byIdNumber(engine, DEHUA.certno);
  const relative = await h.identifyByQr(engine, XIULAN.psnNo);
  const patient = value(await attachPayer(engine.ctx, { personRef: elder, payerRef: relative }));
  expect(patient.payer).toEqual({ maskedName: '张*兰', relation: '其他亲属', mutualAidAvailable: false });
  expect(await buy(engine, elder, 1)).toMatchObject({ useMutualAid: false, mutualAidFen: 0, payer: { maskedName: '张*兰', relation: '其他亲属' } });
});

test('unbound: refused in Chinese with the next step; the patient’s session stays theirs, without a payer', async () => {
  const engine = h.engine(pharmacyConfig);
  const card = value(await identifyByCard(engine.ctx, { cardNo: XIAOHONG.cardNo, cardSn: XIAOHONG.cardSn })).personRef;
  const stranger = await h.identifyByQr(engine, MING.psnNo);
  const refused = await attachPayer(engine.ctx, { personRef: card, payerRef: stranger });
  expect(refused).toEqual({ ok: false, error: { code: 'FAMILY_NOT_BOUND', message: SETTLEMENT_ERRORS.FAMILY_NOT_BOUND.zh, next: 'retry' } });
  expect(SETTLEMENT_ERRORS.FAMILY_NOT_BOUND.zh).toMatch(/患者本人付款（本人医保或现金）.*工作人员/);
  const quote = await buy(engine, card, 1);
  expect(quote.payer).toBeUndefined();
  expect(quote).toMatchObject({ mutualAidFen: 0, useMutualAid: false });
});

test('a relative identified by card is refused: only their own face or QR opens their family, and the refusal says why', async () => {
  const engine = h.engine(pharmacyConfig);
  const child = await byIdNumber(engine, LELE.certno);
  const byCard = value(await identifyByCard(engine.ctx, { cardNo: MING.cardNo, cardSn: MING.cardSn })).personRef;
  const refused = await attachPayer(engine.ctx, { personRef: child, payerRef: byCard });
  expect(refusal(refused)).toBe('FAMILY_PAYER_NOT_BY_FACE');
  expect(refused.ok ? '' : refused.error.message).toMatch(/刷脸或出示医保码.*社保卡和身份证号不能证明是本人在场/);
  const typed = await byIdNumber(engine, MING.certno);
  expect(refusal(await attachPayer(engine.ctx, { personRef: child, payerRef: typed }))).toBe('FAMILY_PAYER_NOT_BY_FACE');
  // The patient's own e-voucher is not a relative's.
  const self = await byIdNumber(engine, XIULAN.certno);
  expect(refusal(await attachPayer(engine.ctx, { personRef: self, payerRef: await h.identifyByQr(engine, XIULAN.psnNo) }))).toBe('FAMILY_PAYER_SELF');
  expect((await buy(engine, child, 1)).payer).toBeUndefined();
});
