/**
 * Dates and times as a person at the counter reads them: local time, Chinese form
 * (11月30日, 11月30日 14:05, 14:05). Every screen, slip and admin page shows dates through
 * these three, so a raw ISO string (2026-11-30T06:05:00Z) never reaches anyone.
 *
 * A bare date ("2026-11-30", as the HIS gives a clinic day) is a calendar day, not an instant:
 * it is read as that day wherever the kiosk stands (Date would read it as UTC midnight and show
 * the day before west of Greenwich). The platform's `yyyy-MM-dd HH:mm:ss` is wall-clock time and
 * is read as such, not left to the engine's lenient parsing. Anything unreadable comes back unchanged rather than as
 * "NaN月NaN日", so a surprise from a partner system stays visible instead of turning into noise.
 */

export type DateLocale = 'zh-CN' | 'en';

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The platform's and the HIS's wall-clock form, `yyyy-MM-dd HH:mm:ss`: local time, no zone. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parse(iso: string): Date | null {
  const bare = BARE_DATE.exec(iso);
  if (bare) return new Date(Number(bare[1]), Number(bare[2]) - 1, Number(bare[3]));
  const wall = WALL_CLOCK.exec(iso);
  if (wall) return new Date(Number(wall[1]), Number(wall[2]) - 1, Number(wall[3]), Number(wall[4]), Number(wall[5]), Number(wall[6] ?? 0));
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

const two = (n: number) => String(n).padStart(2, '0');

function day(date: Date, locale: DateLocale): string {
  return locale === 'en' ? `${date.getDate()} ${MONTHS_EN[date.getMonth()]}` : `${date.getMonth() + 1}月${date.getDate()}日`;
}

function time(date: Date): string {
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** 11月30日 (en: 30 Nov). */
export function formatDay(iso: string, locale: DateLocale = 'zh-CN'): string {
  const date = parse(iso);
  return date ? day(date, locale) : iso;
}

/** 11月30日 14:05 (en: 30 Nov 14:05), local time. */
export function formatDayTime(iso: string, locale: DateLocale = 'zh-CN'): string {
  const date = parse(iso);
  return date ? `${day(date, locale)} ${time(date)}` : iso;
}

/** 14:05, local time (24-hour, as hospital signs and slips show it). */
export function formatTime(iso: string): string {
  const date = parse(iso);
  return date ? time(date) : iso;
}
