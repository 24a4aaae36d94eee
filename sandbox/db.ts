import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

export const DB_FILE_NAME = 'sandbox.db';

/**
 * The one sandbox database: `<dataDir>/sandbox.db`, or in memory when no folder is given.
 * WAL with synchronous=NORMAL keeps each settlement's commit cheap (no fsync per commit) while a
 * power cut loses at most the last transactions, never the file's consistency.
 */
export function openSandboxDatabase(dataDir?: string): DatabaseSync {
  let location = ':memory:';
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    location = join(dataDir, DB_FILE_NAME);
  }
  const db = new DatabaseSync(location);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  // Checkpoints run beside the requests (`startCheckpointer`); this is only the safety net
  // (~200 MB of WAL) should that thread stop.
  db.exec('PRAGMA wal_autocheckpoint = 50000');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}

// Plain JavaScript so the thread needs no TypeScript loader (tsx, jest, a bundle alike).
const CHECKPOINTER = `
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
db.exec('PRAGMA busy_timeout = 50');
const timer = setInterval(() => {
  try { db.exec('PRAGMA wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Copies the WAL back into the database file from a second thread, every `everyMs`. A passive
 * checkpoint never blocks the writer, so no settlement waits for one; done on the request path
 * it cost about half the time of a 2207 and made the slowest answers slower still.
 */
export function startCheckpointer(dataDir: string, everyMs = 250): { stop(): Promise<void> } {
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { file: join(dataDir, DB_FILE_NAME), everyMs } });
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}

/** Runs `work` in one transaction: all of its writes land, or none do. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  // Joins an enclosing transaction instead of nesting (SQLite has no nested BEGIN), so a
  // registration can raise its bill inside its own transaction.
  if (db.isTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Inside a transaction: when `work` throws, only its own writes are undone. */
export function inSavepoint<T>(db: DatabaseSync, work: () => T): T {
  db.exec('SAVEPOINT work');
  try {
    const result = work();
    db.exec('RELEASE work');
    return result;
  } catch (error) {
    db.exec('ROLLBACK TO work');
    db.exec('RELEASE work');
    throw error;
  }
}
