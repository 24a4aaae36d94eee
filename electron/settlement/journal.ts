import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './db';
import { SettlementFailure } from './errors';
import type { MsgIdGenerator } from './nhsa/msgid';
import { LATER_COLUMNS, SCHEMA, toEntry, type Row } from './journalRows';
import type { DoneOutcome, EntryState, JournalEntry, NewEntry, PlatformView } from './journalTypes';
import type { Clock } from './time';

// The journal's types live apart (journalTypes.ts) so that journalRows.ts needs nothing from here.
export { REVERSIBLE_INFNOS } from './journalTypes';
export type { DoneOutcome, EntryState, HisState, JournalEntry, JournalPayer, NewEntry, PlatformView, ResolvedBy, ReversibleInfno } from './journalTypes';

/**
 * The money journal. Every reversible transaction (2102, 2103, 2207, 2208, 2304, 2305, 2401)
 * gets a row committed, with its msgid, BEFORE it is sent, and its outcome committed after.
 *
 *   pending ──answer──► done            (took effect on the platform)
 *      │    ──refusal─► failed          (known not to have taken effect)
 *      └────no answer─► unknown ──2601 infcode 0──────────────────► reversed (it had happened; undone)
 *                               ├─query: record reversed/cancelled─► reversed
 *                               ├─query: no record, window passed──► failed   (it can no longer happen)
 *                               └─query can't settle it────────────► unknown + needs staff ──staff──► any
 *
 * `pending` left behind by a dead process is `unknown` to its successor. A partial unique
 * index makes "a second attempt while one is unresolved" impossible at the storage level.
 * Only what a reversal, a receipt and reconciliation need is kept: psn_no and the patient's
 * division (required by 2601's envelope), a masked name, amounts. No face data, no ID number,
 * no e-voucher token.
 */
export class Journal {
  constructor(
    private readonly db: DatabaseSync,
    private readonly msgids: MsgIdGenerator,
    private readonly clock: Clock,
  ) {
    db.exec(SCHEMA);
    const have = new Set((db.prepare('PRAGMA table_info(journal)').all() as Array<{ name: string }>).map((c) => c.name));
    for (const [name, type] of LATER_COLUMNS) if (!have.has(name)) db.exec(`ALTER TABLE journal ADD COLUMN ${name} ${type}`);
  }

  /**
   * Commits a pending row with a fresh msgid, in one transaction with the msgid state.
   * Throws SettlementFailure('SETTLEMENT_PENDING') when the subject has an unresolved attempt.
   */
  begin(entry: NewEntry): JournalEntry {
    return inTransaction(this.db, () => {
      const open = this.db
        .prepare("SELECT msgid, needs_staff FROM journal WHERE subject = ? AND state IN ('pending', 'unknown')")
        .get(entry.subject) as { msgid: string; needs_staff: number } | undefined;
      if (open) throw new SettlementFailure(open.needs_staff ? 'SETTLEMENT_NEEDS_STAFF' : 'SETTLEMENT_PENDING', open.msgid);
      const msgid = this.msgids.next();
      const now = this.clock().toISOString();
      this.db
        .prepare(
          `INSERT INTO journal (msgid, infno, subject, state, psn_no, insuplc_admdvs, masked_name, mdtrt_id,
             insutype, requested_fen, detail, created_at, updated_at, payer_psn_no, payer_masked_name, payer_relation)
           VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          msgid,
          entry.infno,
          entry.subject,
          entry.psnNo,
          entry.insuplcAdmdvs,
          entry.maskedName,
          entry.mdtrtId ?? null,
          entry.insutype ?? null,
          entry.requestedFen ?? null,
          JSON.stringify(entry.detail ?? {}),
          now,
          now,
          entry.payer?.psnNo ?? null,
          entry.payer?.maskedName ?? null,
          entry.payer?.relation ?? null,
        );
      return this.get(msgid)!;
    });
  }

  /** The platform's answer confirmed the transaction took effect. */
  markDone(msgid: string, outcome: DoneOutcome): JournalEntry {
    return this.transition(msgid, ['pending', 'unknown'], 'done', {
      setl_id: outcome.setlId ?? null,
      setl_time: outcome.setlTime ?? null,
      mdtrt_id: outcome.mdtrtId ?? undefined,
      amounts: outcome.amounts ? JSON.stringify(outcome.amounts) : null,
      clr_type: outcome.clrType ?? null,
      clr_optins: outcome.clrOptins ?? null,
      insutype: outcome.insutype ?? undefined,
      resolved_by: 'answer',
      his_state: outcome.hisOwed ? 'owed' : 'none',
      next_attempt_at: null,
    });
  }

  /**
   * Known not to have taken effect: the platform refused it, it never left the kiosk, or
   * (from unknown) reversal found the platform never did it.
   */
  markFailed(msgid: string, error: string, resolvedBy: 'answer' | 'time' = 'answer'): JournalEntry {
    return this.transition(msgid, resolvedBy === 'answer' ? ['pending'] : ['unknown'], 'failed', {
      error,
      resolved_by: resolvedBy,
      next_attempt_at: null,
      needs_staff: 0,
    });
  }

  /** No usable answer: the transaction may or may not have taken effect. */
  markUnknown(msgid: string, error: string, nextAttemptAt: Date): JournalEntry {
    return this.transition(msgid, ['pending', 'unknown'], 'unknown', {
      error,
      next_attempt_at: nextAttemptAt.toISOString(),
    });
  }

  /** It had happened and is undone now: by our 2601, or the platform's record shows it reversed or cancelled. */
  markReversed(msgid: string, by: '2601' | 'query' = '2601', view?: PlatformView): JournalEntry {
    return this.transition(msgid, ['unknown'], 'reversed', {
      resolved_by: by,
      next_attempt_at: null,
      needs_staff: 0,
      ...(view ? { platform_view: JSON.stringify(view) } : {}),
    });
  }

  /**
   * A recovery attempt did not settle it; try again later. `askStaff`: the platform's answers
   * and records cannot settle it, so diagnostics lists it for staff (recovery keeps looking).
   */
  deferRecovery(msgid: string, error: string, nextAttemptAt: Date, view?: PlatformView, askStaff = false): JournalEntry {
    const row = this.get(msgid);
    return this.transition(msgid, ['unknown'], 'unknown', {
      error,
      attempts: (row?.attempts ?? 0) + 1,
      next_attempt_at: nextAttemptAt.toISOString(),
      ...(view ? { platform_view: JSON.stringify(view) } : {}),
      ...(askStaff ? { needs_staff: 1 } : {}),
    });
  }

  /**
   * Recovery is about to send 2601 for this row. Kept so that a staff member recording it as
   * settled can be held until no reversal of ours can still arrive (journalStaff.ts).
   */
  noteReversalSent(msgid: string): void {
    this.db.prepare("UPDATE journal SET last_reversal_at = ? WHERE msgid = ? AND state = 'unknown'").run(this.clock().toISOString(), msgid);
  }

  markHisPaid(msgid: string): JournalEntry {
    return this.transition(msgid, ['done'], 'done', { his_state: 'marked' });
  }

  /**
   * At start-up, before any flow runs: a row still pending was in flight when the last
   * process died, so its outcome is unknown. Returns how many were adopted.
   */
  adoptOrphans(): number {
    const now = this.clock().toISOString();
    const result = this.db
      .prepare("UPDATE journal SET state = 'unknown', error = 'process ended in flight', next_attempt_at = ?, updated_at = ? WHERE state = 'pending'")
      .run(now, now);
    return Number(result.changes);
  }

  get(msgid: string): JournalEntry | undefined {
    const row = this.db.prepare('SELECT * FROM journal WHERE msgid = ?').get(msgid) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  bySetlId(setlId: string): JournalEntry | undefined {
    const row = this.db
      .prepare("SELECT * FROM journal WHERE setl_id = ? AND state = 'done' ORDER BY created_at DESC LIMIT 1")
      .get(setlId) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** The latest done row of a subject (the admission of a stay). */
  doneFor(subject: string): JournalEntry | undefined {
    const row = this.db
      .prepare("SELECT * FROM journal WHERE subject = ? AND state = 'done' ORDER BY created_at DESC, msgid DESC LIMIT 1")
      .get(subject) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** Unknown rows whose next attempt is due (all of them when `due` is omitted). */
  unknown(due?: Date): JournalEntry[] {
    const rows = (
      due
        ? this.db
            .prepare("SELECT * FROM journal WHERE state = 'unknown' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at")
            .all(due.toISOString())
        : this.db.prepare("SELECT * FROM journal WHERE state = 'unknown' ORDER BY created_at").all()
    ) as unknown as Row[];
    return rows.map(toEntry);
  }

  hisOwed(): JournalEntry[] {
    const rows = this.db.prepare("SELECT * FROM journal WHERE state = 'done' AND his_state = 'owed' ORDER BY created_at").all();
    return (rows as unknown as Row[]).map(toEntry);
  }

  /** Done settlements and cancels whose platform settlement time falls on `day` (yyyy-MM-dd). */
  settledOn(day: string): JournalEntry[] {
    const rows = this.db
      .prepare("SELECT * FROM journal WHERE state = 'done' AND setl_id IS NOT NULL AND substr(setl_time, 1, 10) = ? ORDER BY setl_time")
      .all(day);
    return (rows as unknown as Row[]).map(toEntry);
  }

  /** The one way a row changes state; journalStaff.ts uses it for staff resolutions. */
  transition(
    msgid: string,
    from: EntryState[],
    to: EntryState,
    fields: Record<string, string | number | null | undefined>,
  ): JournalEntry {
    const set = Object.entries(fields).filter(([, v]) => v !== undefined) as [string, string | number | null][];
    const sql = `UPDATE journal SET state = ?, updated_at = ?${set.map(([k]) => `, ${k} = ?`).join('')}
      WHERE msgid = ? AND state IN (${from.map(() => '?').join(', ')})`;
    const result = this.db
      .prepare(sql)
      .run(to, this.clock().toISOString(), ...set.map(([, v]) => v), msgid, ...from);
    if (Number(result.changes) !== 1) {
      const current = this.get(msgid);
      throw new Error(`journal: ${msgid} cannot go ${current?.state ?? 'missing'} -> ${to}`);
    }
    return this.get(msgid)!;
  }
}
