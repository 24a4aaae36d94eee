import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement, requoteSettlement } from '../../../electron/settlement/usecases/settle';
import { actForFamily, listFamily } from '../../../electron/settlement/family';
import { passSecondFactor } from '../../../electron/settlement/secondFactor';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { OPERATOR, pharmacyConfig } from './engineOptions';
import { person, startFamilyHarness, value, type FamilyHarness } from './familySupport';

/**
 * The password-free cap (issue 15): counted per authorising person per platform day from the
 * terminal's journal; above it confirmSettlement is refused until the last four ID digits of
 * whoever authorises, or a staff PIN, are given for that quote.
 */
const MING = person('欧阳明');
const LELE = person('欧阳乐乐');
const DEHUA = person('欧阳德华');

// ¥30.00 a payment, ¥50.00 a day: a box of 18.50 passes, two boxes (37.00) do not.
const capped: TerminalConfig = { ...pharmacyConfig, region: { ...pharmacyConfig.region, passwordFreeCap: { perTransactionFen: 3000, perDayFen: 5000 } } };

let h: FamilyHarness;
beforeAll(async () => (h = await startFamilyHarness()), 30_000);
afterAll(() => h.close());

async function patientFor(engine: SettlementEngine, relation: string): Promise<string> {
  const payerRef = await h.identifyByQr(engine, MING.psnNo);
  const { members } = value(await listFamily(engine.ctx, { personRef: payerRef }));
  return value(await actForFamily(engine.ctx, { personRef: payerRef, memberRef: members.find((m) => m.relation === relation)!.memberRef })).personRef;
}

const buy = async (engine: SettlementEngine, personRef: string, cnt: number) =>
  value(await preparePharmacySettlement(engine.ctx, { personRef, items: [{ medinsListCodg: 'YP0001', cnt }] }));

test('above the amount per payment: refused until the digits of the payer (not the patient) are given; three misses leave the staff PIN', async () => {
  const engine = h.engine(capped);
  const child = await patientFor(engine, '子女');
  const quote = await buy(engine, child, 2);
  expect(quote.passwordFree).toEqual({ perTransactionFen: 3000, perDayFen: 5000, usedTodayFen: 0, secondFactorRequired: true, secondFactor: null });

  const refused = await confirmSettlement(engine.ctx, { quoteId: quote.quoteId });
  expect(refused.ok ? 'settled' : refused.error.code).toBe('SECOND_FACTOR_REQUIRED');
  // The patient's own digits are not the authorising person's.
  expect(value(await passSecondFactor(engine.ctx, { quoteId: quote.quoteId, last4: LELE.certno.slice(-4) }))).toEqual({ passed: false, attemptsLeft: 2 });
  expect(value(await passSecondFactor(engine.ctx, { quoteId: quote.quoteId, last4: '0000' }))).toEqual({ passed: false, attemptsLeft: 1 });
  expect(value(await passSecondFactor(engine.ctx, { quoteId: quote.quoteId, last4: '1234' }))).toEqual({ passed: false, attemptsLeft: 0 });
  // Locked for digits, even the right ones; still refused at confirmation.
  expect(value(await passSecondFactor(engine.ctx, { quoteId: quote.quoteId, last4: MING.certno.slice(-4) }))).toEqual({ passed: false, attemptsLeft: 0 });
  const still = await confirmSettlement(engine.ctx, { quoteId: quote.quoteId });
  expect(still.ok ? 'settled' : still.error.code).toBe('SECOND_FACTOR_REQUIRED');

  const wrongPin = await passSecondFactor(engine.ctx, { quoteId: quote.quoteId, operatorId: OPERATOR.operatorId, pin: '0000' });
  expect(wrongPin.ok ? 'passed' : wrongPin.error.code).toBe('NOT_AUTHORISED');
  expect(value(await passSecondFactor(engine.ctx, { quoteId: quote.quoteId, ...OPERATOR }))).toEqual({ passed: true, via: 'staff-pin' });
  const settled = value(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }));
  if (settled.status !== 'settled') throw new Error('not settled');
  // Confirmed with a second factor: it does not use up the day's password-free amount.
  expect(settled.receipt.passwordFree).toEqual({ perTransactionFen: 3000, perDayFen: 5000, usedTodayFen: 0, secondFactor: 'staff-pin' });
  expect(engine.ctx.journal.get(settled.receipt.msgid)?.detail.passwordFree).toMatchObject({ secondFactor: 'staff-pin', operatorId: OPERATOR.operatorId });
});

test('below the cap a payment goes by face alone and counts; the day’s total then asks for the payer’s last four digits', async () => {
  const engine = h.engine(capped);
  const used = engine.ctx.family.usedToday(MING.psnNo);
  const child = await patientFor(engine, '子女');
  const first = await buy(engine, child, 1);
  expect(first.passwordFree).toMatchObject({ usedTodayFen: used, secondFactorRequired: false });
  const paid = value(await confirmSettlement(engine.ctx, { quoteId: first.quoteId }));
  expect(paid.status === 'settled' && paid.receipt.passwordFree).toEqual({ perTransactionFen: 3000, perDayFen: 5000, usedTodayFen: used + 1850, secondFactor: null });

  // Another member, the same payer: the count is the payer's.
  const father = await patientFor(engine, '父亲');
  const second = value(await confirmSettlement(engine.ctx, { quoteId: (await buy(engine, father, 1)).quoteId }));
  expect(second.status === 'settled' && second.receipt.passwordFree?.usedTodayFen).toBe(used + 3700);
  const third = await buy(engine, father, 1);
  expect(third.passwordFree).toMatchObject({ usedTodayFen: used + 3700, secondFactorRequired: true });
  const refused = await confirmSettlement(engine.ctx, { quoteId: third.quoteId });
  expect(refused.ok ? 'settled' : refused.error.code).toBe('SECOND_FACTOR_REQUIRED');
  expect(value(await passSecondFactor(engine.ctx, { quoteId: third.quoteId, last4: MING.certno.slice(-4) }))).toEqual({ passed: true, via: 'id-digits' });
  // A requote keeps the factor given for the same bill.
  const requoted = value(await requoteSettlement(engine.ctx, { quoteId: third.quoteId, useAccount: true, useMutualAid: false }));
  expect(requoted.passwordFree).toMatchObject({ secondFactorRequired: true, secondFactor: 'id-digits' });
  const done = value(await confirmSettlement(engine.ctx, { quoteId: requoted.quoteId }));
  expect(done.status === 'settled' && done.receipt.passwordFree?.secondFactor).toBe('id-digits');

  // A cancel gives the amount back to the day's allowance.
  if (paid.status !== 'settled') throw new Error('not settled');
  value(await cancelSettlement(engine.ctx, { setlId: paid.receipt.setlId, ...OPERATOR }));
  expect(engine.ctx.family.usedToday(MING.psnNo)).toBe(used + 1850);
  expect(engine.ctx.family.usedToday(DEHUA.psnNo)).toBe(0);
});

test('a staff-typed ID number is vouched by a staff PIN already: no cap', async () => {
  const engine = h.engine(capped);
  const typed = value(await identifyByIdNumber(engine.ctx, { certno: LELE.certno, ...OPERATOR }));
  const quote = await buy(engine, typed.personRef, 2);
  expect(quote.passwordFree).toBeUndefined();
  expect(value(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId })).status).toBe('settled');
});
