import type { DatabaseSync } from 'node:sqlite';
import { compactStamp, parseCompactStamp, type Clock } from '../time';

/** Two digits per terminal: every terminal of one institution shares the 30-character space. */
const SLOT = /^\d{2}$/;
const MSGID = /^[A-Za-z0-9]{12}\d{14}(\d{2})\d{2}$/;
/** Per terminal and second; the 101st rolls over to the next second. */
export const MSGIDS_PER_SECOND = 100;

/**
 * The terminal slot inside a msgid, or undefined when the text is no msgid of this shape.
 * A msgid issued before slots existed (4-digit sequence) reads as the slot its first two
 * sequence digits happen to spell: only msgids from after the upgrade carry a real slot.
 */
export function slotOf(msgid: string): string | undefined {
  return MSGID.exec(msgid)?.[1];
}

/**
 * msgid = institution code (12) + yyyyMMddHHmmss (14, China time) + terminal slot (2) +
 * per-second counter (2). The platform keys reversals on msgid and returns it as
 * medins_setl_id, and all terminals of one institution share that key space (spec §4): the
 * slot, unique per terminal of the institution, keeps them apart. The last issued (second,
 * counter) is persisted per institution and slot before a msgid is handed out; when the clock
 * is not ahead of it (same second, restart, or a clock stepped backwards) the counter
 * continues from the persisted value, and a full second rolls over to the next one.
 */
export class MsgIdGenerator {
  private readonly read;
  private readonly write;

  constructor(
    db: DatabaseSync,
    private readonly institutionCode: string,
    private readonly slot: string,
    private readonly clock: Clock,
  ) {
    if (!/^[A-Z0-9]{12}$/.test(institutionCode)) {
      throw new RangeError(`institution code must be 12 characters: ${institutionCode}`);
    }
    if (!SLOT.test(slot)) throw new RangeError(`terminal slot must be two digits 00-99: ${slot}`);
    db.exec(`CREATE TABLE IF NOT EXISTS msgid_slot_state (
      institution TEXT NOT NULL, slot TEXT NOT NULL, last_second TEXT NOT NULL, last_counter INTEGER NOT NULL,
      PRIMARY KEY (institution, slot))`);
    this.read = db.prepare('SELECT last_second, last_counter FROM msgid_slot_state WHERE institution = ? AND slot = ?');
    this.write = db.prepare(`INSERT INTO msgid_slot_state (institution, slot, last_second, last_counter) VALUES (?, ?, ?, ?)
      ON CONFLICT (institution, slot) DO UPDATE SET last_second = excluded.last_second, last_counter = excluded.last_counter`);
    this.seedSlot(db);
  }

  /**
   * A slot this database has not used yet starts after the latest second it issued anything in:
   * under the pre-slot format (table msgid_state, 4-digit sequence, so any suffix up to 9999 may
   * be spent in that second) or under another slot. So msgids from one database only ever
   * increase, and none can repeat one the old format issued.
   */
  private seedSlot(db: DatabaseSync): void {
    if (this.read.get(this.institutionCode, this.slot)) return;
    const seconds: string[] = [];
    const legacy = db.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'msgid_state'").get();
    if (legacy) {
      const row = db.prepare('SELECT last_second FROM msgid_state WHERE institution = ?').get(this.institutionCode) as
        | { last_second: string }
        | undefined;
      if (row) seconds.push(row.last_second);
    }
    const other = db.prepare('SELECT max(last_second) AS s FROM msgid_slot_state WHERE institution = ?').get(this.institutionCode) as {
      s: string | null;
    };
    if (other.s) seconds.push(other.s);
    if (seconds.length === 0) return;
    const latest = seconds.sort().at(-1)!;
    // Marked full, so the next msgid goes to a later second than `latest`.
    this.write.run(this.institutionCode, this.slot, latest, MSGIDS_PER_SECOND - 1);
  }

  /**
   * Issues the next msgid and persists it. Call inside the caller's transaction when the msgid
   * must be durable together with something else (a journal row): the write is then one commit.
   */
  next(): string {
    const now = compactStamp(this.clock());
    const row = this.read.get(this.institutionCode, this.slot) as { last_second: string; last_counter: number } | undefined;
    let second = now;
    let counter = 0;
    if (row && row.last_second >= now) {
      second = row.last_second;
      counter = row.last_counter + 1;
      if (counter >= MSGIDS_PER_SECOND) {
        second = compactStamp(new Date(parseCompactStamp(second).getTime() + 1000));
        counter = 0;
      }
    }
    this.write.run(this.institutionCode, this.slot, second, counter);
    return `${this.institutionCode}${second}${this.slot}${String(counter).padStart(2, '0')}`;
  }

  /** Whether this institution and this terminal's slot issued the msgid (reconciliation). */
  isOwn(msgid: string): boolean {
    return msgid.startsWith(this.institutionCode) && slotOf(msgid) === this.slot;
  }
}
