import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import { pharmacyConfig, startHarness, type Harness } from './harness';

/**
 * The fault campaign's rounds 66 and 73 (seed 20260301), reduced: a settlement that happened,
 * its answer lost, and the platform down for its next five 2601s and five 5203s, answering
 * each with infcode -1. Every refused query is asked once more after a fresh sign-in, so the
 * queries come back while the 2601s are still refused. A round whose query the platform refused
 * on the 2601's own session says nothing about the reversal, and must not bring the row
 * closer to staff: recovery keeps sending 2601 until the platform takes it.
 */
const [person, other] = [DEMO_PERSONS[1]!, DEMO_PERSONS[2]!];
const DOWN_CALLS = 5;

/** A pharmacy sale done on the platform whose answer was lost, met by the faults given; recovery driven round by round on an injected clock. */
async function lostAnswer(h: Harness, certno: string, faults: Array<{ infno: string; times?: number }>) {
  // Injected: rounds run when the schedule says, without the test sleeping through back-offs.
  let ahead = 0;
  const clock = () => new Date(Date.now() + ahead);
  const engine: SettlementEngine = h.engine({ clock, backoff: () => 200, timeouts: { default: 5_000 } });
  const id = await identifyByIdNumber(engine.ctx, { certno });
  if (!id.ok) throw new Error(id.error.code);
  const quote = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: 'YP0003', cnt: 2 }] });
  if (!quote.ok) throw new Error(quote.error.code);
  // Armed before the settlement: recovery sends its first 2601 the moment the outcome is unknown.
  await h.admin.fault({ infno: '2102', mode: 'commit-then-drop', times: 1 });
  for (const fault of faults) await h.admin.fault({ ...fault, mode: 'error' });
  const result = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
  if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
  const msgid = result.value.receipt.reference;
  const row = () => engine.ctx.journal.get(msgid)!;
  /** Passes as the schedule allows, until the row is final or listed for staff; the rounds that listed it. */
  async function recover(rounds: number): Promise<number[]> {
    const flagged: number[] = [];
    for (let round = 0; round < rounds && row().state === 'unknown' && !row().needsStaff; round++) {
      ahead += Math.max(0, new Date(row().nextAttemptAt ?? clock()).getTime() - clock().getTime());
      await engine.recovery.runOnce();
      if (row().needsStaff) flagged.push(round);
    }
    return flagged;
  }
  return { msgid, row, recover };
}

describe('a platform down with errors during recovery', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(pharmacyConfig)));
  afterEach(() => h.admin.clearFaults());
  afterAll(() => h.close());

  it('does not hand a settlement it can still reverse to staff', async () => {
    const before = await h.admin.balanceFen(person.psnNo);
    const { msgid, row, recover } = await lostAnswer(h, person.certno, [
      { infno: '2601', times: DOWN_CALLS },
      { infno: '5203', times: DOWN_CALLS },
    ]);
    expect((await h.admin.settlements({ msgid }))[0]?.state).toBe('valid');

    expect(await recover(3 * DOWN_CALLS)).toEqual([]);
    expect(row()).toMatchObject({ state: 'reversed', resolvedBy: '2601', needsStaff: false });
    expect((await h.admin.settlements({ msgid }))[0]?.state).toBe('reversed');
    expect(await h.admin.balanceFen(person.psnNo)).toBe(before);
    // The outage was met in full: every refusal armed was spent on a request.
    expect(await h.admin.faults()).toEqual([]);
  }, 30_000);

  it('still asks staff once the platform answers again and keeps refusing the reversal', async () => {
    // The same outage, but 2601 is never taken: three rounds after the platform is back, staff.
    const { msgid, row, recover } = await lostAnswer(h, other.certno, [{ infno: '2601' }, { infno: '5203', times: DOWN_CALLS }]);
    expect((await recover(3 * DOWN_CALLS)).length).toBe(1);
    expect(row()).toMatchObject({ state: 'unknown', needsStaff: true, platformView: { found: 'valid', rounds: 3 } });
    expect((await h.admin.settlements({ msgid }))[0]?.state).toBe('valid');
  }, 30_000);
});
