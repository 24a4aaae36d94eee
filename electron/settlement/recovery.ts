import { SettlementFailure } from './errors';
import type { FreshnessRule } from './freshness';
import type { Backoff, PlatformGateway } from './gateway';
import type { HisBridge } from './his/bridge';
import { payHisDebt, type HisDebt } from './his/debts';
import type { Journal, JournalEntry, PlatformView } from './journal';
import { lookUp } from './platformLookup';
import { counts, roundsAfter, type RoundEvidence } from './recoveryRounds';
import type { Clock } from './time';

export interface RecoveryReport {
  reversed: number;
  neverHappened: number;
  stillUnknown: number;
  /** Of the still unknown: those recovery cannot settle, listed for staff. */
  needStaff: number;
  hisMarked: number;
}

export interface RecoveryOptions {
  journal: Journal;
  gateway: PlatformGateway;
  his: HisBridge;
  clock: Clock;
  backoff: Backoff;
  /** When a request can no longer be accepted by the gateway: what turns "no record" into "never happened". */
  freshness: FreshnessRule;
  /**
   * Rounds in which the platform holds a valid record that 2601 will not undo (or answers a
   * query we cannot read) before the row is listed for staff; only rounds whose 2601 was refused
   * while the platform answered us count (recoveryRounds.ts). After that recovery only looks.
   */
  staffAfter?: number;
  /** Told of each row that ended not in effect (reversed or never happened): what it opened can be released. */
  onNotInEffect?: (row: JournalEntry) => void | Promise<void>;
  /** Other retried work that rides on each pass (releasing abandoned visits). */
  afterPass?: () => Promise<void>;
  /**
   * How long a pass waits for one row before moving on to the next (the row's calls still finish
   * and count, and the row is looked at again later): one slow platform answer must not hold
   * every other unresolved row, nor the start-up pass, for its full timeout. None unless given.
   */
  rowTimeoutMs?: number;
  log?: (line: string) => void;
}

type Resolution = 'reversed' | 'never-happened' | 'unknown';

/**
 * Drives every unknown outcome to a final state, in the background and at start-up, deciding
 * only from what cannot be misread: 2601's infcode, what the platform's records show (5203 /
 * 5201 queries) and time. Never from err_msg: a real platform words refusals freely.
 *
 * 1. 2601 with the original msgid. infcode 0: it had happened and is undone now.
 * 2. Refused: ask the platform's records. Reversed or cancelled there: done with. No record:
 *    "never happened" only once the gateway can no longer accept the request (FreshnessRule);
 *    until then the row stays unknown and is looked at again. A valid record 2601 will not
 *    undo, or an answer we cannot read, goes to staff after `staffAfter` rounds.
 * 3. No answer to either: try again later (the platform may be down).
 *
 * It also pays the journal's debts to the hospital system.
 */
export class Recovery {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RecoveryReport> | undefined;
  /** Rows whose resolution is under way (a pass's, a timed-out one's, or now()'s): one at a time, joined by the others. */
  private readonly inFlight = new Map<string, Promise<Resolution>>();
  /** Set by close(): no new work starts, so nothing can write to the journal once it is closed. */
  private closing = false;
  private readonly log: (line: string) => void;

  constructor(private readonly options: RecoveryOptions) {
    this.log = options.log ?? (() => {});
  }

  /** How long a pass waits on one row before moving on; 0 or undefined: as long as the row's calls take. */
  get rowTimeoutMs(): number | undefined {
    return this.options.rowTimeoutMs;
  }

  /** Start-up: rows a dead process left pending become unknown, then one pass over everything. */
  async startUp(): Promise<RecoveryReport> {
    const adopted = this.options.journal.adoptOrphans();
    if (adopted > 0) this.log(`recovery: ${adopted} attempt(s) were in flight at the last shutdown`);
    return this.runOnce({ ignoreSchedule: true });
  }

  /** One pass over the rows that are due; concurrent callers share the pass. */
  runOnce(options: { ignoreSchedule?: boolean } = {}): Promise<RecoveryReport> {
    if (this.closing) return Promise.resolve({ reversed: 0, neverHappened: 0, stillUnknown: 0, needStaff: 0, hisMarked: 0 });
    this.running ??= this.pass(options.ignoreSchedule ?? false).finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * The 'start recovery now' trigger for one row whose outcome just became unknown: resolved at
   * once, beside any pass already running (which read its rows before this one existed).
   */
  async now(msgid: string): Promise<void> {
    if (this.closing) return;
    const row = this.options.journal.get(msgid);
    if (row?.state === 'unknown') await this.resolveWithin(row);
  }

  /** Background loop; the timer is unref'd so it never keeps a process alive on its own. */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.runOnce().catch((e) => this.log(`recovery: ${String(e)}`)), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Before the journal closes: the timer stops, no pass, row or now() starts from here, and what
   * is under way (a pass, now()'s rows, rows a pass moved on from) is waited for, so a late
   * answer is recorded, or its failure deferred, while the journal is still open. The engine
   * aborts the platform calls still out (engine.ts close), so this wait is short.
   */
  async close(): Promise<void> {
    this.stop();
    this.closing = true;
    await Promise.allSettled([this.running, ...this.inFlight.values()]);
  }

  /** When "no record" will mean "never happened" for this row (shown on the pending slip and to staff). */
  deadline(row: Pick<JournalEntry, 'createdAt'>): Date {
    return this.options.freshness.deadline(row.createdAt);
  }

  private async pass(ignoreSchedule: boolean): Promise<RecoveryReport> {
    const { journal, clock } = this.options;
    const report: RecoveryReport = { reversed: 0, neverHappened: 0, stillUnknown: 0, needStaff: 0, hisMarked: 0 };
    for (const row of journal.unknown(ignoreSchedule ? undefined : clock())) {
      if (this.closing) break;
      let result: Resolution;
      try {
        result = await this.resolveWithin(row);
      } catch (error) {
        // Staff may have resolved the row while its query was out: their word stands.
        if (journal.get(row.msgid)?.state !== 'unknown') continue;
        throw error;
      }
      if (result === 'reversed') report.reversed += 1;
      if (result === 'never-happened') report.neverHappened += 1;
    }
    const open = journal.unknown();
    report.stillUnknown = open.length;
    report.needStaff = open.filter((r) => r.needsStaff).length;
    for (const row of journal.hisOwed()) {
      if (this.closing) break;
      if (await this.markHisPaid(row)) report.hisMarked += 1;
    }
    if (this.closing) return report;
    await this.options.afterPass?.().catch((error: unknown) => this.log(`recovery: ${describe(error)}`));
    return report;
  }

  /**
   * resolve() and the release of what the row opened, joined by whoever asks while it is under
   * way, and waited for at most rowTimeoutMs: past that the caller moves on while the calls
   * finish, and what they settle late is still recorded and released.
   */
  private async resolveWithin(row: JournalEntry): Promise<Resolution> {
    let work = this.inFlight.get(row.msgid);
    if (!work) {
      if (this.closing) return 'unknown';
      // A row read at the start of a pass may have been settled since (by now(), a late answer, staff).
      const current = this.options.journal.get(row.msgid);
      if (current?.state !== 'unknown') return 'unknown';
      work = this.resolve(current)
        .then(async (result) => {
          if (result !== 'unknown') await this.released(this.options.journal.get(row.msgid)!);
          return result;
        })
        .finally(() => this.inFlight.delete(row.msgid));
      this.inFlight.set(row.msgid, work);
    }
    const limit = this.options.rowTimeoutMs;
    if (!limit) return work;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), limit)));
    const first = await Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
    if (first !== 'timeout') return first;
    work.catch((error: unknown) => this.log(`recovery: ${row.msgid} after its timeout: ${describe(error)}`));
    this.log(`recovery: ${row.infno} ${row.msgid} not settled within ${limit} ms; moving on`);
    return 'unknown';
  }

  private async resolve(row: JournalEntry): Promise<Resolution> {
    const { journal, gateway } = this.options;
    const evidence: RoundEvidence = { reversalRefused: false, querySignedInAgain: false };
    // Once staff are asked, recovery only looks: a 2601 of ours still on its way when they decide
    // could undo what they record as settled.
    if (!row.needsStaff) {
      try {
        journal.noteReversalSent(row.msgid);
        await gateway.call('2601', { data: { psn_no: row.psnNo, omsgid: row.msgid, oinfno: row.infno } }, row.insuplcAdmdvs, { expectRefusal: true });
        journal.markReversed(row.msgid, '2601');
        this.log(`recovery: ${row.infno} ${row.msgid} had happened; reversed`);
        return 'reversed';
      } catch (error) {
        if (!(error instanceof SettlementFailure) || !error.refused) return this.later(row, `2601: ${describe(error)}`);
        evidence.reversalRefused = true;
      }
    }
    let view: PlatformView;
    try {
      view = await lookUp(gateway, this.options.clock, row, this.options.freshness.skewMs + 60_000, () => (evidence.querySignedInAgain = true));
    } catch (error) {
      return this.later(row, `query: ${describe(error)}`);
    }
    return this.decide(row, view, evidence);
  }

  private decide(row: JournalEntry, view: PlatformView, evidence: RoundEvidence): Resolution {
    const { journal, clock, freshness } = this.options;
    if (view.found === 'reversed') {
      journal.markReversed(row.msgid, 'query', view);
      this.log(`recovery: ${row.infno} ${row.msgid} is reversed or cancelled on the platform`);
      return 'reversed';
    }
    const deadline = freshness.deadline(row.createdAt);
    if (view.found === 'absent') {
      // Judged by when the query was sent (view.at), not when its answer came back: a request the
      // platform took in while a late answer was on its way back is not in that answer.
      if (new Date(view.at).getTime() >= deadline.getTime()) {
        journal.markFailed(row.msgid, 'no record on the platform after the gateway window closed', 'time');
        this.log(`recovery: ${row.infno} ${row.msgid} never happened (window closed ${deadline.toISOString()})`);
        return 'never-happened';
      }
      // It may still be on its way: look again no sooner than backoff, no later than the window's end.
      const next = Math.min(clock().getTime() + this.options.backoff(row.attempts), deadline.getTime());
      journal.deferRecovery(row.msgid, 'no record yet; the request may still arrive', new Date(next), view);
      return 'unknown';
    }
    // A valid record 2601 did not undo, or an answer we cannot read: retry a few such rounds (an
    // outage, "no record yet" or a round in which the platform refused our session does not
    // count), then staff. The view is kept either way: it is what staff would decide from.
    const rounds = roundsAfter(row.platformView, view, evidence);
    if (!row.needsStaff && !counts(evidence)) this.log(`recovery: ${row.infno} ${row.msgid} 2601 refused while the platform was refusing this session; not counted`);
    const askStaff = rounds >= (this.options.staffAfter ?? 3);
    journal.deferRecovery(row.msgid, view.summary, this.nextTry(row), { ...view, rounds }, askStaff);
    if (askStaff && !row.needsStaff) this.log(`recovery: ${row.infno} ${row.msgid} needs staff: ${view.summary}`);
    return 'unknown';
  }

  private later(row: JournalEntry, why: string): Resolution {
    this.options.journal.deferRecovery(row.msgid, why, this.nextTry(row));
    return 'unknown';
  }

  private nextTry(row: JournalEntry): Date {
    return new Date(this.options.clock().getTime() + this.options.backoff(row.attempts + 1));
  }

  /** Also for a staff resolution: the row ended not in effect, so what it opened can be released. */
  async released(row: JournalEntry): Promise<void> {
    if (row.state !== 'reversed' && row.state !== 'failed') return;
    try {
      await this.options.onNotInEffect?.(row);
    } catch (error) {
      this.log(`recovery: releasing what ${row.msgid} opened failed (${describe(error)})`);
    }
  }

  private async markHisPaid(row: JournalEntry): Promise<boolean> {
    try {
      await payHisDebt(this.options.his, row.detail.hisDebt as HisDebt, row.setlId ?? '');
      this.options.journal.markHisPaid(row.msgid);
      return true;
    } catch (error) {
      this.log(`recovery: HIS mark-paid for ${row.msgid} deferred (${describe(error)})`);
      return false;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof SettlementFailure ? (error.detail ?? error.code) : error instanceof Error ? error.message : String(error);
}
