import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { inTransaction } from './db';
import { SettlementFailure } from './errors';
import type { Backoff, PlatformGateway } from './gateway';
import { HisUnavailable, type HisBridge } from './his/bridge';
import type { JournalEntry } from './journal';
import type { Clock } from './time';
import type { VisitMap } from './visits';

/**
 * What an outpatient attempt opened and must give back if it is abandoned (declined, refused,
 * failed, or unknown and then reversed / never happened). Written into the quote and into the
 * settlement's journal row, so recovery can release it long after the quote is gone.
 * Pharmacy sales and discharges have nothing to release: a pharmacy sale opens nothing before
 * its settling call (2101/2102 carry the lines themselves), and a discharged stay with its
 * uploaded lines is exactly what the patient still owes and the next attempt settles (it clears
 * and re-uploads the lines itself, 2302 then 2301).
 */
export const visitReleaseSchema = z.object({
  kind: z.enum(['registration', 'outpatient']),
  mdtrtId: z.string().min(1),
  /** The HIS visit number (2201's ipt_otp_no); a registration's is its regNo. */
  visitNo: z.string().min(1),
  psnNo: z.string().min(1),
  insuplcAdmdvs: z.string(),
  regNo: z.string().min(1).optional(),
});
export type VisitRelease = z.infer<typeof visitReleaseSchema>;

/** An abandoned attempt: its journal row's msgid, or null when no row of its own was written (a decline). */
export interface AbandonedAttempt {
  msgid: string | null;
  release: VisitRelease;
}

type StepKind = 'his-cancel-registration' | '2205' | '2202' | 'forget-visit';
type StepState = 'pending' | 'done' | 'refused';

export interface UndoStep {
  id: number;
  batch: number;
  msgid: string | null;
  kind: StepKind;
  payload: VisitRelease;
  state: StepState;
  attempts: number;
  nextAttemptAt: string | null;
  error: string | null;
  createdAt: string;
}

export interface UndoReport {
  done: number;
  refused: number;
  /** Steps left pending by this pass because the platform or the HIS did not answer. */
  deferred: number;
}

interface StepRow {
  id: number;
  batch: number;
  msgid: string | null;
  kind: string;
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: string | null;
  error: string | null;
  created_at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS undo_step (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  batch INTEGER NOT NULL,
  msgid TEXT,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'refused')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS undo_step_open ON undo_step (state, batch, id);
CREATE INDEX IF NOT EXISTS undo_step_msgid ON undo_step (msgid);`;

/**
 * The platform refuses 2202 while unsettled fee lines remain, so 2205 goes first; the HIS
 * place is given back first because it is what another patient is waiting for. The visit is
 * forgotten last, so a 2202 still owed can always find it.
 */
function stepsOf(release: VisitRelease): StepKind[] {
  if (release.kind === 'outpatient') return ['2205'];
  return [...(release.regNo ? (['his-cancel-registration'] as const) : []), '2205', '2202', 'forget-visit'];
}

export interface VisitUndoDeps {
  db: DatabaseSync;
  gateway: PlatformGateway;
  his: HisBridge;
  visits: VisitMap;
  clock: Clock;
  backoff: Backoff;
  log?: (line: string) => void;
  /** How long a patient-facing release waits for the queue before answering anyway. */
  patientWaitMs?: number;
}

/**
 * The durable queue of releases. Steps are committed before any is tried, tried in order per
 * attempt (a step waits for the one before it), and retried with back-off while the platform
 * or the HIS does not answer. A refusal ends a step as `refused`: decided by infcode (or the
 * HIS's HTTP status), never by wording, and taken as "nothing left to undo" — a visit already
 * cancelled, no open fee lines — so a refusal can never keep a step retrying forever.
 */
export class VisitUndo {
  private queued: Promise<UndoReport> | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly log: (line: string) => void;

  constructor(private readonly deps: VisitUndoDeps) {
    deps.db.exec(SCHEMA);
    this.log = deps.log ?? (() => {});
  }

  /** Commits the steps of one abandoned attempt; an attempt already queued (by its msgid) is not queued twice. */
  enqueue(attempt: AbandonedAttempt): number {
    const release = visitReleaseSchema.parse(attempt.release);
    const { db } = this.deps;
    return inTransaction(db, () => {
      if (attempt.msgid && db.prepare('SELECT 1 AS x FROM undo_step WHERE msgid = ?').get(attempt.msgid)) return 0;
      const { batch } = db.prepare('SELECT coalesce(max(batch), 0) + 1 AS batch FROM undo_step').get() as { batch: number };
      const now = this.deps.clock().toISOString();
      const insert = db.prepare(
        'INSERT INTO undo_step (batch, msgid, kind, payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const steps = stepsOf(release);
      for (const kind of steps) insert.run(batch, attempt.msgid, kind, JSON.stringify(release), now, now);
      return steps.length;
    });
  }

  /** Recovery's hook: a settlement row that ended not in effect releases what its attempt opened. */
  enqueueFrom(row: JournalEntry): number {
    const parsed = visitReleaseSchema.safeParse(row.detail.release);
    // Rows without release data (pharmacy, discharge, cancels, admissions) opened nothing to release.
    if (!parsed.success) return 0;
    return this.enqueue({ msgid: row.msgid, release: parsed.data });
  }

  /**
   * A new attempt at the same visit clears its open fee lines itself (2205 before its own 2204);
   * an older 2205 still queued for that visit would clear the new attempt's lines instead.
   */
  supersede(mdtrtId: string): void {
    this.deps.db
      .prepare(
        `UPDATE undo_step SET state = 'done', error = 'superseded by a new attempt at the visit', updated_at = ?
         WHERE state = 'pending' AND kind = '2205' AND json_extract(payload, '$.mdtrtId') = ?`,
      )
      .run(this.deps.clock().toISOString(), mdtrtId);
  }

  /**
   * Enqueues and runs, for a patient at the screen: waits at most `patientWaitMs` and never
   * throws, because the queue finishes the release later whatever happens now.
   */
  async release(attempt: AbandonedAttempt): Promise<void> {
    try {
      this.enqueue(attempt);
    } catch (error) {
      this.log(`undo: could not queue the release of ${attempt.release.mdtrtId} (${describe(error)})`);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.deps.patientWaitMs ?? 3_000);
      timer.unref();
    });
    await Promise.race([this.runDue().then(() => undefined, (error: unknown) => this.log(`undo: ${describe(error)}`)), waited]);
    clearTimeout(timer);
  }

  /**
   * One pass over every attempt whose next step is due. Concurrent callers share a pass that
   * has not started yet, so a step queued just now is always in the pass the caller awaits.
   */
  runDue(): Promise<UndoReport> {
    if (!this.queued) {
      const next = this.tail.then(() => {
        this.queued = undefined;
        return this.pass();
      });
      this.queued = next;
      this.tail = next.catch(() => undefined);
    }
    return this.queued;
  }

  /** Steps not yet done or refused, oldest first (diagnostics and staff). */
  pending(): UndoStep[] {
    return (this.deps.db.prepare("SELECT * FROM undo_step WHERE state = 'pending' ORDER BY id").all() as unknown as StepRow[]).map(toStep);
  }

  /** Every step of the attempt with this msgid, in order. */
  stepsFor(msgid: string): UndoStep[] {
    return (this.deps.db.prepare('SELECT * FROM undo_step WHERE msgid = ? ORDER BY id').all(msgid) as unknown as StepRow[]).map(toStep);
  }

  private async pass(): Promise<UndoReport> {
    const report: UndoReport = { done: 0, refused: 0, deferred: 0 };
    const batches = this.deps.db
      .prepare("SELECT DISTINCT batch FROM undo_step WHERE state = 'pending' ORDER BY batch")
      .all() as Array<{ batch: number }>;
    for (const { batch } of batches) {
      const steps = this.deps.db
        .prepare("SELECT * FROM undo_step WHERE batch = ? AND state = 'pending' ORDER BY id")
        .all(batch) as unknown as StepRow[];
      for (const row of steps.map(toStep)) {
        if (row.nextAttemptAt && row.nextAttemptAt > this.deps.clock().toISOString()) break;
        const outcome = await this.attempt(row);
        report[outcome] += 1;
        if (outcome === 'deferred') break;
      }
    }
    return report;
  }

  private async attempt(step: UndoStep): Promise<keyof UndoReport> {
    const { db, clock, backoff } = this.deps;
    const now = clock();
    try {
      await this.perform(step);
      db.prepare("UPDATE undo_step SET state = 'done', attempts = attempts + 1, error = NULL, updated_at = ? WHERE id = ?").run(now.toISOString(), step.id);
      return 'done';
    } catch (error) {
      if (isRefusal(error)) {
        db.prepare("UPDATE undo_step SET state = 'refused', attempts = attempts + 1, error = ?, updated_at = ? WHERE id = ?").run(describe(error), now.toISOString(), step.id);
        this.log(`undo: ${step.kind} for ${step.payload.mdtrtId} refused, nothing to undo (${describe(error)})`);
        return 'refused';
      }
      const next = new Date(now.getTime() + backoff(step.attempts));
      db.prepare('UPDATE undo_step SET attempts = attempts + 1, error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?').run(
        describe(error),
        next.toISOString(),
        now.toISOString(),
        step.id,
      );
      this.log(`undo: ${step.kind} for ${step.payload.mdtrtId} deferred (${describe(error)})`);
      return 'deferred';
    }
  }

  private async perform(step: UndoStep): Promise<void> {
    const { gateway, his, visits } = this.deps;
    const p = step.payload;
    switch (step.kind) {
      case 'his-cancel-registration':
        return his.cancelRegistration(p.regNo!);
      case '2205':
        await gateway.call('2205', { data: { mdtrt_id: p.mdtrtId, chrg_bchno: '0000', psn_no: p.psnNo } }, p.insuplcAdmdvs, { expectRefusal: true });
        return;
      case '2202':
        await gateway.call('2202', { data: { psn_no: p.psnNo, mdtrt_id: p.mdtrtId, ipt_otp_no: p.visitNo } }, p.insuplcAdmdvs, { expectRefusal: true });
        return;
      case 'forget-visit':
        visits.forget(p.visitNo, p.psnNo, p.mdtrtId);
        return;
    }
  }
}

/** The other side answered no: the platform's infcode ≠ 0, or the HIS's refusal (unknown registration, already paid); not a 401. */
function isRefusal(error: unknown): boolean {
  if (error instanceof SettlementFailure) return error.refused;
  return error instanceof HisUnavailable && error.refused;
}

function toStep(row: StepRow): UndoStep {
  return {
    id: row.id,
    batch: row.batch,
    msgid: row.msgid,
    kind: row.kind as StepKind,
    payload: JSON.parse(row.payload) as VisitRelease,
    state: row.state as StepState,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    error: row.error,
    createdAt: row.created_at,
  };
}

function describe(error: unknown): string {
  return error instanceof SettlementFailure ? (error.detail ?? error.code) : error instanceof Error ? error.message : String(error);
}
