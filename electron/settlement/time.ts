/**
 * Platform time. The NHSA platform runs on China Standard Time (UTC+8, no daylight saving),
 * whatever time zone the kiosk's OS is set to, so every wall-clock field is formatted here
 * from an injected clock and a fixed offset instead of the process's local zone.
 */
export type Clock = () => Date;

export const CHINA_OFFSET_MINUTES = 480;

interface Parts {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
}

function parts(at: Date, offsetMinutes: number): Parts {
  const shifted = new Date(at.getTime() + offsetMinutes * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    y: String(shifted.getUTCFullYear()).padStart(4, '0'),
    mo: two(shifted.getUTCMonth() + 1),
    d: two(shifted.getUTCDate()),
    h: two(shifted.getUTCHours()),
    mi: two(shifted.getUTCMinutes()),
    s: two(shifted.getUTCSeconds()),
  };
}

/** `yyyyMMddHHmmss`, the stamp inside a msgid. */
export function compactStamp(at: Date, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  const p = parts(at, offsetMinutes);
  return `${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}`;
}

/** `yyyy-MM-dd HH:mm:ss`, the envelope's inf_time and every datetime field in payloads. */
export function platformDateTime(at: Date, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  const p = parts(at, offsetMinutes);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`;
}

/** `yyyy-MM-dd`, the platform's business day (sign-in, reconciliation). */
export function platformDate(at: Date, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  const p = parts(at, offsetMinutes);
  return `${p.y}-${p.mo}-${p.d}`;
}

/** Inverse of compactStamp: the instant a `yyyyMMddHHmmss` stamp names. */
export function parseCompactStamp(stamp: string, offsetMinutes = CHINA_OFFSET_MINUTES): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) throw new RangeError(`not a yyyyMMddHHmmss stamp: ${stamp}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - offsetMinutes * 60_000);
}
