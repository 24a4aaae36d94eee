import type { DatabaseSync } from 'node:sqlite';
import {
  FALLBACKS,
  GATE_FAILURE_REASONS,
  IDENTIFICATION_OUTCOMES,
  LIVENESS_FAILURE_REASONS,
  metricEventSchema,
  PASSWORD_FREE_OUTCOMES,
  REVERSAL_KINDS,
  SECOND_FACTOR_OUTCOMES,
  SETTLEMENT_OUTCOMES,
  STEPS,
  type MetricEvent,
  type MetricsSummary,
} from '../../../shared/metrics/events';
import { platformDate } from '../../settlement/time';
import { columnTitle } from '../../../shared/metrics/labels';

export type RecordResult = { ok: true } | { ok: false; problems: string[] };

export interface MetricsStoreOptions {
  terminalId: string;
  clock?: () => Date;
}

/**
 * Per-day, per-terminal counters in their own tables of a given SQLite database (the kiosk's).
 * Nothing is stored per visit: counts per (day, metric, key), and step times as counts per
 * millisecond value, which gives exact medians without a row that could be lined up with a
 * journal entry, and no time of day. The day is the platform's (China time), as reconciliation's.
 */
export class MetricsStore {
  private readonly terminalId: string;
  private readonly clock: () => Date;

  constructor(
    private readonly db: DatabaseSync,
    options: MetricsStoreOptions,
  ) {
    this.terminalId = options.terminalId;
    this.clock = options.clock ?? (() => new Date());
    db.exec(`CREATE TABLE IF NOT EXISTS metrics_counts (
      day TEXT NOT NULL, terminal TEXT NOT NULL, metric TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY (day, terminal, metric, key)) WITHOUT ROWID`);
    db.exec(`CREATE TABLE IF NOT EXISTS metrics_step_times (
      day TEXT NOT NULL, terminal TEXT NOT NULL, step TEXT NOT NULL, ms INTEGER NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY (day, terminal, step, ms)) WITHOUT ROWID`);
  }

  /** Validates an event (it may come from the page) and counts it for today. */
  record(input: unknown): RecordResult {
    const parsed = metricEventSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`) };
    }
    const event = parsed.data;
    const day = platformDate(this.clock());
    if (event.type === 'step-time') {
      this.db
        .prepare(`INSERT INTO metrics_step_times (day, terminal, step, ms, count) VALUES (?, ?, ?, ?, 1)
          ON CONFLICT (day, terminal, step, ms) DO UPDATE SET count = count + 1`)
        .run(day, this.terminalId, event.step, event.ms);
    } else {
      this.db
        .prepare(`INSERT INTO metrics_counts (day, terminal, metric, key, count) VALUES (?, ?, ?, ?, 1)
          ON CONFLICT (day, terminal, metric, key) DO UPDATE SET count = count + 1`)
        .run(day, this.terminalId, event.type, counterKey(event));
    }
    return { ok: true };
  }

  /** Today's day as the store counts it, for the admin page's default. */
  today(): string {
    return platformDate(this.clock());
  }

  summary(day: string, terminalId = this.terminalId): MetricsSummary {
    const counts = this.db
      .prepare('SELECT metric, key, count FROM metrics_counts WHERE day = ? AND terminal = ?')
      .all(day, terminalId) as { metric: string; key: string; count: number }[];
    const count = (metric: MetricEvent['type'], key = '') =>
      Number(counts.find((row) => row.metric === metric && row.key === key)?.count ?? 0);
    const byKey = <K extends string>(metric: MetricEvent['type'], keys: readonly K[]) =>
      Object.fromEntries(keys.map((key) => [key, count(metric, key)])) as Record<K, number>;

    const times = this.db
      .prepare('SELECT step, ms, count FROM metrics_step_times WHERE day = ? AND terminal = ? ORDER BY step, ms')
      .all(day, terminalId) as { step: string; ms: number; count: number }[];
    const medianMs = Object.fromEntries(STEPS.map((step) => [step, median(times.filter((t) => t.step === step))])) as MetricsSummary['medianMs'];
    const timedSteps = Object.fromEntries(
      STEPS.map((step) => [step, times.filter((t) => t.step === step).reduce((n, t) => n + Number(t.count), 0)]),
    ) as MetricsSummary['timedSteps'];

    return {
      day,
      terminalId,
      faceAttempts: count('face-attempt'),
      qualityGateFailures: byKey('quality-gate-failed', GATE_FAILURE_REASONS),
      livenessFailures: byKey('liveness-failed', LIVENESS_FAILURE_REASONS),
      identifications: byKey('identification', IDENTIFICATION_OUTCOMES),
      secondFactor: byKey('second-factor', SECOND_FACTOR_OUTCOMES),
      fallbacks: byKey('fallback', FALLBACKS),
      consentDeclined: count('consent-declined'),
      settlements: byKey('settlement', SETTLEMENT_OUTCOMES),
      reversals: byKey('reversal', REVERSAL_KINDS),
      passwordFree: byKey('password-free', PASSWORD_FREE_OUTCOMES),
      medianMs,
      timedSteps,
    };
  }

  /** The (day, terminal) pairs with anything recorded, oldest first, within an optional range. */
  days(range: { from?: string; to?: string } = {}): { day: string; terminalId: string }[] {
    const rows = this.db
      .prepare(`SELECT DISTINCT day, terminal FROM (
          SELECT day, terminal FROM metrics_counts UNION SELECT day, terminal FROM metrics_step_times)
        WHERE day >= ? AND day <= ? ORDER BY day, terminal`)
      .all(range.from ?? '0000-00-00', range.to ?? '9999-99-99') as { day: string; terminal: string }[];
    return rows.map((row) => ({ day: row.day, terminalId: row.terminal }));
  }

  /**
   * One row per terminal and day, one column per figure, headed in Chinese (shared/metrics/labels.ts).
   * UTF-8 with a BOM and CRLF: Excel, which the hospital's office opens it in, otherwise reads
   * the Chinese header as a legacy code page.
   */
  exportCsv(range: { from?: string; to?: string } = {}): string {
    const rows = this.days(range).map(({ day, terminalId }) => flatten(this.summary(day, terminalId)));
    const keys = Object.keys(flatten(this.summary('0000-00-00')));
    const lines = [keys.map((key) => csvCell(columnTitle(key))).join(','), ...rows.map((row) => keys.map((key) => csvCell(row[key])).join(','))];
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  /** Drops days before `day` (yyyy-MM-dd), for a retention policy. */
  prune(beforeDay: string): void {
    this.db.prepare('DELETE FROM metrics_counts WHERE day < ?').run(beforeDay);
    this.db.prepare('DELETE FROM metrics_step_times WHERE day < ?').run(beforeDay);
  }
}

function counterKey(event: Exclude<MetricEvent, { type: 'step-time' }>): string {
  switch (event.type) {
    case 'quality-gate-failed':
    case 'liveness-failed':
      return event.reason;
    case 'identification':
    case 'second-factor':
    case 'settlement':
    case 'password-free':
      return event.outcome;
    case 'fallback':
      return event.via;
    case 'reversal':
      return event.kind;
    case 'face-attempt':
    case 'consent-declined':
      return '';
  }
}

/** The median of values stored with their counts, sorted by value; the mean of the middle two. */
function median(values: { ms: number; count: number }[]): number | null {
  const total = values.reduce((n, v) => n + Number(v.count), 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const v of values) {
      seen += Number(v.count);
      if (index < seen) return Number(v.ms);
    }
    throw new Error('unreachable: index within total');
  };
  return total % 2 === 1 ? at((total - 1) / 2) : Math.round((at(total / 2 - 1) + at(total / 2)) / 2);
}

function flatten(summary: MetricsSummary): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(summary)) {
    if (value !== null && typeof value === 'object') {
      for (const [inner, v] of Object.entries(value as Record<string, number | null>)) out[`${key}.${inner}`] = v;
    } else {
      out[key] = value as string | number;
    }
  }
  return out;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
