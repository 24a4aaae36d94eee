import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import { listUnresolved, resolveUnresolved } from '../../../electron/settlement/usecases/staffResolution';
import { seededRandom, testSeed } from '../../support/seed';
import { OPERATOR, pharmacyConfig, startHarness, type Harness } from './harness';
import { TEST_WINDOW_SECONDS } from './engineOptions';

/**
 * Recovery decides from infcode, the platform's records and time, never from wording: these
 * drive it with requests that arrive late or never, and with refusals worded in ways no
 * client has seen (drawn at random from a printed seed).
 */
const person = DEMO_PERSONS[1]!;
const SEED = testSeed('late and unknown answers');
const random = seededRandom(SEED);
const CJK = '的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济';
const word = (n: number) => Array.from({ length: n }, () => CJK[Math.floor(random() * CJK.length)]).join('');
const unheardOf = () => `${word(3)}：${word(4 + Math.floor(random() * 6))}（${word(2)}）`;

async function quote(engine: SettlementEngine, certno = person.certno) {
  const id = await identifyByIdNumber(engine.ctx, { certno });
  if (!id.ok) throw new Error(id.error.code);
  const q = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: 'YP0003', cnt: 2 }] });
  if (!q.ok) throw new Error(q.error.code);
  return q.value.quoteId;
}

async function pending(engine: SettlementEngine) {
  const result = await confirmSettlement(engine.ctx, { quoteId: await quote(engine) });
  if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
  return result.value.receipt;
}

describe('time, not wording, decides "never happened"', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(pharmacyConfig)));
  afterAll(() => h.close());

  it('a request delivered after the gateway window is refused by the platform and concluded never happened only once the window closed', async () => {
    const engine = h.engine({ timeouts: { default: 5_000, '2102': 300 } });
    const before = await h.admin.balanceFen(person.psnNo);
    // Held in front of the platform longer than the window: the gateway must refuse it as stale.
    await h.admin.fault({ infno: '2102', mode: 'latency', latencyMs: (TEST_WINDOW_SECONDS + 2) * 1000, times: 1 });
    const receipt = await pending(engine);
    const deadline = engine.recovery.deadline({ createdAt: engine.ctx.journal.get(receipt.reference)!.createdAt });
    expect(receipt.confirmBy).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(receipt.note).toContain(receipt.confirmBy.slice(11, 16));

    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(engine.ctx.journal.get(receipt.reference)).toMatchObject({ state: 'unknown', needsStaff: false });
    expect((await listUnresolved(engine.ctx, {})).ok).toBe(true);

    while (Date.now() < deadline.getTime()) {
      await sleep(250);
      await engine.recovery.runOnce({ ignoreSchedule: true });
      if (Date.now() < deadline.getTime() - 300) expect(engine.ctx.journal.get(receipt.reference)?.state).toBe('unknown');
    }
    for (let i = 0; i < 20 && engine.ctx.journal.get(receipt.reference)?.state === 'unknown'; i++) {
      await sleep(100);
      await engine.recovery.runOnce({ ignoreSchedule: true });
    }
    expect(engine.ctx.journal.get(receipt.reference)).toMatchObject({ state: 'failed', resolvedBy: 'time' });
    // The late request did reach the platform, which refused it as stale: nothing was taken.
    await sleep(1500);
    expect(await h.admin.settlements({ msgid: receipt.reference })).toEqual([]);
    expect(await h.admin.balanceFen(person.psnNo)).toBe(before);
    expect(await confirmSettlement(engine.ctx, { quoteId: await quote(engine) })).toMatchObject({ ok: true, value: { status: 'settled' } });
  }, 30_000);
});

describe('answers in words nobody catalogued', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(pharmacyConfig)));
  afterAll(() => h.close());

  it('a settlement that happened but that 2601 keeps refusing goes to staff, who record it as settled with their PIN', async () => {
    const engine = h.engine({ timeouts: { default: 5_000, '2102': 300 } });
    await h.admin.fault({ infno: '2102', mode: 'latency', latencyMs: 800, times: 1 });
    const receipt = await pending(engine);
    for (let i = 0; i < 50 && (await h.admin.settlements({ msgid: receipt.reference })).length === 0; i++) await sleep(100);
    const [onPlatform] = await h.admin.settlements({ msgid: receipt.reference });
    expect(onPlatform?.state).toBe('valid');

    // Every 2601 refused, each time in words never seen before: three such rounds ask staff.
    for (let round = 0; round < 3; round++) {
      expect(engine.ctx.journal.get(receipt.reference)?.needsStaff).toBe(false);
      await h.admin.fault({ infno: '2601', mode: 'error', errMsg: unheardOf(), times: 1 });
      await engine.recovery.runOnce({ ignoreSchedule: true });
    }
    const row = engine.ctx.journal.get(receipt.reference)!;
    expect(row).toMatchObject({ state: 'unknown', needsStaff: true });
    expect(row.platformView).toMatchObject({ found: 'valid', record: { setlId: onPlatform!.setl_id } });
    expect(await h.admin.faults()).toEqual([]); // every 2601 was refused as armed, none left over

    // Recording it as settled must wait until no 2601 of ours can still arrive and undo it.
    const early = await resolveUnresolved(engine.ctx, { msgid: receipt.reference, resolution: 'settled', operatorId: OPERATOR.operatorId, pin: OPERATOR.pin, reason: '平台显示已结算' });
    expect(early).toMatchObject({ ok: false, error: { code: 'SETTLEMENT_PENDING' } });
    const lastReversal = engine.ctx.journal.get(receipt.reference)!.lastReversalAt!;
    await sleep(Math.max(0, engine.recovery.deadline({ createdAt: lastReversal }).getTime() - Date.now() + 100));
    await engine.recovery.runOnce({ ignoreSchedule: true }); // looks only: staff are deciding
    expect(engine.ctx.journal.get(receipt.reference)?.lastReversalAt).toBe(lastReversal);

    // The patient is not left guessing: they are told to pay another way or ask staff.
    const blocked = await confirmSettlement(engine.ctx, { quoteId: await quote(engine) });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'SETTLEMENT_NEEDS_STAFF', next: 'call-staff', reference: receipt.reference } });
    if (blocked.ok) throw new Error('unreachable');
    expect(blocked.error.message).toMatch(/人工窗口/);

    const listed = await listUnresolved(engine.ctx, {});
    expect(listed).toMatchObject({ ok: true, value: [{ msgid: receipt.reference, needsStaff: true, platformHasRecord: true, staffMayResolve: true }] });

    const wrongPin = await resolveUnresolved(engine.ctx, { msgid: receipt.reference, resolution: 'settled', operatorId: OPERATOR.operatorId, pin: '0000', reason: '平台显示已结算' });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(engine.ctx.staff.lines(receipt.reference)).toEqual([]);

    const resolved = await resolveUnresolved(engine.ctx, { msgid: receipt.reference, resolution: 'settled', operatorId: OPERATOR.operatorId, pin: OPERATOR.pin, reason: '平台显示已结算，患者已取药' });
    expect(resolved).toMatchObject({ ok: true, value: { state: 'done' } });
    expect(engine.ctx.journal.get(receipt.reference)).toMatchObject({ state: 'done', setlId: onPlatform!.setl_id, resolvedBy: `staff:${OPERATOR.operatorId}` });
    expect(engine.ctx.staff.lines(receipt.reference)).toMatchObject([{ operatorId: OPERATOR.operatorId, resolution: 'settled', reason: '平台显示已结算，患者已取药' }]);
    expect(await confirmSettlement(engine.ctx, { quoteId: await quote(engine) })).toMatchObject({ ok: true, value: { status: 'settled' } });
  }, 30_000);

  it('a 2601 refused in unknown words while the original is still on its way neither settles nor fails the row', async () => {
    const engine = h.engine({ timeouts: { default: 5_000, '2102': 300 } });
    const other = DEMO_PERSONS[2]!;
    await h.admin.fault({ infno: '2102', mode: 'latency', latencyMs: 1500, times: 1 });
    // Set before the settlement: recovery sends its 2601 the moment the outcome becomes unknown.
    await h.admin.fault({ infno: '2601', mode: 'error', errMsg: unheardOf(), times: 1 });
    const result = await confirmSettlement(engine.ctx, { quoteId: await quote(engine, other.certno) });
    if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
    const { reference } = result.value.receipt;
    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(engine.ctx.journal.get(reference)).toMatchObject({ state: 'unknown', needsStaff: false });
    for (let i = 0; i < 50 && (await h.admin.settlements({ msgid: reference })).length === 0; i++) await sleep(100);
    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(engine.ctx.journal.get(reference)).toMatchObject({ state: 'reversed', resolvedBy: '2601' });
    expect((await h.admin.settlements({ msgid: reference }))[0]?.state).toBe('reversed');
  }, 30_000);
});
