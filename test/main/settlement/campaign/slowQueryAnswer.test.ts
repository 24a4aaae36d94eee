import { setTimeout as sleep } from 'node:timers/promises';
import axios from 'axios';
import { DEMO_PERSONS } from '../../../../sandbox/seed/demoPersons';
import { identifyByIdNumber } from '../../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement } from '../../../../electron/settlement/usecases/settle';
import { pharmacyConfig, startHarness, type Harness } from '../harness';

/**
 * Found by the campaign's analysis: "no record" may mean "never happened" only if the query was
 * SENT after the gateway window closed. Here the query leaves just before the window closes,
 * the platform answers "no record", the answer is slow on its way back (a network delay the
 * sandbox cannot play, so it is added on the kiosk's side of the wire), and meanwhile the
 * platform takes in the held-back settlement. Judged by the clock after the answer, recovery
 * used to write "never happened" over a settlement the patient's account had paid.
 */
describe('a "no record" answer that arrives after the window closed', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(pharmacyConfig, undefined, { tifWindowSeconds: 2 })));
  afterAll(() => h.close());

  it('does not prove the request never happened', async () => {
    const config = { ...pharmacyConfig, region: { ...pharmacyConfig.region, freshnessWindowSeconds: 2, clockSkewSeconds: 0 } };
    const http = axios.create();
    let slowQueries = false;
    http.interceptors.response.use(async (response) => {
      if (slowQueries && String(response.config.data).includes('"infno":"5203"')) await sleep(1_300);
      return response;
    });
    const engine = h.engine({ config, http, timeouts: { default: 5_000, '2102': 300 } });
    const person = DEMO_PERSONS[0]!;
    const before = await h.admin.balanceFen(person.psnNo);
    const id = await identifyByIdNumber(engine.ctx, { certno: person.certno });
    if (!id.ok) throw new Error(id.error.code);
    const quote = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: 'YP0003', cnt: 2 }] });
    if (!quote.ok) throw new Error(quote.error.code);
    // Taken in by the platform about 1.9 s after it was signed: inside the 2 s window.
    await h.admin.fault({ infno: '2102', mode: 'latency', latencyMs: 1_900, times: 1 });
    const result = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
    const msgid = result.value.receipt.reference;
    const created = Date.parse(engine.ctx.journal.get(msgid)!.createdAt);

    await engine.recovery.runOnce();
    await sleep(Math.max(0, created + 1_850 - Date.now()));
    slowQueries = true;
    await engine.recovery.runOnce({ ignoreSchedule: true });
    slowQueries = false;
    await sleep(500);
    for (let i = 0; i < 20 && engine.ctx.journal.get(msgid)!.state === 'unknown'; i++) {
      await engine.recovery.runOnce({ ignoreSchedule: true });
      await sleep(100);
    }

    // However the timing fell on this machine, the journal and the platform must agree.
    const row = engine.ctx.journal.get(msgid)!;
    const onPlatform = (await h.admin.settlements({ msgid })).map((s) => s.state);
    expect({ journal: row.state, platform: onPlatform }).toEqual(row.state === 'failed' ? { journal: 'failed', platform: [] } : { journal: 'reversed', platform: ['reversed'] });
    expect(await h.admin.balanceFen(person.psnNo)).toBe(before);
  }, 30_000);
});
