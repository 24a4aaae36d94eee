import { SettlementFailure } from './errors';
import type { FreshnessRule } from './freshness';
import type { Backoff, PlatformGateway } from './gateway';
import type { HisBridge } from './his/bridge';
import { payHisDebt, type HisDebt } from './his/debts';
import type { Journal, JournalEntry, PlatformView } from './journal';
import { lookUp } from './platformLookup';
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
   * query we cannot read) before the row is listed for staff. Recovery keeps trying after that.
   */
  staffAfter?: number;
  /** Told of each row that ended not in effect (reversed or never happened): what it opened can be released. */
  onNotInEffect?: (row: JournalEntry) => void | Promise<void>;
  /** Other retried work that rides on each pass (releasing abandoned visits). */
  afterPass?: () => Promise<void>;
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
  private readonly log: (line: string) => void;

  constructor(private readonly options: RecoveryOptions) {
    this.log = options.log ?? (() => {});
  }

  /** Start-up: rows a dead process left pending become unknown, then one pass over everything. */
  async startUp(): Promise<RecoveryReport> {
    const adopted = this.options.journal.adoptOrphans();
    if (adopted > 0) this.log(`recovery: ${adopted} attempt(s) were in flight at the last shutdown`);
    return this.runOnce({ ignoreSchedule: true });
  }

  /** One pass over the rows that are due; concurrent callers share the pass. */
  runOnce(options: { ignoreSchedule?: boolean } = {}): Promise<RecoveryReport> {
    this.running ??= this.pass(options.ignoreSchedule ?? false).finally(() => (this.running = undefined));
    return this.running;
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

  /** When "no record" will mean "never happened" for this row (shown on the pending slip and to staff). */
  deadline(row: Pick<JournalEntry, 'createdAt'>): Date {
    return this.options.freshness.deadline(row.createdAt);
  }

  private async pass(ignoreSchedule: boolean): Promise<RecoveryReport> {
    const { journal, clock } = this.options;
    const report: RecoveryReport = { reversed: 0, neverHappened: 0, stillUnknown: 0, needStaff: 0, hisMarked: 0 };
    for (const row of journal.unknown(ignoreSchedule ? undefined : clock())) {
      let result: Resolution;
      try {
        result = await this.resolve(row);
      } catch (error) {
        // Staff may have resolved the row while its query was out: their word stands.
        if (journal.get(row.msgid)?.state !== 'unknown') continue;
        throw error;
      }
      if (result === 'reversed') report.reversed += 1;
      if (result === 'never-happened') report.neverHappened += 1;
      if (result !== 'unknown') await this.released(journal.get(row.msgid)!);
    }
    const open = journal.unknown();
    report.stillUnknown = open.length;
    report.needStaff = open.filter((r) => r.needsStaff).length;
    for (const row of journal.hisOwed()) {
      if (await this.markHisPaid(row)) report.hisMarked += 1;
    }
    await this.options.afterPass?.().catch((error: unknown) => this.log(`recovery: ${describe(error)}`));
    return report;
  }

  private async resolve(row: JournalEntry): Promise<Resolution> {
    const { journal, gateway } = this.options;
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
      }
    }
    let view: PlatformView;
    try {
      view = await lookUp(gateway, this.options.clock, row, this.options.freshness.skewMs + 60_000);
    } catch (error) {
      return this.later(row, `query: ${describe(error)}`);
    }
    return this.decide(row, view);
  }

  private decide(row: JournalEntry, view: PlatformView): Resolution {
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
    // outage or "no record yet" does not count), then staff.
    const rounds = (row.platformView?.found === view.found ? (row.platformView.rounds ?? 1) : 0) + 1;
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
