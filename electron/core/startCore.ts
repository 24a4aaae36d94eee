import path from 'node:path';
import type { KioskHandlers } from '../../shared/ipc/contract';
import type { TerminalConfig } from '../../shared/config/terminalConfig';
import { evoucherChannel } from '../face/evoucherChannel';
import { createSettlementEngine, type SettlementEngine } from '../settlement/engine';
import { evoucherFamily } from '../settlement/familyChannel';
import type { RecoveryReport } from '../settlement/recovery';
import { settlementApi } from '../settlement/usecases';
import { pinAuthoriser } from '../settlement/usecases/operators';
import { AdminGate } from './adminGate';
// PIN lockouts (issue 14 point 4): counted per holder in kiosk.db.
import { lockingAuthoriser, signInWithLockout, withOperatorLockout } from './operatorLockout';
import { PinLockout } from './pinLockout';
import { resolveEndpoints } from './coreEndpoints';
import { listenProblem } from './portClash';
import { urlEnrolment } from './demoEnrolment';
import type { EmbeddedServices } from './embeddedServices';
import { buildHealthReport } from './health/healthReport';
import { hostInfoProvider } from './hostInfo';
import { DEFAULT_HEALTH_PORT, startHealthServer, type RunningHealthServer } from './health/healthServer';
import { DeviceReports, kioskProbes } from './health/kioskProbes';
import { createLogger, type Logger } from './logging/logger';
import type { Step } from '../../shared/metrics/events';
// Prometheus (issue 14 point 1): /metrics on the health server.
import { createKioskPrometheus } from './metrics/prometheus';
import { monitoringFor, type MonitoringSettings } from './metrics/prometheusConfig';
import { ObservedMetricsStore, scrapeSources, withIdentificationMetrics } from './metrics/prometheusFeed';
import { withRequestLog } from './requestLog';
import { createHandlers, type CoreDeps } from './handlers';
import { loadTerminalConfig, type LoadedConfig } from './terminalConfigFile';
import { createStaffCallChannel } from './staffCalls/channel';
import { StaffCallQueue } from './staffCalls/queue';
import type { CardReader } from './devices/cardReader';
import { createCardReader } from './devices/readers';

export interface CoreOptions {
  /** FACESETTLE_CONFIG, or the per-OS default location (see README). */
  configFile: string | undefined;
  configRequired: boolean;
  /** The configuration already read (the shell checks it before its window opens); else read from configFile. */
  loaded?: LoadedConfig;
  /** FACESETTLE_PLATFORM_URL: the platform, HIS and e-voucher channel all at this URL. */
  platformUrlOverride: string | undefined;
  /**
   * What the launcher started for the configuration's `embedded` URLs (the sandbox), as plain URLs
   * and secrets. The core never starts it: without this, `embedded` is a configuration error.
   */
  embedded?: EmbeddedServices;
  /** The platform's secret where it is not the launcher's services' (Electron: the encrypted store). */
  loadPlatformSecret?: (paasId: string) => Promise<string | undefined>;
  /** The value of the HIS's auth header (`his.authHeader`) where it requires one (Electron: the encrypted store). */
  loadHisSecret?: (header: string) => Promise<string | undefined>;
  /** The staff-call webhook's shared secret where `staffCall.webhookUrl` is set (FACESETTLE_STAFF_CALL_SECRET). */
  loadStaffCallSecret?: (webhookUrl: string) => Promise<string | undefined>;
  /** The health server's bearer token where the shell stores one (Electron: the encrypted store, `--set-metrics-token`). */
  loadMetricsToken?: (terminalId: string) => Promise<string | undefined>;
  /** The counter's card reader, where the shell has its own; else the configuration's (`cardReader`). */
  cardReader?: CardReader;
  /** Where the journal keeps its state. */
  dataDir: string;
  shell: CoreDeps['shell'];
  version: string;
  raiseStaffCall: CoreDeps['raiseStaffCall'];
  /** The shell's receipt printer, made once the configuration (its printer) is known. */
  printReceiptFor?: (config: TerminalConfig) => CoreDeps['printReceipt'];
  exitKiosk?: CoreDeps['exitKiosk'];
  /** The system's printers, for the health report (Electron only). */
  listPrinters?: () => Promise<readonly { name: string }[]>;
  /** The loopback health endpoint's port; 0 picks a free one, null turns it off. */
  healthPort?: number | null;
  /** The health server's bind address and bearer token; unset: FACESETTLE_HEALTH_BIND, FACESETTLE_METRICS_TOKEN, `monitoring` (README "Monitoring"). */
  monitoring?: MonitoringSettings;
  /** Structured, redacted logging; without it, lines go to `log`. */
  logger?: Logger;
  log: (line: string) => void;
}

export interface KioskCore {
  config: TerminalConfig;
  configSource: string;
  platformUrl: string;
  handlers: KioskHandlers;
  engine: SettlementEngine;
  /** The loopback health endpoint's URL, when it runs. */
  healthUrl: string | undefined;
  /** Why it does not run, in one line (a port already in use), when it was asked for. */
  healthProblem?: string;
  /** The start-up recovery pass, running in the background (undefined if it stopped on an error). */
  recovered: Promise<RecoveryReport | undefined>;
  close(): Promise<void>;
}

/** Which step of a visit each call's time counts for (the metrics' medians per step). */
const STEP_OF_METHOD: Partial<Record<string, Step>> = {
  identifyByFace: 'identify',
  identifyByQr: 'identify',
  identifyByCard: 'identify',
  identifyByCardReader: 'identify',
  identifyByIdNumber: 'identify',
  confirmSecondFactor: 'second-factor',
  confirmSettlement: 'settle',
};

/**
 * Everything the kiosk is, minus its window: configuration, the platform it talks to (plain
 * URLs: what `embedded` stands for is the launcher's business), the settlement engine with its
 * start-up recovery running in the background,
 * the e-voucher channel, and the API handlers. Electron's main process and the browser-bridge
 * launcher both start exactly this.
 */
export async function startKioskCore(options: CoreOptions): Promise<KioskCore> {
  const { config, source, warnings: replacedSettings = [] } = options.loaded ?? loadTerminalConfig(options.configFile, options.configRequired);
  // Prometheus (issue 14 point 1): settings checked before anything starts; the registry feeds on the engine's calls, the metric events and the identify calls.
  const prometheus = createKioskPrometheus({ terminalId: config.terminal.id, mode: config.terminal.mode, version: options.version });
  const endpoints = await resolveEndpoints(config, source, options);
  // After the endpoints: the stored bearer token (Electron's secret store) is read with the other secrets.
  const monitoring = monitoringFor(source, config.monitoring, process.env, options.monitoring, endpoints.metricsToken);
  const { platformUrl, secret, his, staffCallUrl, staffCallSecret } = endpoints;
  const logger = options.logger ?? createLogger({ sink: { write: (line) => options.log(line) } });
  const log = (line: string) => logger.info(line);
  log(`config: ${source}; mode ${config.terminal.mode}; platform ${platformUrl}${endpoints.isDemo ? ' (embedded sandbox)' : ''}`);
  for (const warning of replacedSettings) logger.warn(`config: ${warning}`); // replaced settings (shared/config/legacyConfig.ts)

  // PIN lockouts (issue 14): every operator PIN check counts against its holder, in the engine's database (opened below; no PIN is checked before).
  let pinLockout: PinLockout | undefined;
  const lockoutPolicy = { maxFailures: config.pinLockout.maxFailures, lockMs: config.pinLockout.lockMinutes * 60_000 };
  const lockout = (): PinLockout => (pinLockout ??= new PinLockout(engine.db, Date.now, lockoutPolicy, (msg, data) => logger.warn(msg, data)));
  const operators = lockingAuthoriser(pinAuthoriser(Object.fromEntries(config.operators.map((o) => [o.id, o.pinHash]))), lockout, (id) => config.operators.some((o) => o.id === id));
  const engine = createSettlementEngine({
    config,
    platformUrl,
    credentials: { paasId: config.platform.paasId, secret },
    dbPath: path.join(options.dataDir, 'kiosk.db'),
    his,
    operators,
    host: hostInfoProvider({ log }),
    log,
    observer: prometheus, // Prometheus (issue 14)
    // Family payment (issue 15): the e-voucher channel answers the identified person's bound family.
    family: evoucherFamily({ baseUrl: endpoints.evoucherUrl, orgId: config.institution.code, operatorId: config.terminal.id, operatorName: config.terminal.name }),
  });
  prometheus.readAtScrape(scrapeSources(engine.ctx.journal, platformUrl)); // Prometheus (issue 14)
  // Orphans are adopted before start() first yields, so from here a person with an unresolved row
  // meets the journal's lock (SETTLEMENT_PENDING: staff) and everyone else can be served while
  // the pass goes on in the background.
  const recovered = engine.start().then(
    (report) => (log(`journal: start-up recovery ${JSON.stringify(report)}`), report),
    (error: unknown) => (log(`journal: start-up recovery stopped: ${error instanceof Error ? error.message : String(error)}`), undefined),
  );

  const metrics = new ObservedMetricsStore(prometheus, engine.db, { terminalId: config.terminal.id }); // also feeds Prometheus (issue 14)
  const staffCalls = createStaffCallChannel({
    queue: new StaffCallQueue(engine.db),
    url: staffCallUrl,
    secret: staffCallSecret,
    fetch: (url, init) => fetch(url, init),
    clock: () => new Date(),
    log,
  });
  // Calls queued before a restart go out now, not at the next call.
  void staffCalls.flush();
  const devices = new DeviceReports();
  const healthReport = () =>
    buildHealthReport(
      kioskProbes({
        platformUrl,
        fetch: (url, init) => fetch(url, init),
        db: engine.db,
        unresolved: () => engine.ctx.journal.unknown(),
        dataDir: options.dataDir,
        printerName: config.printer.deviceName || null,
        ...(options.listPrinters ? { listPrinters: options.listPrinters } : {}),
        devices,
        pinLockouts: () => lockout().locked(), // PIN lockouts (issue 14)
      }),
      { version: options.version, terminalId: config.terminal.id, mode: config.terminal.mode },
    );
  const port = options.healthPort === undefined ? DEFAULT_HEALTH_PORT : options.healthPort;
  let healthProblem: string | undefined;
  const health: RunningHealthServer | undefined =
    port === null
      ? undefined
      : await startHealthServer({ getReport: healthReport, port, ...monitoring, getMetrics: () => prometheus.exposition() }).catch((error: unknown) => {
          healthProblem = listenProblem(error, 'health endpoint not started', 'FACESETTLE_HEALTH_PORT');
          log(healthProblem);
          return undefined;
        });

  // withIdentificationMetrics: Prometheus (issue 14), identify calls by way and outcome.
  const handlers = withRequestLog(withIdentificationMetrics(createHandlers({
    config,
    configSource: source,
    platformUrl,
    shell: options.shell,
    version: options.version,
    isDemo: endpoints.isDemo,
    ...(options.embedded?.enrolment ? { demo: urlEnrolment(options.embedded.enrolment) } : {}),
    clock: () => new Date(),
    fetch: (url, init) => fetch(url, init),
    raiseStaffCall: options.raiseStaffCall,
    staffCalls,
    settlement: withOperatorLockout(settlementApi(engine.ctx), lockout, () => engine.currentOperator()?.id), // PIN lockouts (issue 14)
    journal: {
      unresolved: () => engine.ctx.journal.unknown().length,
      needStaff: () => engine.ctx.journal.unknown().filter((r) => r.needsStaff).length,
      hisOwed: () => engine.ctx.journal.hisOwed().length,
    },
    signInOperator: signInWithLockout((operatorId, pin) => engine.signInOperator(operatorId, pin), lockout), // PIN lockouts (issue 14)
    currentOperator: () => engine.currentOperator(),
    signOutOperator: () => engine.signOutOperator(),
    cardReader: options.cardReader ?? createCardReader(config.cardReader),
    face: evoucherChannel({
      baseUrl: endpoints.evoucherUrl,
      orgId: config.institution.code,
      operatorId: config.terminal.id,
      operatorName: config.terminal.name,
    }),
    operators,
    admin: new AdminGate(config.admin.pinHash, Date.now, lockout()), // PIN lockouts (issue 14)
    printReceipt: options.printReceiptFor?.(config) ?? (async () => ({ via: 'browser', detail: 'print from the page' })),
    exitKiosk: options.exitKiosk ?? (() => false),
    logger,
    devices,
    metrics,
    healthReport,
  }), prometheus), logger, undefined, (method, ms) => {
    const step = STEP_OF_METHOD[method];
    if (step) metrics.record({ type: 'step-time', step, ms });
  });
  return {
    config,
    configSource: source,
    platformUrl,
    handlers,
    engine,
    healthUrl: health?.url,
    ...(healthProblem ? { healthProblem } : {}),
    recovered,
    close: async () => {
      await health?.close();
      staffCalls.close();
      await engine.close({ signOut: true });
    },
  };
}
