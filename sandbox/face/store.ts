import type { DatabaseSync } from 'node:sqlite';

/**
 * The face service's tables. Enrolled templates are the only descriptors kept; request photos
 * and descriptors never reach the database. Times are epoch milliseconds from the injected clock.
 */
export function migrateFaceTables(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS face_templates (
      id INTEGER PRIMARY KEY,
      psn_no TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('seed', 'enrol')),
      descriptor BLOB NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS face_templates_psn ON face_templates (psn_no);
    CREATE TABLE IF NOT EXISTS face_auths (
      auth_no TEXT PRIMARY KEY,
      org_id TEXT NOT NULL,
      out_biz_no TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('matched', 'second-factor', 'used', 'burnt')),
      psn_no TEXT,
      candidates TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      expires_at INTEGER NOT NULL,
      UNIQUE (org_id, out_biz_no)
    );
    CREATE TABLE IF NOT EXISTS face_tokens (
      token TEXT PRIMARY KEY,
      psn_no TEXT NOT NULL,
      via TEXT NOT NULL,
      issued_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS face_qr_codes (
      code TEXT PRIMARY KEY,
      psn_no TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      used INTEGER NOT NULL DEFAULT 0
    );
  `);
}

export interface TemplateRow {
  psnNo: string;
  source: 'seed' | 'enrol';
  descriptor: number[];
}

export function createTemplateStore(db: DatabaseSync) {
  const insert = db.prepare('INSERT INTO face_templates (psn_no, source, descriptor, created_at) VALUES (?, ?, ?, ?)');
  const all = db.prepare('SELECT psn_no, source, descriptor FROM face_templates ORDER BY id');
  const remove = db.prepare('DELETE FROM face_templates WHERE psn_no = ?');
  const countSeeded = db.prepare("SELECT COUNT(*) AS n FROM face_templates WHERE psn_no = ? AND source = 'seed'");
  return {
    add(psnNo: string, source: TemplateRow['source'], descriptor: number[], now: number): void {
      const bytes = new Float32Array(descriptor);
      insert.run(psnNo, source, new Uint8Array(bytes.buffer), now);
    },
    all(): TemplateRow[] {
      return all.all().map((row) => {
        const blob = row['descriptor'] as Uint8Array;
        const floats = new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
        return { psnNo: String(row['psn_no']), source: row['source'] as TemplateRow['source'], descriptor: Array.from(floats) };
      });
    },
    removePerson(psnNo: string): number {
      return Number(remove.run(psnNo).changes);
    },
    hasSeed(psnNo: string): boolean {
      return Number((countSeeded.get(psnNo) as { n: number }).n) > 0;
    },
  };
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;
