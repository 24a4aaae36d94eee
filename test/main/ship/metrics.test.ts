import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MetricsStore } from '../../../electron/core/metrics/metricsStore';
import { GATE_REASONS } from '../../../renderer/face/qualityGate';
import { GATE_FAILURE_REASONS, type MetricEvent } from '../../../shared/metrics/events';
import { scanForLeaks } from '../../support/leakScan';

// 00:30 on 29 November in China is still the 28th in UTC: the day is the platform's.
const EARLY_29TH = new Date('2026-11-28T16:30:00Z');
const LATE_29TH = new Date('2026-11-29T15:59:00Z');

const openDb = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-metrics-'));
  const file = path.join(dir, 'kiosk.db');
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  return { dir, file, db };
};

/** One morning at a cashier counter. */
const morning: MetricEvent[] = [
  { type: 'consent-declined' },
  { type: 'face-attempt' },
  { type: 'quality-gate-failed', reason: 'too-far' },
  { type: 'quality-gate-failed', reason: 'too-far' },
  { type: 'quality-gate-failed', reason: 'backlit' },
  { type: 'liveness-failed', reason: 'timeout' },
  { type: 'face-attempt' },
  { type: 'identification', outcome: 'second-factor' },
  { type: 'second-factor', outcome: 'passed' },
  { type: 'identification', outcome: 'identified' },
  { type: 'settlement', outcome: 'settled' },
  { type: 'face-attempt' },
  { type: 'identification', outcome: 'not-found' },
  { type: 'fallback', via: 'card' },
  { type: 'settlement', outcome: 'unknown' },
  { type: 'reversal', kind: 'unknown-outcome' },
  { type: 'fallback', via: 'staff' },
  ...[4100, 2900, 3500, 3500, 12000].map((ms): MetricEvent => ({ type: 'step-time', step: 'face-capture', ms })),
  ...[800, 1200].map((ms): MetricEvent => ({ type: 'step-time', step: 'identify', ms })),
];

describe('inclusion metrics', () => {
  it('counts a day by kind and outcome, with medians per step', () => {
    const { db } = openDb();
    const store = new MetricsStore(db, { terminalId: 'KIOSK-01', clock: () => EARLY_29TH });
    for (const event of morning) expect(store.record(event)).toEqual({ ok: true });
    expect(store.today()).toBe('2026-11-29');
    const day = store.summary('2026-11-29');
    expect(day).toMatchObject({
      day: '2026-11-29',
      terminalId: 'KIOSK-01',
      faceAttempts: 3,
      consentDeclined: 1,
      livenessFailures: { timeout: 1, 'face-jump': 0, 'face-lost': 0, 'spoof-suspected': 0 },
      identifications: { identified: 1, 'second-factor': 1, 'not-found': 1, 'wrong-digits': 0, retry: 0, error: 0 },
      secondFactor: { passed: 1, failed: 0, abandoned: 0 },
      fallbacks: { qr: 0, card: 1, staff: 1 },
      settlements: { settled: 1, failed: 0, unknown: 1, cancelled: 0 },
      reversals: { cancellation: 0, 'unknown-outcome': 1 },
    });
    expect(day.qualityGateFailures).toEqual({ ...Object.fromEntries(GATE_FAILURE_REASONS.map((r) => [r, 0])), 'too-far': 2, backlit: 1 });
    // 2900, 3500, 3500, 4100, 12000 → 3500; 800, 1200 → 1000; untimed steps → null.
    expect(day.medianMs).toMatchObject({ 'face-capture': 3500, identify: 1000, settle: null, visit: null });
    expect(day.timedSteps).toMatchObject({ 'face-capture': 5, identify: 2, settle: 0 });
    expect(store.summary('2026-11-28').faceAttempts).toBe(0);
  });

  it('refuses malformed events, and anything that could carry personal data', () => {
    const { db } = openDb();
    const store = new MetricsStore(db, { terminalId: 'KIOSK-01', clock: () => EARLY_29TH });
    const refused = [
      { type: 'identification', outcome: 'identified', name: '欧阳明' },
      { type: 'identification', outcome: 'matched' },
      { type: 'quality-gate-failed', reason: 'ugly' },
      { type: 'step-time', step: 'identify', ms: -1 },
      { type: 'step-time', step: 'identify', ms: 12.5 },
      { type: 'step-time', step: 'identify', ms: 4 * 3_600_000 },
      { type: 'fallback', via: 'cash' },
      { type: 'telemetry' },
      'face-attempt',
      null,
    ];
    for (const event of refused) {
      const result = store.record(event);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
    }
    expect(store.days()).toEqual([]);
  });

  it('keeps terminals and days apart, survives a restart and prunes old days', () => {
    const { db, file } = openDb();
    let now = EARLY_29TH;
    const one = new MetricsStore(db, { terminalId: 'KIOSK-01', clock: () => now });
    const two = new MetricsStore(db, { terminalId: 'KIOSK-02', clock: () => now });
    one.record({ type: 'face-attempt' });
    two.record({ type: 'face-attempt' });
    two.record({ type: 'face-attempt' });
    now = LATE_29TH;
    one.record({ type: 'face-attempt' });
    now = new Date('2026-11-29T16:00:00Z');
    one.record({ type: 'settlement', outcome: 'failed' });
    db.close();

    const reopened = new MetricsStore(new DatabaseSync(file), { terminalId: 'KIOSK-01' });
    expect(reopened.summary('2026-11-29').faceAttempts).toBe(2);
    expect(reopened.summary('2026-11-29', 'KIOSK-02').faceAttempts).toBe(2);
    expect(reopened.summary('2026-11-30').settlements.failed).toBe(1);
    expect(reopened.days()).toEqual([
      { day: '2026-11-29', terminalId: 'KIOSK-01' },
      { day: '2026-11-29', terminalId: 'KIOSK-02' },
      { day: '2026-11-30', terminalId: 'KIOSK-01' },
    ]);
    reopened.prune('2026-11-30');
    expect(reopened.days()).toEqual([{ day: '2026-11-30', terminalId: 'KIOSK-01' }]);
  });

  it('exports one CSV row per terminal and day, within a range, headed in Chinese with a BOM for Excel', () => {
    const { db } = openDb();
    let now = EARLY_29TH;
    const store = new MetricsStore(db, { terminalId: 'KIOSK-01', clock: () => now });
    for (const event of morning) store.record(event);
    now = new Date('2026-11-30T02:00:00Z');
    store.record({ type: 'fallback', via: 'qr' });
    now = new Date('2026-12-01T02:00:00Z');
    store.record({ type: 'face-attempt' });

    const csv = store.exportCsv({ from: '2026-11-29', to: '2026-11-30' });
    // Excel reads UTF-8 only with the BOM; without it the Chinese header turns to mojibake.
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
    expect(header!.slice(0, 3)).toEqual(['日期', '终端号', '刷脸次数']);
    expect(header).toEqual(expect.arrayContaining(['画面提示：离得太远', '其他方式：身份证号（工作人员录入）', '其他方式：呼叫工作人员', '用时中位数（毫秒）：刷脸拍摄']));
    expect(header!.filter((column) => /[A-Za-z]{2,}/.test(column))).toEqual([]);
    expect(new Set(header).size).toBe(header!.length);
    expect(rows).toHaveLength(2);
    const row = (i: number) => Object.fromEntries(header!.map((column, c) => [column, rows[i]![c]]));
    expect(row(0)).toMatchObject({
      日期: '2026-11-29',
      终端号: 'KIOSK-01',
      刷脸次数: '3',
      '画面提示：离得太远': '2',
      '其他方式：社保卡': '1',
      '用时中位数（毫秒）：刷脸拍摄': '3500',
      '用时中位数（毫秒）：医保结算': '',
    });
    expect(row(1)).toMatchObject({ 日期: '2026-11-30', 刷脸次数: '0', '其他方式：医保码': '1' });
    expect(store.exportCsv().trimEnd().split('\r\n')).toHaveLength(4);
  });

  it('gives each day the figures the admin page shows: declines, each other way, liveness, second factor, medians', () => {
    const { db } = openDb();
    let now = EARLY_29TH;
    const store = new MetricsStore(db, { terminalId: 'KIOSK-01', clock: () => now });
    const day29: MetricEvent[] = [
      { type: 'consent-declined' },
      { type: 'consent-declined' },
      { type: 'fallback', via: 'id-number' },
      { type: 'fallback', via: 'staff' },
      { type: 'fallback', via: 'qr' },
      { type: 'liveness-failed', reason: 'spoof-suspected' },
      { type: 'second-factor', outcome: 'abandoned' },
      { type: 'second-factor', outcome: 'failed' },
      ...[60_000, 20_000, 40_000, 30_000].map((ms): MetricEvent => ({ type: 'step-time', step: 'visit', ms })),
      { type: 'step-time', step: 'consent', ms: 7000 },
    ];
    for (const event of day29) expect(store.record(event)).toEqual({ ok: true });
    now = LATE_29TH;
    store.record({ type: 'fallback', via: 'id-number' });
    now = new Date('2026-11-30T01:00:00Z');
    store.record({ type: 'fallback', via: 'card' });

    const day = store.summary('2026-11-29');
    expect(day.consentDeclined).toBe(2);
    expect(day.fallbacks).toEqual({ qr: 1, card: 0, 'id-number': 2, staff: 1 });
    expect(day.livenessFailures['spoof-suspected']).toBe(1);
    expect(day.secondFactor).toEqual({ passed: 0, failed: 1, abandoned: 1 });
    // 20, 30, 40, 60 s → the mean of the middle two.
    expect(day.medianMs.visit).toBe(35_000);
    expect(day.timedSteps.visit).toBe(4);
    expect(day.medianMs.consent).toBe(7000);
    expect(store.summary('2026-11-30').fallbacks).toEqual({ qr: 0, card: 1, 'id-number': 0, staff: 0 });
  });

  it('leaves nothing personal in the database file', () => {
    const { db, dir } = openDb();
    const store = new MetricsStore(db, { terminalId: 'KIOSK-01', clock: () => EARLY_29TH });
    for (const event of morning) store.record(event);
    store.record({ type: 'identification', outcome: 'identified', psnName: '欧阳明', certno: '421202195803150017' });
    db.close();
    expect(scanForLeaks(dir, { knownNames: ['欧阳明'], knownIds: ['421202195803150017'] })).toEqual([]);
  });

  it('knows the same gate reasons as the face gate', () => {
    expect([...GATE_FAILURE_REASONS]).toEqual([...GATE_REASONS]);
  });
});
