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

/** `yyyyMMddHHmmssSSS` (refmsg_time, respond_time) */
export const cstMillis = (date: Date): string => `${cstCompact(date)}${parts(date).ms}`;

/** Money on the wire: a JSON number with at most two decimals, made from the exact fen text. */
export const yuan = (fen: Fen): number => Number(fenToYuan(fen));

/** Ratios in basis points (1/10000) on the wire as 5,4 numbers. */
export const ratio = (basisPoints: number): number => basisPoints / 10_000;
