import type { DatabaseSync } from 'node:sqlite';
import type { JournalEntry } from './journal';
import { toEntry, type Row } from './journalRows';
import { CHINA_OFFSET_MINUTES, platformDate, type Clock } from './time';

/** Payments a patient holds a slip for, and their cancels. */
export const PAYMENT_INFNOS = ['2207', '2102', '2304'] as const;
export const CANCEL_INFNOS = ['2208', '2103', '2305'] as const;
const SLIP_INFNOS = [...PAYMENT_INFNOS, ...CANCEL_INFNOS];

export interface TodayQuery {
  /** A msgid or setl_id (exact, any case), else part of a masked name. */
  text?: string;
  /** `HH:mm` China time, inclusive. */
  from?: string;
  /** `HH:mm` China time, inclusive of that minute. */
  to?: string;
  limit: number;
}

const REFERENCE = /^[A-Za-z0-9]+$/;

/** The instant a China wall-clock time of `day` names, as the journal's ISO strings (which sort as text). */
function isoAt(day: string, clock: string, extraMs = 0): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = clock.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - CHINA_OFFSET_MINUTES * 60_000 + extraMs).toISOString();
}

/** `%` and `_` typed by staff are letters, not wildcards. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Today's payments and cancels on this terminal, read from its journal for the staff lookup:
 * by reference, by a window of the day, or by (part of) the masked name. "Today" is the
 * platform's day (China time), as slips and reconciliation count it.
 */
export class JournalToday {
  constructor(
    private readonly db: DatabaseSync,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return platformDate(this.clock());
  }

  /** Newest first, at most `limit`; `more` when others matched too. */
  find(query: TodayQuery): { day: string; entries: JournalEntry[]; more: boolean } {
    const day = this.today();
    const where = [`infno IN (${SLIP_INFNOS.map(() => '?').join(', ')})`, 'created_at >= ?', 'created_at < ?'];
    const args: string[] = [...SLIP_INFNOS, isoAt(day, query.from ?? '00:00'), query.to ? isoAt(day, query.to, 60_000) : isoAt(day, '00:00', 86_400_000)];
    const text = query.text?.trim();
    if (text && REFERENCE.test(text)) {
      where.push('(msgid = ? OR setl_id = ?)');
      args.push(text.toUpperCase(), text);
    } else if (text) {
      where.push("masked_name LIKE ? ESCAPE '\\'");
      args.push(`%${likeEscaped(text)}%`);
    }
    const rows = this.db
      .prepare(`SELECT * FROM journal WHERE ${where.join(' AND ')} ORDER BY created_at DESC, msgid DESC LIMIT ?`)
      .all(...args, query.limit + 1) as unknown as Row[];
    return { day, entries: rows.slice(0, query.limit).map(toEntry), more: rows.length > query.limit };
  }

  /** The done cancel of a settlement (by the settlement's msgid), if one went through. */
  cancelOf(msgid: string): JournalEntry | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM journal WHERE infno IN (${CANCEL_INFNOS.map(() => '?').join(', ')}) AND state = 'done'
          AND json_extract(detail, '$.cancels') = ? ORDER BY created_at DESC LIMIT 1`,
      )
      .get(...CANCEL_INFNOS, msgid) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }
}
