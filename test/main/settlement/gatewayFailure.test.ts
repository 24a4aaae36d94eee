import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { pharmacyConfig, startHarness, type Harness } from './harness';

/**
 * An HTTP 5xx is the gateway failing, even when it wraps an infcode -1 envelope around the
 * failure (the sandbox's `error` fault with an `httpStatus`): a gateway that gave up waiting for
 * the platform cannot say whether the platform settled. So a settlement answered so is unknown,
 * not refused; and a 2601 or a query answered so is a failed attempt to retry, which must not
 * bring a row closer to staff the way a refused 2601 beside a valid record does.
 */
const [first, second] = [DEMO_PERSONS[0]!, DEMO_PERSONS[2]!];

/** A short gateway window, agreed on both sides (as the campaign's), so "never happened" is decided within seconds. */
const WINDOW_SECONDS = 2;
const config: TerminalConfig = { ...pharmacyConfig, region: { ...pharmacyConfig.region, freshnessWindowSeconds: WINDOW_SECONDS, clockSkewSeconds: 0 } };

let h: Harness;
beforeAll(async () => (h = await startHarness(config, undefined, { tifWindowSeconds: WINDOW_SECONDS })));
afterEach(() => h.admin.clearFaults());
afterAll(() => h.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A pharmacy quote on a terminal of its own (own journal and msgid slot), and recovery driven round by round on the real clock. */
async function quoted(certno: string, slot: string) {
  const terminal = { ...config, terminal: { ...config.terminal, id: `PHARM-${slot}`, slot } };
  const engine: SettlementEngine = h.engine({ config: terminal, dbPath: `${h.dir}/${slot}.db`, backoff: () => 200, timeouts: { default: 5_000 } });
  const id = await identifyByIdNumber(engine.ctx, { certno });
  if (!id.ok) throw new Error(id.error.code);
  const quote = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: 'YP0003', cnt: 2 }] });
  if (!quote.ok) throw new Error(quote.error.code);
  /** Passes as the schedule allows until the row is final or listed for staff; the rounds that listed it. */
  async function recover(msgid: string, rounds: number): Promise<number[]> {
    const row = () => engine.ctx.journal.get(msgid)!;
    const flagged: number[] = [];
    for (let round = 0; round < rounds && row().state === 'unknown' && !row().needsStaff; round++) {
      await sleep(Math.max(0, new Date(row().nextAttemptAt ?? Date.now()).getTime() - Date.now()));
      await engine.recovery.runOnce();
      if (row().needsStaff) flagged.push(round);
    }
    return flagged;
  }
  return { engine, quoteId: quote.value.quoteId, recover };
}

it('takes a settlement answered HTTP 500 with an infcode -1 envelope as unknown, then decides it from records and time', async () => {
  const { engine, quoteId, recover } = await quoted(first.certno, '11');
  await h.admin.fault({ infno: '2102', mode: 'error', httpStatus: 500, times: 1 });
  const result = await confirmSettlement(engine.ctx, { quoteId });
  expect(result).toMatchObject({ ok: true, value: { status: 'pending' } });
  if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
  const msgid = result.value.receipt.reference;
  expect(engine.ctx.journal.get(msgid)).toMatchObject({ state: 'unknown' });
  // The fault did nothing on the platform: once the window has closed, "no record" means never happened.
  expect(await h.admin.settlements({ msgid })).toEqual([]);
  expect(await recover(msgid, 40)).toEqual([]);
  expect(engine.ctx.journal.get(msgid)).toMatchObject({ state: 'failed', resolvedBy: 'time', needsStaff: false });
}, 30_000);

it('does not count 2601s answered HTTP 500 with an envelope toward staff, and reverses once the gateway is back', async () => {
  const { engine, quoteId, recover } = await quoted(second.certno, '12');
  const before = await h.admin.balanceFen(second.psnNo);
  const failing = 5;
  // Armed before the settlement: recovery sends its first 2601 the moment the outcome is unknown.
  await h.admin.fault({ infno: '2102', mode: 'commit-then-drop', times: 1 });
  await h.admin.fault({ infno: '2601', mode: 'error', httpStatus: 500, times: failing });
  const result = await confirmSettlement(engine.ctx, { quoteId });
  if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
  const msgid = result.value.receipt.reference;
  expect((await h.admin.settlements({ msgid }))[0]?.state).toBe('valid');

  // Read as refusals, three of these rounds (each beside 5203's valid record) would list the row for staff.
  expect(await recover(msgid, 3 * failing)).toEqual([]);
  expect(engine.ctx.journal.get(msgid)).toMatchObject({ state: 'reversed', resolvedBy: '2601', needsStaff: false });
  expect((await h.admin.settlements({ msgid }))[0]?.state).toBe('reversed');
  expect(await h.admin.balanceFen(second.psnNo)).toBe(before);
  // Every failing answer armed was spent on a 2601.
  expect(await h.admin.faults()).toEqual([]);
}, 30_000);
