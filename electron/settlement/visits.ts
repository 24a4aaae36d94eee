import type { DatabaseSync } from 'node:sqlite';

/**
 * Which platform visit (mdtrt_id, from 2201) belongs to which HIS visit number. Kept so a
 * second attempt at the same bills (after the patient declined, or after a reversed
 * settlement) reuses the registered visit: the platform refuses to register it twice.
 */
export class VisitMap {
  constructor(private readonly db: DatabaseSync) {
    db.exec(`CREATE TABLE IF NOT EXISTS platform_visit_map (
      visit_no TEXT PRIMARY KEY, mdtrt_id TEXT NOT NULL, psn_no TEXT NOT NULL, created_at TEXT NOT NULL)`);
  }

  get(visitNo: string, psnNo: string): string | undefined {
    const row = this.db.prepare('SELECT mdtrt_id FROM platform_visit_map WHERE visit_no = ? AND psn_no = ?').get(visitNo, psnNo) as
      | { mdtrt_id: string }
      | undefined;
    return row?.mdtrt_id;
  }

  put(visitNo: string, psnNo: string, mdtrtId: string, at: Date): void {
    this.db
      .prepare('INSERT OR REPLACE INTO platform_visit_map (visit_no, mdtrt_id, psn_no, created_at) VALUES (?, ?, ?, ?)')
      .run(visitNo, mdtrtId, psnNo, at.toISOString());
  }

  /**
   * After the visit was cancelled on the platform (2202): a cancelled visit can take no fee
   * lines, so reusing it would fail every later attempt. Only that visit's mapping goes.
   */
  forget(visitNo: string, psnNo: string, mdtrtId: string): void {
    this.db.prepare('DELETE FROM platform_visit_map WHERE visit_no = ? AND psn_no = ? AND mdtrt_id = ?').run(visitNo, psnNo, mdtrtId);
  }
}
