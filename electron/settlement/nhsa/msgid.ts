import type { DatabaseSync } from 'node:sqlite';
import { compactStamp, parseCompactStamp, type Clock } from '../time';

/**
 * msgid = institution code (12) + yyyyMMddHHmmss (14) + per-second sequence (4).
 * The platform keys reversals on msgid and returns it as medins_setl_id, so one must never be
 * reused. The last issued (second, sequence) is persisted before a msgid is handed out; when
 * the clock is not ahead of it (same second, restart, or a clock stepped backwards) the
 * sequence continues from the persisted value, and a full second rolls over to the next one.
 */
export class MsgIdGenerator {
  private readonly read;
  private readonly write;

  constructor(
    private readonly db: DatabaseSync,
    private readonly institutionCode: string,
    private readonly clock: Clock,
  ) {
    if (!/^[A-Z0-9]{12}$/.test(institutionCode)) {
      throw new RangeError(`institution code must be 12 characters: ${institutionCode}`);
    }
    db.exec(`CREATE TABLE IF NOT EXISTS msgid_state (
      institution TEXT PRIMARY KEY, last_second TEXT NOT NULL, last_seq INTEGER NOT NULL)`);
    this.read = db.prepare('SELECT last_second, last_seq FROM msgid_state WHERE institution = ?');
    this.write = db.prepare(`INSERT INTO msgid_state (institution, last_second, last_seq) VALUES (?, ?, ?)
      ON CONFLICT (institution) DO UPDATE SET last_second = excluded.last_second, last_seq = excluded.last_seq`);
  }

  /**
   * Issues the next msgid and persists it. Call inside the caller's transaction when the msgid
   * must be durable together with something else (a journal row): the write is then one commit.
   */
  next(): string {
    const now = compactStamp(this.clock());
    const row = this.read.get(this.institutionCode) as { last_second: string; last_seq: number } | undefined;
    let second = now;
    let seq = 0;
    if (row && row.last_second >= now) {
      second = row.last_second;
      seq = row.last_seq + 1;
      if (seq > 9999) {
        second = compactStamp(new Date(parseCompactStamp(second).getTime() + 1000));
        seq = 0;
      }
    }
    this.write.run(this.institutionCode, second, seq);
    return `${this.institutionCode}${second}${String(seq).padStart(4, '0')}`;
  }
}
