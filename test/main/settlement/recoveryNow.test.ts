import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { listRegistrationSlots, prepareRegistration } from '../../../electron/settlement/usecases/outpatient';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { leaveUnresolved, strangers } from '../../tools/unresolvedRows';
import { hospitalConfig, startHarness, type Harness } from './harness';

/**
 * Recovery's two promptness rules: an outcome that just became unknown is reversed at once, not
 * at the next timer tick; and one row whose platform answers slowly does not hold the others.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const waitFor = async (check: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  return check();
};

async function quote(engine: SettlementEngine, certno: string, slotIndex: number): Promise<string> {
  const id = await identifyByIdNumber(engine.ctx, { certno });
  if (!id.ok) throw new Error(id.error.code);
  const slots = await listRegistrationSlots(engine.ctx, {});
  if (!slots.ok) throw new Error(slots.error.code);
  const quoted = await prepareRegistration(engine.ctx, { personRef: id.value.personRef, slotId: slots.value[slotIndex]!.slotId });
  if (!quoted.ok) throw new Error(quoted.error.code);
  return quoted.value.quoteId;
}

it('reverses a settlement whose answer was lost at once, with no recovery timer running', async () => {
  // recoveryIntervalMs 0 (the harness's): only the gateway's trigger can start recovery here.
  const engine = h.engine({ backoff: () => 60_000 });
  const quoteId = await quote(engine, DEMO_PERSONS[3]!.certno, 0);
  await h.admin.fault({ infno: '2207', mode: 'commit-then-drop', times: 1 });
  const result = await confirmSettlement(engine.ctx, { quoteId });
  if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
  const msgid = result.value.receipt.reference;
  // The row is scheduled a minute out (backoff), so only an immediate trigger reverses it in time.
  expect(await waitFor(() => engine.ctx.journal.get(msgid)?.state === 'reversed', 3_000)).toBe(true);
  expect(engine.ctx.journal.get(msgid)).toMatchObject({ state: 'reversed', resolvedBy: '2601' });
  expect((await h.admin.settlements({ msgid }))[0]?.state).toBe('reversed');
});

it('moves on from a row whose reversal hangs, and records that row once its answer comes', async () => {
  const config = { ...hospitalConfig, terminal: { ...hospitalConfig.terminal, id: 'SLOW-01', slot: '07' } };
  const dir = `${h.dir}/slow`;
  const [slow, quick] = leaveUnresolved(dir, config, strangers(2));
  const engine = h.engine({ config, dbPath: `${dir}/kiosk.db`, recoveryRowTimeoutMs: 400 });
  // The first 2601 is held 3 s; the second answers at once.
  await h.admin.fault({ infno: '2601', mode: 'latency', latencyMs: 3_000, times: 1 });
  const started = Date.now();
  const report = await engine.start();
  expect(Date.now() - started).toBeLessThan(2_500);
  expect(report.stillUnknown).toBe(2);
  expect(engine.ctx.journal.get(quick!)).toMatchObject({ state: 'unknown', attempts: 1 });
  // The held row is still in flight: a pass now joins it instead of sending a second 2601.
  expect(engine.ctx.journal.get(slow!)?.attempts).toBe(0);
  expect(await waitFor(() => (engine.ctx.journal.get(slow!)?.attempts ?? 0) === 1, 5_000)).toBe(true);
});
