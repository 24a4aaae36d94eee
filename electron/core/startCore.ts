import path from 'node:path';
import type { KioskHandlers } from '../../shared/ipc/contract';
import { EMBEDDED_PLATFORM, type TerminalConfig } from '../../shared/config/terminalConfig';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { embeddedPlatformFor, embeddedPlatformProblems } from '../../sandbox/embedded';
import { evoucherChannel } from '../face/evoucherChannel';
import { createSettlementEngine, type SettlementEngine } from '../settlement/engine';
import type { HisBridge } from '../settlement/his/bridge';
import { settlementApi } from '../settlement/usecases';
import { pinAuthoriser } from '../settlement/usecases/operators';
import { AdminGate } from './adminGate';
import { sandboxEnrolment } from './demoEnrolment';
import { buildHealthReport } from './health/healthReport';
import { hostInfoProvider } from './hostInfo';
import { DEFAULT_HEALTH_PORT, startHealthServer, type RunningHealthServer } from './health/healthServer';
import { DeviceReports, kioskProbes } from './health/kioskProbes';
import { createLogger, type Logger } from './logging/logger';
import type { Step } from '../../shared/metrics/events';
import { MetricsStore } from './metrics/metricsStore';
import { withRequestLog } from './requestLog';
import { createHandlers, type CoreDeps } from './handlers';
import { ConfigError, loadTerminalConfig } from './terminalConfigFile';
import { connectHis } from './hisConnection';
import { DEMO_STAFF_CALL_SECRET } from '../../shared/staffCalls';
import { STAFF_CALLS_PATH } from '../../sandbox/staffCalls/routes';
import { createStaffCallChannel } from './staffCalls/channel';
import { StaffCallQueue } from './staffCalls/queue';

export interface CoreOptions {
  /** FACESETTLE_CONFIG, or the per-OS default location (see README). */
  configFile: string | undefined;
  configRequired: boolean;
  /**
   * FACESETTLE_PLATFORM_URL: an already running sandbox (its platform, HIS and e-voucher channel),
   * started for the same region (`npm run sandbox -- --config <terminal.json>`): its demo credentials are used.
   */
  platformUrlOverride: string | undefined;
  /** The platform's TIF secret where it is not the embedded sandbox's (Electron: the encrypted store). */
  loadPlatformSecret?: (paasId: string) => Promise<string | undefined>;
  /** The value of the HIS's auth header (`his.authHeader`) where it requires one (Electron: the encrypted store). */
  loadHisSecret?: (header: string) => Promise<string | undefined>;
  /** The staff-call webhook's shared secret where `staffCall.webhookUrl` is set (FACESETTLE_STAFF_CALL_SECRET). */
  loadStaffCallSecret?: () => Promise<string | undefined>;
  /** Where the journal and the embedded sandbox keep their state. */
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
  close(): Promise<void>;
}

/** Which step of a visit each call's time counts for (the metrics' medians per step). */
const STEP_OF_METHOD: Partial<Record<string, Step>> = {
  identifyByFace: 'identify',
  identifyByQr: 'identify',
  identifyByCard: 'identify',
  identifyByIdNumber: 'identify',
  confirmSecondFactor: 'second-factor',
  confirmSettlement: 'settle',
};

/**
 * Everything the kiosk is, minus its window: configuration, the platform it talks to (starting
 * the embedded sandbox when configured so), the settlement engine with its start-up recovery,
 * the e-voucher channel, and the API handlers. Electron's main process and the browser-bridge
 * launcher both start exactly this.
 */
export async function startKioskCore(options: CoreOptions): Promise<KioskCore> {
  const { config, source } = loadTerminalConfig(options.configFile, options.configRequired);
  const embedded = (url: string) => url === EMBEDDED_PLATFORM;
  const needsSandbox = !options.platformUrlOverride && [config.platform.url, config.his.url, config.evoucher.url].some(embedded);
  // The sandbox's door is the region's profile (its demo credentials are public, sandbox/README.md);
  // a real platform's secret comes from the store.
  const demoPlatform = embeddedPlatformFor(config);
  const platformEmbedded = needsSandbox && embedded(config.platform.url);
  const unservable = platformEmbedded ? embeddedPlatformProblems(config) : [];
  if (unservable.length > 0) throw new ConfigError(source, unservable);
  const sandbox: RunningSandbox | undefined = needsSandbox
    ? await startSandbox({
        dataDir: path.join(options.dataDir, 'sandbox'),
        log: () => undefined,
        ...(platformEmbedded ? demoPlatform.options : {}),
        // The face service loads its models on start: only when the e-voucher channel is the sandbox's.
        parts: { face: embedded(config.evoucher.url), his: embedded(config.his.url) },
      })
    : undefined;
  const local = options.platformUrlOverride ?? sandbox?.url ?? '';
  const resolve = (url: string) => (embedded(url) ? local : url);
  const platformUrl = options.platformUrlOverride ?? resolve(config.platform.url);
  const logger = options.logger ?? createLogger({ sink: { write: (line) => options.log(line) } });
  const log = (line: string) => logger.info(line);
  let secret: string | undefined;
  try {
    secret = embedded(config.platform.url) || options.platformUrlOverride ? demoPlatform.kioskSecret : await options.loadPlatformSecret?.(config.platform.paasId);
  } catch (error) {
    await sandbox?.close();
    throw new ConfigError(source, [`platform: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (!secret) {
    await sandbox?.close();
    throw new ConfigError(source, [`platform: no secret stored for ${config.platform.url} (build/INSTALL.md: facesettle --set-platform-secret)`]);
  }
  let his: HisBridge;
  try {
    his = await connectHis(config.his, { urlOverride: options.platformUrlOverride, resolve, loadSecret: options.loadHisSecret });
  } catch (error) {
    await sandbox?.close();
    throw new ConfigError(source, [`his: ${error instanceof Error ? error.message : String(error)}`]);
  }
  // A demo's calls go to the sandbox's reference receiver; a real kiosk's only where configured.
  const staffCallUrl = config.staffCall.webhookUrl || (local ? `${local}${STAFF_CALLS_PATH}` : '');
  const staffCallSecret = config.staffCall.webhookUrl ? await options.loadStaffCallSecret?.() : DEMO_STAFF_CALL_SECRET;
  if (!staffCallSecret) {
    await sandbox?.close();
    throw new ConfigError(source, ['staffCall: no webhook secret given (set FACESETTLE_STAFF_CALL_SECRET)']);
  }
  log(`config: ${source}; mode ${config.terminal.mode}; platform ${platformUrl}${sandbox ? ' (embedded sandbox)' : ''}`);

  const operators = pinAuthoriser(Object.fromEntries(config.operators.map((o) => [o.id, o.pinHash])));
  const engine = createSettlementEngine({
    config,
    platformUrl,
    credentials: { paasId: config.platform.paasId, secret },
    dbPath: path.join(options.dataDir, 'kiosk.db'),
    his,
    operators,
    host: hostInfoProvider({ log }),
    log,
  });
  const recovered = await engine.start();
  log(`journal: start-up recovery ${JSON.stringify(recovered)}`);

  const metrics = new MetricsStore(engine.db, { terminalId: config.terminal.id });
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
      }),
      { version: options.version, terminalId: config.terminal.id, mode: config.terminal.mode },
    );
  const port = options.healthPort === undefined ? DEFAULT_HEALTH_PORT : options.healthPort;
  const health: RunningHealthServer | undefined =
    port === null
      ? undefined
      : await startHealthServer({ getReport: healthReport, port }).catch((error: unknown) => {
          log(`health endpoint not started: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        });

  const handlers = withRequestLog(createHandlers({
    config,
    configSource: source,
    platformUrl,
    shell: options.shell,
    version: options.version,
    isDemo: local !== '',
    ...(local ? { demo: sandboxEnrolment(local) } : {}),
    clock: () => new Date(),
    fetch: (url, init) => fetch(url, init),
    raiseStaffCall: options.raiseStaffCall,
    staffCalls,
    settlement: settlementApi(engine.ctx),
    journal: {
      unresolved: () => engine.ctx.journal.unknown().length,
      needStaff: () => engine.ctx.journal.unknown().filter((r) => r.needsStaff).length,
      hisOwed: () => engine.ctx.journal.hisOwed().length,
    },
    signInOperator: (operatorId, pin) => engine.signInOperator(operatorId, pin),
    currentOperator: () => engine.currentOperator(),
    signOutOperator: () => engine.signOutOperator(),
    face: evoucherChannel({
      baseUrl: options.platformUrlOverride ?? resolve(config.evoucher.url),
      orgId: config.institution.code,
      operatorId: config.terminal.id,
      operatorName: config.terminal.name,
    }),
    operators,
    admin: new AdminGate(config.admin.pinHash, Date.now),
    printReceipt: options.printReceiptFor?.(config) ?? (async () => ({ via: 'browser', detail: 'print from the page' })),
    exitKiosk: options.exitKiosk ?? (() => false),
    logger,
    devices,
    metrics,
    healthReport,
  }), logger, undefined, (method, ms) => {
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
    close: async () => {
      await health?.close();
      staffCalls.close();
      await engine.close({ signOut: true });
      await sandbox?.close();
    },
  };
}
