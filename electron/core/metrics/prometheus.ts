import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CounterMode } from '../../../shared/config/terminalConfig';
import {
  FALLBACKS,
  GATE_FAILURE_REASONS,
  LIVENESS_FAILURE_REASONS,
  REVERSAL_KINDS,
  SECOND_FACTOR_OUTCOMES,
  SETTLEMENT_OUTCOMES,
  type MetricEvent,
} from '../../../shared/metrics/events';
import type { PlatformCallObservation } from '../../settlement/nhsa/client';
import type { PlatformHealth } from '../platformHealth';

/**
 * The kiosk's Prometheus metrics (GET /metrics on the health server, README "Monitoring"): one
 * registry of our own, never prom-client's global one, so two cores in one process (tests) do
 * not share counters. Like the day metrics, every label is an enum, a counter mode or a
 * transaction number: nothing that could name a patient.
 */

/** The ways in, as the kiosk API's identify methods name them. */
export const IDENTIFICATION_WAYS = ['face', 'second-factor', 'qr', 'card', 'card-reader', 'id-number'] as const;
export type IdentificationWay = (typeof IDENTIFICATION_WAYS)[number];

/** What the scrape reads at the moment it happens (gauges of state, not of events). */
export interface ScrapeSources {
  journal(): { unresolved: number; needStaff: number; hisOwed: number };
  platform(): Promise<PlatformHealth>;
}

export interface KioskPrometheusOptions {
  terminalId: string;
  mode: CounterMode;
  version: string;
  /** Process and Node metrics (CPU, memory, event-loop lag); off only where a test wants a small registry. */
  processMetrics?: boolean;
}

export interface KioskPrometheus {
  readonly registry: Registry;
  /** A day-metrics event (shared/metrics/events.ts), already validated by the metrics store. */
  observe(event: MetricEvent): void;
  /** An identify call's answer: its status (`identified`, `retry`…) or its error code. */
  identification(way: IdentificationWay, outcome: string): void;
  /** One NHSA call, from the settlement engine's observer. */
  platformCall(call: PlatformCallObservation): void;
  /** Where the journal and platform gauges are read from; until set they are not exported. */
  readAtScrape(sources: ScrapeSources): void;
  /** The exposition text and its content type, for GET /metrics. */
  exposition(): Promise<{ contentType: string; body: string }>;
}

/** Patient steps run from a second (a card read) to minutes (a whole visit). */
const STEP_BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600];
/** The NHSA timeouts are seconds to a minute (nhsa/timeouts.ts). */
const CALL_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];
/** A dashboard refresh and Prometheus' own scrape may arrive together: one platform probe serves both. */
const PROBE_REUSE_MS = 1000;

export function createKioskPrometheus(options: KioskPrometheusOptions): KioskPrometheus {
  const registry = new Registry();
  // A fleet's dashboards group by terminal; `instance` (host:port) says nothing to a ward.
  registry.setDefaultLabels({ terminal: options.terminalId });
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let sources: ScrapeSources | undefined;

  new Gauge({ name: 'facesettle_build_info', help: 'The kiosk build and counter mode; always 1.', labelNames: ['version', 'mode'], registers })
    .set({ version: options.version, mode: options.mode }, 1);

  const settlements = new Counter({
    name: 'facesettle_settlements_total',
    help: 'Settlements confirmed by patients, by counter mode and outcome (unknown: a pending slip; recovery decides).',
    labelNames: ['mode', 'outcome'],
    registers,
  });
  const reversals = new Counter({ name: 'facesettle_reversals_total', help: 'Reversals: a patient\'s cancellation or the undoing of an unknown outcome.', labelNames: ['kind'], registers });
  const identifications = new Counter({
    name: 'facesettle_identifications_total',
    help: 'Identify calls by way in and outcome (the answer\'s status, or its error code).',
    labelNames: ['way', 'outcome'],
    registers,
  });
  const faceAttempts = new Counter({ name: 'facesettle_face_attempts_total', help: 'Face captures started.', registers });
  const gateFailures = new Counter({ name: 'facesettle_quality_gate_failures_total', help: 'Face captures the quality gate turned back, by reason.', labelNames: ['reason'], registers });
  const livenessFailures = new Counter({ name: 'facesettle_liveness_failures_total', help: 'Liveness checks failed, by reason.', labelNames: ['reason'], registers });
  const secondFactor = new Counter({ name: 'facesettle_second_factor_total', help: 'Second-factor prompts by outcome.', labelNames: ['outcome'], registers });
  const fallbacks = new Counter({ name: 'facesettle_fallbacks_total', help: 'Patients who left face payment for another way in.', labelNames: ['via'], registers });
  const consentDeclined = new Counter({ name: 'facesettle_consent_declined_total', help: 'Patients who declined face-payment consent.', registers });
  const stepSeconds = new Histogram({ name: 'facesettle_step_duration_seconds', help: 'Time per patient step.', labelNames: ['step'], buckets: STEP_BUCKETS, registers });
  const callSeconds = new Histogram({
    name: 'facesettle_platform_call_duration_seconds',
    help: 'NHSA platform calls by transaction and result (answered, rejected, unreachable, unknown).',
    labelNames: ['infno', 'result'],
    buckets: CALL_BUCKETS,
    registers,
  });

  const journalGauge = (name: string, help: string, read: (j: ReturnType<ScrapeSources['journal']>) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        if (sources) this.set(read(sources.journal()));
      },
    });
  journalGauge('facesettle_journal_unresolved', 'Journal rows whose outcome is unknown (reversal or query to come).', (j) => j.unresolved);
  journalGauge('facesettle_journal_need_staff', 'Of the unresolved rows, those only staff can settle (admin → 待确认结算).', (j) => j.needStaff);
  journalGauge('facesettle_journal_his_owed', 'Settled rows the hospital system has not yet been told of.', (j) => j.hisOwed);

  // One probe per scrape, timed here so a probe that failed still says how long it waited.
  let probe: { at: number; result: Promise<{ reachable: boolean; seconds: number }> } | undefined;
  const platform = () => {
    const read = sources?.platform;
    if (!read) return undefined;
    if (!probe || Date.now() - probe.at > PROBE_REUSE_MS) {
      const started = performance.now();
      probe = {
        at: Date.now(),
        result: read()
          .then((health) => health.reachable)
          .catch(() => false)
          .then((reachable) => ({ reachable, seconds: (performance.now() - started) / 1000 })),
      };
    }
    return probe.result;
  };
  new Gauge({
    name: 'facesettle_platform_up',
    help: 'Whether the platform\'s health endpoint answered at this scrape (1) or not (0).',
    registers,
    async collect() {
      const result = await platform();
      if (result) this.set(result.reachable ? 1 : 0);
    },
  });
  new Gauge({
    name: 'facesettle_platform_probe_duration_seconds',
    help: 'How long the platform\'s health probe took at this scrape, answered or not (as blackbox_exporter\'s probe_duration_seconds).',
    registers,
    async collect() {
      const result = await platform();
      if (result) this.set(result.seconds);
    },
  });

  // Known label values start at 0, so rate() and increase() see the first event of a new terminal.
  for (const outcome of SETTLEMENT_OUTCOMES) settlements.inc({ mode: options.mode, outcome }, 0);
  for (const kind of REVERSAL_KINDS) reversals.inc({ kind }, 0);
  for (const reason of GATE_FAILURE_REASONS) gateFailures.inc({ reason }, 0);
  for (const reason of LIVENESS_FAILURE_REASONS) livenessFailures.inc({ reason }, 0);
  for (const outcome of SECOND_FACTOR_OUTCOMES) secondFactor.inc({ outcome }, 0);
  for (const via of FALLBACKS) fallbacks.inc({ via }, 0);

  return {
    registry,
    observe(event) {
      switch (event.type) {
        case 'settlement': return settlements.inc({ mode: options.mode, outcome: event.outcome });
        case 'reversal': return reversals.inc({ kind: event.kind });
        case 'face-attempt': return faceAttempts.inc();
        case 'quality-gate-failed': return gateFailures.inc({ reason: event.reason });
        case 'liveness-failed': return livenessFailures.inc({ reason: event.reason });
        case 'second-factor': return secondFactor.inc({ outcome: event.outcome });
        case 'fallback': return fallbacks.inc({ via: event.via });
        case 'consent-declined': return consentDeclined.inc();
        case 'step-time': return stepSeconds.observe({ step: event.step }, event.ms / 1000);
        // The page's face answers are counted in main, from the identify calls themselves (every way in).
        case 'identification': return;
      }
    },
    identification: (way, outcome) => identifications.inc({ way, outcome }),
    platformCall: (call) => callSeconds.observe({ infno: call.infno, result: call.result }, call.seconds),
    readAtScrape(next) {
      sources = next;
    },
    async exposition() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/**
 * Every series name the registry exports, histogram parts included: what a dashboard query may
 * name. Read from the definitions, so a counter nobody has incremented yet still counts.
 */
export function exportedSeriesNames(registry: Registry): Set<string> {
  const names = new Set<string>();
  for (const metric of registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    names.add(name);
    if (type === 'histogram') for (const part of ['_bucket', '_sum', '_count']) names.add(name + part);
    if (type === 'summary') for (const part of ['_sum', '_count']) names.add(name + part);
  }
  return names;
}
