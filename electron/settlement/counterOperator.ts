import type { DatabaseSync } from 'node:sqlite';
import type { CounterMode, TerminalConfig } from '../../shared/config/terminalConfig';
import { STAFF_OPERATOR_TYPE, terminalOperator, type OperatorOfRecord } from './nhsa/envelope';
import { platformDate, type Clock } from './time';
import type { OperatorAuthoriser } from './usecases/operators';

/** Counters a member of staff runs: their operator is the one the platform records. */
export const STAFFED_MODES: ReadonlySet<CounterMode> = new Set(['cashier', 'pharmacy', 'inpatient']);

export interface CounterOperatorView {
  id: string;
  name: string;
  /** ISO time of the sign-in. */
  since: string;
}

/**
 * A configured operator as the envelope names them (opter_type 1). An id no longer in the
 * configuration (removed since a sign-in was kept) is still that person on the platform's
 * records, so it keeps its id as its name rather than becoming the terminal.
 */
export function staffOperator(config: TerminalConfig, operatorId: string): OperatorOfRecord {
  const known = config.operators.find((o) => o.id === operatorId);
  return { type: STAFF_OPERATOR_TYPE, id: operatorId, name: known?.name ?? operatorId };
}

/** The operator of record for an id in operator_session: the terminal's own id, or a member of staff. */
export function operatorById(config: TerminalConfig, operatorId: string): OperatorOfRecord {
  return operatorId === config.terminal.id ? terminalOperator(config) : staffOperator(config, operatorId);
}

/**
 * Who is signed in at this counter, kept in the kiosk's SQLite so a page reload or a restart
 * keeps it, until they sign out or the platform day turns (as their 9001 sign-in does). The
 * sign-in takes the operator's own PIN; the admin PIN only opens the page that asks for it.
 */
export class CounterOperator {
  constructor(
    private readonly db: DatabaseSync,
    private readonly config: TerminalConfig,
    private readonly authoriser: OperatorAuthoriser,
    private readonly clock: Clock,
  ) {
    // One row at most: a counter has one operator at a time.
    db.exec(`CREATE TABLE IF NOT EXISTS counter_operator (
      one INTEGER PRIMARY KEY CHECK (one = 1), operator TEXT NOT NULL, day TEXT NOT NULL, signed_in_at TEXT NOT NULL)`);
  }

  /** Signs the operator in when the PIN is theirs (replacing whoever was signed in); undefined otherwise. */
  signIn(operatorId: string, pin: string): CounterOperatorView | undefined {
    if (!this.config.operators.some((o) => o.id === operatorId) || !this.authoriser.verify(operatorId, pin)) return undefined;
    const now = this.clock();
    this.db
      .prepare(`INSERT INTO counter_operator (one, operator, day, signed_in_at) VALUES (1, ?, ?, ?)
        ON CONFLICT (one) DO UPDATE SET operator = excluded.operator, day = excluded.day, signed_in_at = excluded.signed_in_at`)
      .run(operatorId, platformDate(now), now.toISOString());
    return this.current();
  }

  /** Who is signed in today; a sign-in from an earlier platform day, or of an operator since removed, is over. */
  current(): CounterOperatorView | undefined {
    const row = this.db.prepare('SELECT operator, day, signed_in_at FROM counter_operator WHERE one = 1').get() as
      | { operator: string; day: string; signed_in_at: string }
      | undefined;
    if (!row) return undefined;
    const known = this.config.operators.find((o) => o.id === row.operator);
    if (!known || row.day !== platformDate(this.clock())) {
      this.db.prepare('DELETE FROM counter_operator WHERE one = 1 AND operator = ? AND day = ?').run(row.operator, row.day);
      return undefined;
    }
    return { id: known.id, name: known.name, since: row.signed_in_at };
  }

  /** Ends the sign-in; who it was, if anyone. */
  signOut(): CounterOperatorView | undefined {
    const who = this.current();
    this.db.prepare('DELETE FROM counter_operator WHERE one = 1').run();
    return who;
  }

  /**
   * Whom this counter's calls are made by. An unattended registration kiosk is its own operator
   * (opter_type 2). A staffed counter's is the signed-in operator (opter_type 1); with nobody
   * signed in its page stays closed to patients, and what still reaches the platform (recovery's
   * follow-ups, a day-end check) is the terminal's.
   */
  ofRecord(): OperatorOfRecord {
    const who = STAFFED_MODES.has(this.config.terminal.mode) ? this.current() : undefined;
    return who ? staffOperator(this.config, who.id) : terminalOperator(this.config);
  }
}
