import { SettlementFailure } from './errors';
import type { Backoff, PlatformGateway } from './gateway';
import type { HisBridge } from './his/bridge';
import { payHisDebt, type HisDebt } from './his/debts';
import type { Journal, JournalEntry } from './journal';
import type { Clock } from './time';

export interface RecoveryReport {
  reversed: number;
  neverHappened: number;
  stillUnknown: number;
  hisMarked: number;
}

export interface RecoveryOptions {
  journal: Journal;
  gateway: PlatformGateway;
  his: HisBridge;
  clock: Clock;
  backoff: Backoff;
  /**
   * How long after an attempt a platform's "I never saw that msgid" is believed. A request the
   * kiosk gave up on may still be queued in front of the platform and processed later; only
   * once it can no longer arrive does "never saw it" mean "never happened". Must exceed the
   * longest time a request can spend in flight (network, gateway queues, platform latency).
   */
  inFlightGraceMs: number;
  log?: (line: string) => void;
}

/** How the platform words the answers to 2601 that end the question (sandbox and common texts). */
const NEVER_SAW_IT = /no transaction with this msgid|原交易不存在|未找到原交易/i;
const ORIGINAL_FAILED = /original transaction failed|原交易失败/i;
const ALREADY_REVERSED = /already reversed|已冲正|已经冲正/i;

/**
 * Drives every unknown outcome to a final state, in the background and at start-up. The tool
 * is reversal 2601 with the original msgid: it undoes the transaction if the platform did it,
 * and says so if it did not, so repeating it until the platform gives a final word is safe.
 * (5203 is no help for a lost settlement answer: without the answer there is no setl_id to
 * query.) It also pays the journal's debts to the hospital system: bills settled on the
 * platform but not yet marked paid in the HIS.
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

  private async pass(ignoreSchedule: boolean): Promise<RecoveryReport> {
    const { journal, clock } = this.options;
    const report: RecoveryReport = { reversed: 0, neverHappened: 0, stillUnknown: 0, hisMarked: 0 };
    for (const row of journal.unknown(ignoreSchedule ? undefined : clock())) {
      const result = await this.resolve(row);
      if (result === 'reversed') report.reversed += 1;
      if (result === 'never-happened') report.neverHappened += 1;
    }
    report.stillUnknown = journal.unknown().length;
    for (const row of journal.hisOwed()) {
      if (await this.markHisPaid(row)) report.hisMarked += 1;
    }
    return report;
  }

  private async resolve(row: JournalEntry): Promise<'reversed' | 'never-happened' | 'unknown'> {
    const { journal, gateway, clock } = this.options;
    try {
      await gateway.call('2601', { data: { psn_no: row.psnNo, omsgid: row.msgid, oinfno: row.infno } }, row.insuplcAdmdvs);
      journal.markReversed(row.msgid);
      this.log(`recovery: ${row.infno} ${row.msgid} had happened; reversed`);
      return 'reversed';
    } catch (error) {
      const detail = error instanceof SettlementFailure ? (error.detail ?? error.code) : String(error);
      if (ALREADY_REVERSED.test(detail)) {
        journal.markReversed(row.msgid);
        return 'reversed';
      }
      if (ORIGINAL_FAILED.test(detail)) {
        journal.markFailed(row.msgid, `platform refused the original: ${detail}`, '2601');
        return 'never-happened';
      }
      const age = clock().getTime() - new Date(row.createdAt).getTime();
      if (NEVER_SAW_IT.test(detail) && age >= this.options.inFlightGraceMs) {
        journal.markFailed(row.msgid, 'platform never received it', '2601');
        this.log(`recovery: ${row.infno} ${row.msgid} never reached the platform`);
        return 'never-happened';
      }
      // Not final yet: a platform error, no answer, or "never saw it" while the original may
      // still be on its way. Try again later, never sooner than the grace period allows.
      const retryAt = Math.max(
        clock().getTime() + this.options.backoff(row.attempts + 1),
        NEVER_SAW_IT.test(detail) ? new Date(row.createdAt).getTime() + this.options.inFlightGraceMs : 0,
      );
      journal.deferRecovery(row.msgid, `2601: ${detail}`, new Date(retryAt));
      return 'unknown';
    }
  }

  private async markHisPaid(row: JournalEntry): Promise<boolean> {
    try {
      await payHisDebt(this.options.his, row.detail.hisDebt as HisDebt, row.setlId ?? '');
      this.options.journal.markHisPaid(row.msgid);
      return true;
    } catch (error) {
      this.log(`recovery: HIS mark-paid for ${row.msgid} deferred (${error instanceof Error ? error.message : String(error)})`);
      return false;
    }
  }
}
