import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import { pharmacyConfig, startHarness, type Harness } from './harness';

/**
 * Closing the engine while the immediate recovery of a lost answer is still waiting on the
 * platform: close ends that work before the journal closes, so no late answer meets a closed
 * database, and the row is left for the next start to take up.
 */
const HELD_MS = 2_000;
const person = DEMO_PERSONS[1]!;

let h: Harness;
beforeAll(async () => (h = await startHarness(pharmacyConfig)));
afterAll(() => h.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(25);
  }
  return check();
}

it('waits for (and cuts short) a now() recovery held by the platform, then closes with nothing logged against the closed journal', async () => {
  const lines: string[] = [];
  const dbPath = `${h.dir}/closing.db`;
  const engine: SettlementEngine = h.engine({ dbPath, log: (line) => lines.push(line), backoff: () => 60_000 });
  const id = await identifyByIdNumber(engine.ctx, { certno: person.certno });
  if (!id.ok) throw new Error(id.error.code);
  const quote = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: 'YP0003', cnt: 1 }] });
  if (!quote.ok) throw new Error(quote.error.code);
  await h.admin.fault({ infno: '2102', mode: 'commit-then-drop', times: 1 });
  await h.admin.fault({ infno: '2601', mode: 'latency', latencyMs: HELD_MS, times: 1 });
  const result = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
  if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
  const msgid = result.value.receipt.reference;
  // The gateway's trigger (no timer runs here) has sent 2601 once the platform took up the held fault.
  expect(await until(async () => (await h.admin.faults()).length === 0, 5_000)).toBe(true);

  const started = Date.now();
  await expect(engine.close()).resolves.toBeUndefined();
  expect(Date.now() - started).toBeLessThan(HELD_MS);
  // Past the moment the held 2601 is answered: a recovery still running would have met the closed journal by now.
  await sleep(HELD_MS + 500);
  expect(lines.filter((line) => /not open|after its timeout|recovery: .*Error/i.test(line))).toEqual([]);

  // The row waits for the next start; that start's recovery decides it (the held 2601 went on to reverse it).
  const next = h.engine({ dbPath });
  expect(next.ctx.journal.get(msgid)).toMatchObject({ state: 'unknown' });
  const report = await next.start();
  expect(report).toMatchObject({ reversed: 1, stillUnknown: 0 });
  expect(next.ctx.journal.get(msgid)?.state).toBe('reversed');
  expect((await h.admin.settlements({ msgid }))[0]?.state).toBe('reversed');
}, 30_000);
