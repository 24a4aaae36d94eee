import { formatDay, formatDayTime, formatTime } from '../../../renderer/format/dateTime';

describe('dates and times as the counter shows them', () => {
  it('a clinic day is that calendar day wherever the kiosk stands, not UTC midnight', () => {
    expect(formatDay('2026-11-30')).toBe('11月30日');
    expect(formatDay('2026-01-05')).toBe('1月5日');
    expect(formatDay('2026-11-30', 'en')).toBe('30 Nov');
  });

  it('the platform’s wall-clock time is local time, to the minute', () => {
    expect(formatDayTime('2026-11-30 15:01:20')).toBe('11月30日 15:01');
    expect(formatTime('2026-11-30 08:05:59')).toBe('08:05');
    expect(formatDayTime('2026-11-30 09:07')).toBe('11月30日 09:07');
  });

  it('an instant with a zone is shown in the kiosk’s local time', () => {
    const iso = '2026-11-30T06:05:00.000Z';
    const local = new Date(iso);
    const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    expect(formatTime(iso)).toBe(hhmm);
    expect(formatDayTime(iso)).toBe(`${local.getMonth() + 1}月${local.getDate()}日 ${hhmm}`);
  });

  it('something unreadable comes back as it was, never as NaN', () => {
    expect(formatDay('soon')).toBe('soon');
    expect(formatDayTime('')).toBe('');
    expect(formatTime('2026-13-45T99:99')).toBe('2026-13-45T99:99');
  });
});
