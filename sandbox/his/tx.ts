import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `work` in one transaction. Joins an enclosing one instead of nesting (SQLite has no
 * nested BEGIN), so a registration can create its bill inside its own transaction.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work();
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
