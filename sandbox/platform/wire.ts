import { fenToYuan, type Fen } from '../../shared/money';

/** The platform keeps China Standard Time whatever the host's zone is. */
const CST_OFFSET_MS = 8 * 3600_000;

function parts(date: Date) {
  const d = new Date(date.getTime() + CST_OFFSET_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return {
    y: String(d.getUTCFullYear()),
    mo: p(d.getUTCMonth() + 1),
    d: p(d.getUTCDate()),
    h: p(d.getUTCHours()),
    mi: p(d.getUTCMinutes()),
    s: p(d.getUTCSeconds()),
    ms: p(d.getUTCMilliseconds(), 3),
  };
}

/** `yyyy-MM-dd HH:mm:ss` */
export function cstDateTime(date: Date): string {
  const t = parts(date);
  return `${t.y}-${t.mo}-${t.d} ${t.h}:${t.mi}:${t.s}`;
}

/** `yyyy-MM-dd` */
export const cstDate = (date: Date): string => cstDateTime(date).slice(0, 10);

/** `yyyyMMddHHmmss` */
export function cstCompact(date: Date): string {
  const t = parts(date);
  return `${t.y}${t.mo}${t.d}${t.h}${t.mi}${t.s}`;
}

/** The instant a China-time `yyyyMMddHHmmss` names; undefined unless it is a real time (no 24:00, no 30 Feb). */
export function parseCstCompact(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - CST_OFFSET_MS);
  // Date.UTC rolls 30 Feb over to March; printing it back is the calendar check.
  return cstCompact(date) === text ? date : undefined;
}

/** `yyyyMMddHHmmssSSS` (refmsg_time, respond_time) */
export const cstMillis = (date: Date): string => `${cstCompact(date)}${parts(date).ms}`;

/** Money on the wire: a JSON number with at most two decimals, made from the exact fen text. */
export const yuan = (fen: Fen): number => Number(fenToYuan(fen));

/** Ratios in basis points (1/10000) on the wire as 5,4 numbers. */
export const ratio = (basisPoints: number): number => basisPoints / 10_000;
