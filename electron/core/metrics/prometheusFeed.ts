import type { DatabaseSync } from 'node:sqlite';
import type { KioskHandlers } from '../../../shared/ipc/contract';
import { metricEventSchema } from '../../../shared/metrics/events';
import { KioskError } from '../../../shared/result';
import type { Journal } from '../../settlement/journal';
import { probePlatform, type Fetch } from '../platformHealth';
import { MetricsStore, type MetricsStoreOptions, type RecordResult } from './metricsStore';
import type { IdentificationWay, KioskPrometheus, ScrapeSources } from './prometheus';

/**
 * The day metrics' store that also tells Prometheus. Every metric event enters main through
 * `MetricsStore.record` (the page's recordMetric, the settlement handlers' outcomes, the
 * request log's step times), so Prometheus counts exactly what the day metrics count.
 */
export class ObservedMetricsStore extends MetricsStore {
  constructor(
    private readonly prometheus: KioskPrometheus,
    db: DatabaseSync,
    options: MetricsStoreOptions,
  ) {
    super(db, options);
  }

  override record(input: unknown): RecordResult {
    const result = super.record(input);
    if (result.ok) {
      const parsed = metricEventSchema.safeParse(input);
      if (parsed.success) this.prometheus.observe(parsed.data);
    }
    return result;
  }
}

/**
 * Every identify method of the kiosk API (test/main/ship/prometheusIdentifyWays.test.ts fails on
 * one left out). The card reader is a way of its own beside the typed card number: its
 * no-card / unreadable answers are how IT sees a failing reader on the dashboard.
 */
const WAY_OF_METHOD = {
  identifyByFace: 'face',
  confirmSecondFactor: 'second-factor',
  identifyByQr: 'qr',
  identifyByCard: 'card',
  identifyByCardReader: 'card-reader',
  identifyByIdNumber: 'id-number',
} as const satisfies Partial<Record<keyof KioskHandlers, IdentificationWay>>;

/** `PERSON_NOT_FOUND` → `person-not-found`, in the style of the answers' statuses. */
const outcomeOfCode = (code: string) => code.toLowerCase().replace(/_/g, '-');

/**
 * Counts every identify call by way in and outcome, as main knows it: the answer's status
 * (`identified`, `retry`, `second-factor`…; a person without one is `identified`) or the
 * error's code. Anything else passes through untouched.
 */
export function withIdentificationMetrics(handlers: KioskHandlers, prometheus: KioskPrometheus): KioskHandlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [method, way] of Object.entries(WAY_OF_METHOD) as [keyof typeof WAY_OF_METHOD, IdentificationWay][]) {
    const run = handlers[method] as (request: unknown) => Promise<unknown>;
    wrapped[method] = async (request: unknown) => {
      try {
        const answer = await run(request);
        const status = typeof answer === 'object' && answer !== null && 'status' in answer ? String(answer.status) : 'identified';
        prometheus.identification(way, status);
        return answer;
      } catch (error) {
        prometheus.identification(way, outcomeOfCode(error instanceof KioskError ? error.code : 'INTERNAL'));
        throw error;
      }
    };
  }
  return wrapped as unknown as KioskHandlers;
}

/** The journal and platform as a scrape reads them: the same sources as the health report's. */
export function scrapeSources(journal: Pick<Journal, 'unknown' | 'hisOwed'>, platformUrl: string, fetchImpl: Fetch = (url, init) => fetch(url, init)): ScrapeSources {
  return {
    journal: () => {
      const unresolved = journal.unknown();
      return { unresolved: unresolved.length, needStaff: unresolved.filter((row) => row.needsStaff).length, hisOwed: journal.hisOwed().length };
    },
    platform: () => probePlatform(platformUrl, fetchImpl),
  };
}
