import { DatabaseSync } from 'node:sqlite';
import { MetricsStore } from '../../../electron/core/metrics/metricsStore';
import { PASSWORD_FREE_OUTCOMES } from '../../../shared/metrics/events';
import { PASSWORD_FREE_TITLE, PASSWORD_FREE_WORDS } from '../../../shared/metrics/labels';

/** The password-free cap's events (issue 15) in main's day metrics: every outcome counted, every outcome a CSV column. */
const store = (clock: () => Date) => new MetricsStore(new DatabaseSync(':memory:'), { terminalId: 'PHARM-01', clock });
const parse = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','));

describe('password-free cap metrics', () => {
  it('counts each outcome per day, refuses an outcome it does not know, and exports one Chinese column per outcome', () => {
    let now = new Date('2026-11-29T15:30:00Z'); // 23:30 China time: still the 29th
    const metrics = store(() => now);
    PASSWORD_FREE_OUTCOMES.forEach((outcome, i) => {
      for (let n = 0; n <= i; n += 1) expect(metrics.record({ type: 'password-free', outcome })).toEqual({ ok: true });
    });
    expect(metrics.record({ type: 'password-free', outcome: 'face-only' }).ok).toBe(false);
    expect(metrics.record({ type: 'password-free', outcome: 'within-cap', amountFen: 1850 }).ok).toBe(false);
    now = new Date('2026-11-29T16:30:00Z'); // 00:30 on the 30th
    metrics.record({ type: 'password-free', outcome: 'asked' });

    const expected29 = Object.fromEntries(PASSWORD_FREE_OUTCOMES.map((outcome, i) => [outcome, i + 1]));
    expect(metrics.summary('2026-11-29').passwordFree).toEqual(expected29);
    expect(metrics.summary('2026-11-30').passwordFree).toEqual({ ...Object.fromEntries(PASSWORD_FREE_OUTCOMES.map((o) => [o, 0])), asked: 1 });

    const [header, day29, day30] = parse(metrics.exportCsv());
    const titles = PASSWORD_FREE_OUTCOMES.map((o) => `${PASSWORD_FREE_TITLE['zh-CN']}：${PASSWORD_FREE_WORDS[o]['zh-CN']}`);
    const columns = titles.map((title) => header!.indexOf(title));
    expect(columns.every((c) => c > 0)).toBe(true);
    expect(new Set(columns).size).toBe(PASSWORD_FREE_OUTCOMES.length);
    expect(header!.filter((title) => /[A-Za-z]{2,}/.test(title))).toEqual([]);
    expect(columns.map((c) => day29![c])).toEqual(PASSWORD_FREE_OUTCOMES.map((o) => String(expected29[o])));
    expect(columns.map((c) => day30![c])).toEqual(PASSWORD_FREE_OUTCOMES.map((o) => (o === 'asked' ? '1' : '0')));
  });
});
