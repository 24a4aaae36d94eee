import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './db';
import { SettlementFailure } from './errors';
import type { Journal, JournalEntry, PlatformView, ReversibleInfno } from './journal';
import type { SettlementAmounts } from './nhsa/setlinfo';
import type { Clock } from './time';

/** What staff say an unresolved attempt came to, after looking at what the platform shows. */
export type StaffResolution = 'reversed' | 'settled' | 'never-happened';

export interface ResolutionLine {
  msgid: string;
  at: string;
  operatorId: string;
  resolution: StaffResolution | 'reopened-for-reversal';
  reason: string;
  platformView: PlatformView | null;
}

/** A platform settlement carrying this terminal's msgid that its journal does not hold as done. */
export interface OrphanRecord {
  msgid: string;
  infno: ReversibleInfno;
  psnNo: string;
  insuplcAdmdvs: string;
  setlId: string;
  mdtrtId: string | null;
  amounts: SettlementAmounts | null;
}

/**
 * The audited ways a person changes the journal: resolving an attempt recovery could not
 * settle, and handing a reconciliation orphan to recovery for reversal. Every change writes
 * who, why, and what the platform showed, in the same transaction as the change itself.
 */
export class JournalStaff {
  constructor(
    private readonly db: DatabaseSync,
    private readonly journal: Journal,
    private readonly clock: Clock,
  ) {}

  resolve(msgid: string, resolution: StaffResolution, operatorId: string, reason: string): JournalEntry {
    return inTransaction(this.db, () => {
      const row = this.journal.get(msgid);
      if (!row || row.state !== 'unknown') throw new SettlementFailure('SETTLEMENT_NOT_FOUND', msgid);
      const view = row.platformView;
      const by = `staff:${operatorId}`;
      let done: JournalEntry;
      if (resolution === 'settled') {
        // A receipt needs the platform's own record: staff confirm what it shows, never invent it.
        const record = view?.found === 'valid' ? view.record : undefined;
        if (!record) throw new SettlementFailure('SETTLEMENT_NOT_FOUND', msgid);
        done = this.journal.transition(msgid, ['unknown'], 'done', {
          setl_id: record.setlId,
          setl_time: record.setlTime,
          mdtrt_id: record.mdtrtId ?? undefined,
          amounts: record.amounts ? JSON.stringify(record.amounts) : null,
          clr_type: record.clrType,
          clr_optins: record.clrOptins,
          insutype: record.insutype ?? undefined,
          resolved_by: by,
          his_state: row.detail.hisDebt ? 'owed' : 'none',
          next_attempt_at: null,
          needs_staff: 0,
        });
      } else {
        done = this.journal.transition(msgid, ['unknown'], resolution === 'reversed' ? 'reversed' : 'failed', {
          resolved_by: by,
          next_attempt_at: null,
          needs_staff: 0,
        });
      }
      this.audit(msgid, operatorId, resolution, reason, view);
      return done;
    });
  }

  /**
   * Reconciliation found a platform settlement with this terminal's msgid that the journal
   * does not hold as done: it becomes an unknown row again (or for the first time), which
   * recovery reverses with 2601 like any other. Its own subject keeps it from blocking the
   * patient's next payment.
   */
  reopenForReversal(orphan: OrphanRecord, operatorId: string, reason: string, view: PlatformView): JournalEntry {
    return inTransaction(this.db, () => {
      const now = this.clock().toISOString();
      const existing = this.journal.get(orphan.msgid);
      if (existing && (existing.state === 'done' || existing.state === 'unknown' || existing.state === 'pending')) {
        throw new SettlementFailure('INVALID_INPUT', orphan.msgid);
      }
      if (existing) {
        this.journal.transition(orphan.msgid, ['failed', 'reversed'], 'unknown', {
          subject: `orphan:${orphan.msgid}`,
          error: 'found on the platform by reconciliation',
          next_attempt_at: now,
          platform_view: JSON.stringify(view),
        });
      } else {
        this.db
          .prepare(
            `INSERT INTO journal (msgid, infno, subject, state, psn_no, insuplc_admdvs, masked_name, mdtrt_id, setl_id, amounts,
               detail, error, next_attempt_at, platform_view, created_at, updated_at)
             VALUES (?, ?, ?, 'unknown', ?, ?, '', ?, ?, ?, ?, 'found on the platform by reconciliation', ?, ?, ?, ?)`,
          )
          .run(
            orphan.msgid,
            orphan.infno,
            `orphan:${orphan.msgid}`,
            orphan.psnNo,
            orphan.insuplcAdmdvs,
            orphan.mdtrtId,
            orphan.setlId,
            orphan.amounts ? JSON.stringify(orphan.amounts) : null,
            JSON.stringify({ orphan: true }),
            now,
            JSON.stringify(view),
            // The platform's record time is unknown here; "now" keeps recovery from waiting a window for it.
            now,
            now,
          );
      }
      this.audit(orphan.msgid, operatorId, 'reopened-for-reversal', reason, view);
      return this.journal.get(orphan.msgid)!;
    });
  }

  /** The audit trail, newest first; of one msgid when given. */
  lines(msgid?: string): ResolutionLine[] {
    const rows = (
      msgid
        ? this.db.prepare('SELECT * FROM journal_resolution WHERE msgid = ? ORDER BY id DESC').all(msgid)
        : this.db.prepare('SELECT * FROM journal_resolution ORDER BY id DESC').all()
    ) as Array<{ msgid: string; at: string; operator_id: string; resolution: string; reason: string; platform_view: string | null }>;
    return rows.map((r) => ({
      msgid: r.msgid,
      at: r.at,
      operatorId: r.operator_id,
      resolution: r.resolution as ResolutionLine['resolution'],
      reason: r.reason,
      platformView: r.platform_view ? (JSON.parse(r.platform_view) as PlatformView) : null,
    }));
  }

  private audit(msgid: string, operatorId: string, resolution: string, reason: string, view: PlatformView | null): void {
    this.db
      .prepare('INSERT INTO journal_resolution (msgid, at, operator_id, resolution, reason, platform_view) VALUES (?, ?, ?, ?, ?, ?)')
      .run(msgid, this.clock().toISOString(), operatorId, resolution, reason, view ? JSON.stringify(view) : null);
  }
}
