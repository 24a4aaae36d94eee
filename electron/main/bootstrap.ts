import path from 'node:path';
import type * as Electron from 'electron';
import { startKioskCore, type KioskCore } from '../core/startCore';
import { appMounts, devAssetDirs, packagedAssetDirs } from '../core/assetPaths';
import { mkdir, writeFile } from 'node:fs/promises';
import { createAppFileHandler } from '../core/appFiles';
import { ADMIN_EXIT_STATUS } from '../core/exitStatus';
import { createAdminExit } from './kiosk/adminExit';
import { EMBEDDED_SERVICES_ENV, embeddedServicesFromEnv, type RunningServices } from '../core/embeddedServices';
import { healthPortOf } from '../core/health/healthServer';
import { pendingHandlers } from '../core/pendingHandlers';
import { startupSummary } from '../core/startupSummary';
import { loadTerminalConfig, type LoadedConfig } from '../core/terminalConfigFile';
import { createLogger } from '../core/logging/logger';
import { RotatingFile } from '../core/logging/rotatingFile';
import { appSecretStore, metricsTokenLoader, staffCallSecretLoader } from './secrets/secretEntry';
import { createReceiptPrinter } from './printing/receiptPrinter';
import { hardenWebContents } from './security/navigation';
import { installPermissionHandlers } from './security/permissions';
import { registerAppScheme, serveAppScheme } from './security/protocol';
import { registerIpc } from './ipc/registry';
import { DisplaySleepBlocker } from './kiosk/displaySleep';
import { enableSpeechVoices } from './kiosk/speechVoices';
import { watchRenderer } from './kiosk/crashRecovery';
import { enforceSingleInstance } from './kiosk/singleInstance';
import { createKioskWindow, type KioskWindowHandle } from './windows/kioskWindow';

export type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'powerSaveBlocker' | 'Menu' | 'safeStorage'
>;

export interface BootstrapEnv {
  FACESETTLE_CONFIG?: string;
  FACESETTLE_PLATFORM_URL?: string;
  /** The loopback health endpoint's port (default 8791); `off` turns it off. */
  FACESETTLE_HEALTH_PORT?: string;
  /** `1`: accept Linux's basic_text key store for the platform secret (build/INSTALL.md). */
  FACESETTLE_ALLOW_BASIC_TEXT_SECRETS?: string;
  /** The staff-call webhook's shared secret, overriding the encrypted store's (README "Staff calls"). */
  FACESETTLE_STAFF_CALL_SECRET?: string;
  /** The health server's bearer token, overriding the encrypted store's (README "Monitoring"). */
  FACESETTLE_METRICS_TOKEN?: string;
  /** Set by the launcher (`npm start`): what it started for `embedded` (electron/core/embeddedServices.ts). */
  FACESETTLE_EMBEDDED_SERVICES?: string;
}

/** What the Electron entry may add: a demo build starts the sandbox itself (electron/main/index.ts). */
export interface LaunchHooks {
  startEmbedded?: (loaded: LoadedConfig, dataDir: string) => Promise<RunningServices | undefined>;
  /** The OS the switches are chosen for; process.platform unless a test says otherwise. */
  platform?: NodeJS.Platform;
}

/**
 * Wires the main process in one place, in order: what must happen before `ready`, then
 * security, the platform core, IPC, the protocol, the window and the kiosk services.
 * Electron is passed in so the wiring itself is tested against a mock.
 */
export function bootstrap(electron: ElectronModule, env: BootstrapEnv, preloadPath: string, launch: LaunchHooks = {}): Promise<KioskWindowHandle> | null {
  const { app, BrowserWindow, ipcMain, protocol, session, powerSaveBlocker, Menu } = electron;
  registerAppScheme(protocol);
  // Command-line switches count only when appended before `ready`.
  enableSpeechVoices(app, launch.platform);
  let handle: KioskWindowHandle | undefined;
  const focus = () => {
    if (!handle) return;
    if (handle.window.isMinimized()) handle.window.restore();
    handle.window.focus();
  };
  if (!enforceSingleInstance(app, focus)) return null;
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // Rotating JSON lines, redacted: what a hospital's IT reads, and never a patient's name or ID.
  const logFile = new RotatingFile({ dir: path.join(app.getPath('userData'), 'logs') });
  const logger = createLogger({
    sink: {
      write: (line) => {
        logFile.write(line);
        if (!app.isPackaged) console.log(line);
      },
    },
  });
  const log = (line: string) => logger.info(line);
  app.on('will-quit', () => logFile.close());

  return app.whenReady().then(async () => {
    Menu.setApplicationMenu(null);
    installPermissionHandlers(session.defaultSession);
    const receiptsDir = path.join(app.getPath('userData'), 'receipts');
    // Read first (it is quick): a wrong file stops the start before a window opens.
    const loaded = loadTerminalConfig(env.FACESETTLE_CONFIG ?? path.join(app.getPath('userData'), 'terminal.json'), env.FACESETTLE_CONFIG !== undefined);
    // The window opens now and shows 正在准备: its calls wait for the core below, which reads
    // secrets and the journal; start-up recovery then runs behind the home screen.
    const pending = pendingHandlers();
    registerIpc(ipcMain, pending.handlers, { warn: (m) => log(m) });
    const dirs = app.isPackaged ? packagedAssetDirs(app.getAppPath(), process.resourcesPath) : devAssetDirs(app.getAppPath());
    serveAppScheme(protocol, createAppFileHandler({ mounts: appMounts(dirs) }));
    handle = createKioskWindow(BrowserWindow, { preloadPath, isPackaged: app.isPackaged });
    const sleep = new DisplaySleepBlocker(powerSaveBlocker);
    sleep.enable();
    const contents = handle.window.webContents;
    watchRenderer(
      {
        onRendererGone: (listener) => contents.on('render-process-gone', (_e, details) => listener(details.reason)),
        onUnresponsive: (listener) => handle?.window.on('unresponsive', listener),
        onResponsive: (listener) => handle?.window.on('responsive', listener),
        reload: () => contents.reload(),
        relaunch: () => {
          // Without releasing the lock the new instance sees this one and quits at once.
          app.releaseSingleInstanceLock();
          app.relaunch();
          app.exit(0);
        },
      },
      { now: Date.now, setTimer: setTimeout, clearTimer: (h) => clearTimeout(h as NodeJS.Timeout), log },
    );
    let core: KioskCore | undefined;
    let services: RunningServices | undefined;
    app.on('before-quit', () => {
      sleep.disable();
      void core?.close().finally(() => services?.close());
    });

    try {
      services = (await launch.startEmbedded?.(loaded, app.getPath('userData'))) ?? embeddedFromLauncher(env);
      core = await startKioskCore({
        loaded,
        configFile: undefined,
        configRequired: false,
        ...(services ? { embedded: services.services } : {}),
        platformUrlOverride: env.FACESETTLE_PLATFORM_URL,
        loadPlatformSecret: async (paasId) => (await appSecretStore(electron, env).load(paasId)).secret,
        loadHisSecret: async (header) => (await appSecretStore(electron, env, 'his').load(header)).secret,
        loadStaffCallSecret: staffCallSecretLoader(() => appSecretStore(electron, env, 'staff-call'), env),
        loadMetricsToken: metricsTokenLoader(() => appSecretStore(electron, env, 'metrics'), env),
        ...healthPortOf(env.FACESETTLE_HEALTH_PORT),
        dataDir: app.getPath('userData'),
        shell: 'electron',
        version: app.getVersion(),
        raiseStaffCall: (ticket, reason, screen) => {
          log(`staff call ${ticket}: ${reason} on ${screen}`);
          handle?.window.flashFrame(true);
        },
        printReceiptFor: (config) =>
          createReceiptPrinter({
            contents: () => handle!.window.webContents,
            deviceName: config.printer.deviceName,
            paper: config.printer.paper,
            pdfDir: receiptsDir,
            writeFile: async (file, data) => {
              await mkdir(receiptsDir, { recursive: true });
              await writeFile(file, data);
            },
          }),
        // A distinct status, so the service manager does not restart what staff chose to exit.
        exitKiosk: createAdminExit({
          app,
          window: () => handle?.window ?? null,
          allowClose: () => handle?.allowClose(),
          closeCore: async () => core?.close(),
          status: ADMIN_EXIT_STATUS,
          log,
        }),
        listPrinters: async () => (handle ? handle.window.webContents.getPrintersAsync() : []),
        logger,
        log,
      });
    } catch (error) {
      // The page is told only that the kiosk cannot serve (pendingHandlers.ts); why is for the log.
      logger.error(`kiosk did not start: ${error instanceof Error ? error.message : String(error)}`);
      pending.failed(error);
      handle.allowClose();
      await services?.close();
      throw error;
    }
    pending.ready(core.handlers);
    console.log(startupSummary(core));
    return handle;
  });
}

/** What the launcher (`npm start`) started for `embedded` and handed over in the environment. */
function embeddedFromLauncher(env: BootstrapEnv): RunningServices | undefined {
  const services = embeddedServicesFromEnv(env[EMBEDDED_SERVICES_ENV]);
  return services ? { services, close: async () => undefined } : undefined;
}
