import type { DatabaseSync } from 'node:sqlite';

/** How long to wait before the n-th retry (n ≥ 1): 5 s doubling, at most 5 minutes. */
export const defaultStaffCallBackoff = (attempt: number): number => Math.min(5_000 * 2 ** (attempt - 1), 300_000);

export interface QueuedStaffCall {
  id: number;
  ticket: string;
  /** The JSON exactly as first signed and sent: retries send the same bytes. */
  body: string;
  attempts: number;
  nextAt: number;
}

/**
 * Staff calls not yet accepted by the webhook, in their own table of the kiosk's SQLite, so a
 * call raised just before a restart is still delivered after it. Delivered rows are kept (with
 * when) for the day's diagnosis; they hold no patient data.
 */
export class StaffCallQueue {
  constructor(
    private readonly db: DatabaseSync,
    private readonly backoff: (attempt: number) => number = defaultStaffCallBackoff,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS staff_call_outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket TEXT NOT NULL,
      body TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_at INTEGER NOT NULL,
      delivered_at INTEGER,
      last_error TEXT
    )`);
  }

  add(ticket: string, body: string, now: Date): number {
    const result = this.db
      .prepare('INSERT INTO staff_call_outbox (ticket, body, next_at) VALUES (?, ?, ?)')
      .run(ticket, body, now.getTime());
    return Number(result.lastInsertRowid);
  }

  /** Undelivered calls whose next attempt is due, oldest first. */
  due(now: Date): QueuedStaffCall[] {
    return this.db
      .prepare('SELECT id, ticket, body, attempts, next_at AS nextAt FROM staff_call_outbox WHERE delivered_at IS NULL AND next_at <= ? ORDER BY id')
      .all(now.getTime()) as unknown as QueuedStaffCall[];
  }

  delivered(id: number, now: Date): void {
    this.db.prepare('UPDATE staff_call_outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?').run(now.getTime(), id);
  }

  /** Schedules the next attempt after the back-off for this many failures. */
  failed(id: number, now: Date, error: string): void {
    const row = this.db.prepare('SELECT attempts FROM staff_call_outbox WHERE id = ?').get(id) as { attempts: number } | undefined;
    if (!row) return;
    const attempts = row.attempts + 1;
    this.db
      .prepare('UPDATE staff_call_outbox SET attempts = ?, next_at = ?, last_error = ? WHERE id = ?')
      .run(attempts, now.getTime() + this.backoff(attempts), error.slice(0, 200), id);
  }

  isDelivered(id: number): boolean {
    const row = this.db.prepare('SELECT delivered_at FROM staff_call_outbox WHERE id = ?').get(id) as { delivered_at: number | null } | undefined;
    return row?.delivered_at != null;
  }

  /** When the earliest undelivered call is due (ms since the epoch); undefined when none waits. */
  nextDueAt(): number | undefined {
    const row = this.db.prepare('SELECT MIN(next_at) AS at FROM staff_call_outbox WHERE delivered_at IS NULL').get() as { at: number | null };
    return row.at ?? undefined;
  }

  pending(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM staff_call_outbox WHERE delivered_at IS NULL').get() as { n: number }).n;
  }
}
