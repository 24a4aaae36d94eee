import { SettlementFailure } from './errors';
import type { Backoff, PlatformGateway } from './gateway';
import type { HisBridge } from './his/bridge';
import type { Journal, JournalEntry } from './journal';
import type { Clock } from './time';

export interface RecoveryReport {
  reversed: number;
  stillUnknown: number;
  hisMarked: number;
}

/**
 * Drives every unknown outcome to a final state, in the background and at start-up. The only
 * tool is reversal 2601 with the original msgid: it undoes the transaction if the platform
 * did it and is refused for nothing else, so it is safe to repeat until the platform confirms.
 * It also settles the journal's debts to the hospital system (bills paid on the platform but
 * not yet marked paid in the HIS).
 */
export class Recovery {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RecoveryReport> | undefined;

  constructor(
    private readonly journal: Journal,
    private readonly gateway: PlatformGateway,
    private readonly his: HisBridge,
    private readonly clock: Clock,
    private readonly backoff: Backoff,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Start-up: rows a dead process left pending become unknown, then one pass over everything. */
  async startUp(): Promise<RecoveryReport> {
    const adopted = this.journal.adoptOrphans();
    if (adopted > 0) this.log(`recovery: ${adopted} attempt(s) in flight at last shutdown`);
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
    const report: RecoveryReport = { reversed: 0, stillUnknown: 0, hisMarked: 0 };
    for (const row of this.journal.unknown(ignoreSchedule ? undefined : this.clock())) {
      if (await this.reverse(row)) report.reversed += 1;
    }
    report.stillUnknown = this.journal.unknown().length;
    for (const row of this.journal.hisOwed()) {
      if (await this.markHisPaid(row)) report.hisMarked += 1;
    }
    return report;
  }

  private async reverse(row: JournalEntry): Promise<boolean> {
    try {
      await this.gateway.call('2601', { data: { psn_no: row.psnNo, omsgid: row.msgid, oinfno: row.infno } }, row.insuplcAdmdvs);
      this.journal.markReversed(row.msgid);
      this.log(`recovery: ${row.infno} ${row.msgid} reversed`);
      return true;
    } catch (error) {
      const why = error instanceof SettlementFailure ? error.code : String(error);
      const next = new Date(this.clock().getTime() + this.backoff(row.attempts + 1));
      this.journal.deferRecovery(row.msgid, `2601: ${why}`, next);
      this.log(`recovery: ${row.infno} ${row.msgid} still unknown (${why})`);
      return false;
    }
  }

  private async markHisPaid(row: JournalEntry): Promise<boolean> {
    const billIds = Array.isArray(row.detail.billIds) ? (row.detail.billIds as string[]) : [];
    try {
      await this.his.markPaid({ billIds, setlId: row.setlId ?? '', msgid: row.msgid });
      this.journal.markHisPaid(row.msgid);
      return true;
    } catch (error) {
      this.log(`recovery: HIS mark-paid for ${row.msgid} failed (${String(error)})`);
      return false;
    }
  }
}
