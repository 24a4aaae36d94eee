import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { identifyByCard } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { findReceipt } from '../../../electron/settlement/usecases/reprint';
import { confirmSettlement, requoteSettlement } from '../../../electron/settlement/usecases/settle';
import { actForFamily, listFamily } from '../../../electron/settlement/family';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { checkAnswer, checkRequest } from '../../conformance/checkMessage';
import { OPERATOR, pharmacyConfig } from './engineOptions';
import { wireRecorder } from './wireRecorder';
import { person, startFamilyHarness, value, type FamilyHarness } from './familySupport';

/**
 * Family payment at the pharmacy counter, against the real sandbox and its e-voucher channel: a
 * relative identified by their own e-voucher acts for a bound member (issue 15), the journal and
 * slips carry both persons, and a cancel or a recovery reversal gives both accounts back.
 */
const MING = person('欧阳明');
const BAI = person('白建国');
const LELE = person('欧阳乐乐');
const XIULAN = person('张秀兰');

let h: FamilyHarness;
beforeAll(async () => (h = await startFamilyHarness()), 30_000);
afterAll(() => h.close());

/** 欧阳明 identified by his e-voucher, then acting for the member with this relation. */
async function actingFor(engine: SettlementEngine, payerPsnNo: string, relation: string) {
  const payerRef = await h.identifyByQr(engine, payerPsnNo);
  const { members } = value(await listFamily(engine.ctx, { personRef: payerRef }));
  const member = members.find((m) => m.relation === relation)!;
  const patient = value(await actForFamily(engine.ctx, { personRef: payerRef, memberRef: member.memberRef }));
  return { payerRef, members, member, patient };
}

const buy = (engine: SettlementEngine, personRef: string, cnt = 2) =>
  preparePharmacySettlement(engine.ctx, { personRef, items: [{ medinsListCodg: 'YP0001', cnt }] });

test('a relative’s e-voucher lists the bound family, masked; acting for one opens the patient’s session with the payer', async () => {
  const engine = h.engine(pharmacyConfig);
  const { members, patient } = await actingFor(engine, MING.psnNo, '子女');
  expect(members.map(({ maskedName, relation, canMutualAid }) => ({ maskedName, relation, canMutualAid }))).toEqual([
    { maskedName: '张*兰', relation: '配偶', canMutualAid: true },
    { maskedName: '欧**乐', relation: '子女', canMutualAid: true },
    { maskedName: '欧**华', relation: '父亲', canMutualAid: true },
  ]);
  expect(members.every((m) => /^[0-9a-f-]{36}$/.test(m.memberRef))).toBe(true);
  expect(patient).toMatchObject({ maskedName: '欧**乐', insutype: '390', payer: { maskedName: '欧*明', relation: '子女', mutualAidAvailable: true } });
  // The patient's session acts for nobody in turn; a memberRef is good only with its own payer.
  expect(value(await listFamily(engine.ctx, { personRef: patient.personRef })).members).toEqual([]);
  const other = await h.identifyByQr(engine, BAI.psnNo);
  const stolen = await actForFamily(engine.ctx, { personRef: other, memberRef: members[0]!.memberRef });
  expect(stolen.ok ? 'acted' : stolen.error.code).toBe('INVALID_INPUT');
});

test('共济 at the pharmacy: the confirmation, the slip, the journal and the platform agree to the fen; a cancel restores both accounts', async () => {
  const engine = h.engine(pharmacyConfig);
  const { patient } = await actingFor(engine, MING.psnNo, '子女');
  const before = { ming: await h.admin.balanceFen(MING.psnNo), lele: await h.admin.balanceFen(LELE.psnNo) };

  const quote = value(await buy(engine, patient.personRef));
  // Class A 18.50 × 2 for a resident child: half the fund's, half the payer's account.
  expect(quote).toMatchObject({ totalFen: 3700, fundFen: 1850, accountFen: 0, mutualAidFen: 1850, cashFen: 0, useMutualAid: true, payer: { maskedName: '欧*明', relation: '子女' } });
  // Within the sandbox's demo cap (¥500 a payment): shown, not asked.
  expect(quote.passwordFree).toMatchObject({ perTransactionFen: 50_000, secondFactorRequired: false, secondFactor: null });

  const settled = value(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }));
  if (settled.status !== 'settled') throw new Error('not settled');
  const slip = settled.receipt;
  expect(slip).toMatchObject({ patientName: '欧**乐', mutualAidFen: 1850, accountFen: 0, cashFen: 0, payer: { maskedName: '欧*明', relation: '子女' } });
  expect(await h.admin.balanceFen(MING.psnNo)).toBe(before.ming - 1850);
  expect(await h.admin.balanceFen(LELE.psnNo)).toBe(before.lele);
  const [platform] = await h.admin.settlements({ setl_id: slip.setlId });
  expect(platform).toMatchObject({ psn_no: LELE.psnNo, mulaid_psn_no: MING.psnNo, acct_mulaid_pay: 18.5 });
  expect(engine.ctx.journal.get(slip.msgid)).toMatchObject({ psnNo: LELE.psnNo, payer: { psnNo: MING.psnNo, maskedName: '欧*明', relation: '子女' } });
  const reprint = value(await findReceipt(engine.ctx, { reference: slip.msgid }));
  expect(reprint).toMatchObject({ status: 'found', receipt: { payer: { maskedName: '欧*明' }, mutualAidFen: 1850 } });

  const cancelled = value(await cancelSettlement(engine.ctx, { setlId: slip.setlId, ...OPERATOR }));
  if (cancelled.status !== 'settled') throw new Error('cancel not settled');
  expect(cancelled.receipt).toMatchObject({ kind: 'cancel', mutualAidFen: -1850, payer: { maskedName: '欧*明', relation: '子女' } });
  expect({ ming: await h.admin.balanceFen(MING.psnNo), lele: await h.admin.balanceFen(LELE.psnNo) }).toEqual(before);
});

test('the patient may decline 共济 (all cash) and ask for it again; the platform quotes each', async () => {
  const engine = h.engine(pharmacyConfig);
  const { patient } = await actingFor(engine, MING.psnNo, '父亲');
  const aided = value(await buy(engine, patient.personRef, 1));
  const without = value(await requoteSettlement(engine.ctx, { quoteId: aided.quoteId, useAccount: true, useMutualAid: false }));
  expect(without).toMatchObject({ useMutualAid: false, mutualAidFen: 0, cashFen: aided.mutualAidFen, totalFen: aided.totalFen });
  // Changing only the account choice keeps 共济 off.
  const cash = value(await requoteSettlement(engine.ctx, { quoteId: without.quoteId, useAccount: false }));
  expect(cash).toMatchObject({ useMutualAid: false, mutualAidFen: 0 });
  const again = value(await requoteSettlement(engine.ctx, { quoteId: cash.quoteId, useAccount: true, useMutualAid: true }));
  expect(again).toMatchObject({ useMutualAid: true, mutualAidFen: aided.mutualAidFen, cashFen: 0 });
});

test('a resident payer: 共济 is not offered; asked for anyway, the platform’s refusal is MUTUAL_AID_REFUSED and the quote stands', async () => {
  const engine = h.engine(pharmacyConfig);
  const { member, patient } = await actingFor(engine, BAI.psnNo, '子女');
  expect(member.canMutualAid).toBe(false);
  expect(patient.payer).toEqual({ maskedName: '白*国', relation: '子女', mutualAidAvailable: false });
  const quote = value(await buy(engine, patient.personRef, 1));
  expect(quote).toMatchObject({ useMutualAid: false, mutualAidFen: 0 });
  const refused = await requoteSettlement(engine.ctx, { quoteId: quote.quoteId, useAccount: true, useMutualAid: true });
  expect(refused.ok ? 'quoted' : refused.error.code).toBe('MUTUAL_AID_REFUSED');
  // The old quote can still be confirmed: the patient pays their part in cash.
  const settled = value(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }));
  expect(settled.status === 'settled' && settled.receipt).toMatchObject({ mutualAidFen: 0, payer: { maskedName: '白*国' } });
});

test('a payer identified by card has no e-voucher to ask the channel with: FAMILY_NOT_AVAILABLE', async () => {
  const engine = h.engine(pharmacyConfig);
  const card = value(await identifyByCard(engine.ctx, { cardNo: XIULAN.cardNo, cardSn: XIULAN.cardSn }));
  const listed = await listFamily(engine.ctx, { personRef: card.personRef });
  expect(listed.ok ? 'listed' : listed.error.code).toBe('FAMILY_NOT_AVAILABLE');
});

test('a 共济 sale whose answer was lost is reversed by recovery (2601): both accounts as before', async () => {
  const engine = h.engine(pharmacyConfig);
  const { patient } = await actingFor(engine, MING.psnNo, '子女');
  const before = await h.admin.balanceFen(MING.psnNo);
  const quote = value(await buy(engine, patient.personRef, 3));
  await h.admin.fault({ infno: '2102', mode: 'commit-then-drop', times: 1 });
  const pending = value(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }));
  if (pending.status !== 'pending') throw new Error('expected a pending slip');
  expect(engine.ctx.journal.get(pending.receipt.reference)?.payer).toMatchObject({ psnNo: MING.psnNo });
  for (let round = 0; round < 5 && engine.ctx.journal.get(pending.receipt.reference)?.state !== 'reversed'; round += 1) {
    await engine.recovery.runOnce({ ignoreSchedule: true });
  }
  expect(engine.ctx.journal.get(pending.receipt.reference)).toMatchObject({ state: 'reversed', resolvedBy: '2601' });
  // The platform had settled it, 共济 included, before the answer was lost; 2601 undid both.
  const [record] = await h.admin.settlements({ msgid: pending.receipt.reference });
  expect(record).toMatchObject({ state: 'reversed', mulaid_psn_no: MING.psnNo, acct_mulaid_pay: quote.mutualAidFen! / 100 });
  expect(await h.admin.balanceFen(MING.psnNo)).toBe(before);
  expect(await h.admin.balanceFen(LELE.psnNo)).toBe(0);
});

test('a region where the relative’s account pays alone (familyPayment.ownAccountFirst false): the patient’s own account is left untouched', async () => {
  const relativeFirst = { ...pharmacyConfig, region: { ...pharmacyConfig.region, familyPayment: { ownAccountFirst: false } } };
  const engine = h.engine(relativeFirst);
  const { patient } = await actingFor(engine, MING.psnNo, '配偶');
  const own = await h.admin.balanceFen(XIULAN.psnNo);
  expect(own).toBeGreaterThan(0);
  const quote = value(await buy(engine, patient.personRef, 1));
  expect(quote).toMatchObject({ useAccount: true, useMutualAid: true, accountFen: 0, cashFen: 0 });
  expect(quote.mutualAidFen).toBe(quote.totalFen - quote.fundFen);
  value(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }));
  expect(await h.admin.balanceFen(XIULAN.psnNo)).toBe(own);
});

test('on the wire: 2101/2102 carry mulaid_psn_no beside acct_used_flag, a spec warning and no error; the answers keep the money identities', async () => {
  const wire = wireRecorder();
  const engine = h.engine(pharmacyConfig, { http: wire.http });
  const { patient } = await actingFor(engine, MING.psnNo, '配偶');
  const quote = value(await buy(engine, patient.personRef, 8));
  value(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }));
  const sales = wire.sent.filter((s) => s.envelope.infno === '2101' || s.envelope.infno === '2102');
  expect(sales.map((s) => s.envelope.infno)).toEqual(['2101', '2102']);
  const options = { amounts: pharmacyConfig.region.amounts };
  for (const { envelope, answer } of sales) {
    // 张秀兰 is an employee: her own account first (the region's default), 欧阳明's the rest.
    expect((envelope.input as { druginfo: Record<string, unknown> }).druginfo).toMatchObject({ acct_used_flag: '1', mulaid_psn_no: MING.psnNo });
    const checked = checkRequest(envelope, options);
    expect(checked.errors).toEqual([]);
    expect(checked.warnings.map((w) => w.path)).toEqual(['input.druginfo.mulaid_psn_no']);
    expect(checkAnswer(envelope, answer, options).errors).toEqual([]);
  }
});
