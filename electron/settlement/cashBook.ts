import type { DatabaseSync } from 'node:sqlite';
import type { Clock } from './time';

export interface CashRecord {
  msgid: string;
  setlId: string;
  cashFen: number;
  operatorId: string;
  /** ISO time of the confirmation. */
  at: string;
}

/**
 * Who confirmed that a settlement's cash part was handed over, and when: the cashier's word,
 * given with their own PIN, kept beside the journal (not in it: the journal is the money's
 * state machine; this is the counter's till). The first confirmation stands; a second answers it.
 */
export class CashBook {
  constructor(
    private readonly db: DatabaseSync,
    private readonly clock: Clock,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS cash_taken (
      msgid TEXT PRIMARY KEY, setl_id TEXT NOT NULL, cash_fen INTEGER NOT NULL, operator_id TEXT NOT NULL, at TEXT NOT NULL)`);
  }

  /** Records the confirmation unless one exists; answers the one that stands. */
  record(msgid: string, setlId: string, cashFen: number, operatorId: string): CashRecord {
    this.db
      .prepare('INSERT INTO cash_taken (msgid, setl_id, cash_fen, operator_id, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (msgid) DO NOTHING')
      .run(msgid, setlId, cashFen, operatorId, this.clock().toISOString());
    return this.of(msgid)!;
  }

  of(msgid: string): CashRecord | undefined {
    const row = this.db.prepare('SELECT msgid, setl_id, cash_fen, operator_id, at FROM cash_taken WHERE msgid = ?').get(msgid) as
      | { msgid: string; setl_id: string; cash_fen: number; operator_id: string; at: string }
      | undefined;
    return row ? { msgid: row.msgid, setlId: row.setl_id, cashFen: row.cash_fen, operatorId: row.operator_id, at: row.at } : undefined;
  }
}
