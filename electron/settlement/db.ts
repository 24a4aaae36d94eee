import { DatabaseSync } from 'node:sqlite';

/**
 * The kiosk's one SQLite file (journal, msgid state, operator sessions). WAL lets the
 * background recovery read while a flow writes; synchronous=FULL makes each commit durable
 * against power loss, not only against a crashed process, because a pending journal row that
 * vanished would leave a settlement nobody knows to reverse.
 */
export function openKioskDb(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

/** Runs `work` inside one write transaction; BEGIN IMMEDIATE takes the write lock up front. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
