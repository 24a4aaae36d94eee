import type { FoundOrphan } from './orphans';

/**
 * The orphans of the latest reconciliation, keyed by msgid, per engine, in memory: they outlive
 * the admin page (the main process keeps them) but not a restart. Deliberately so: an orphan is
 * a reading of the platform at one moment, and after a restart the day-end check is one click
 * that reads the platform again, which is the better source. Holding them in memory also keeps
 * the journal database, and its schema, to the journal alone.
 */
const books = new WeakMap<object, Map<string, FoundOrphan>>();

export const orphanBook = {
  /** Replaces what the previous reconciliation found. */
  replace(engine: object, found: readonly FoundOrphan[]): void {
    books.set(engine, new Map(found.map((orphan) => [orphan.record.msgid, orphan])));
  },
  get(engine: object, msgid: string): FoundOrphan | undefined {
    return books.get(engine)?.get(msgid);
  },
  /** Once handed to recovery it is the journal's: offering it again would only repeat the audit line. */
  forget(engine: object, msgid: string): void {
    books.get(engine)?.delete(msgid);
  },
};
