import path from 'node:path';
import type * as Electron from 'electron';
import { startKioskCore, type KioskCore } from '../core/startCore';
import { appMounts, devAssetDirs, packagedAssetDirs } from '../core/assetPaths';
import { mkdir, writeFile } from 'node:fs/promises';
import { createAppFileHandler } from '../core/appFiles';
import { ADMIN_EXIT_STATUS } from '../core/exitStatus';
import { healthPortOf } from '../core/health/healthServer';
import { createLogger } from '../core/logging/logger';
import { RotatingFile } from '../core/logging/rotatingFile';
import { appSecretStore } from './secrets/secretEntry';
import { createReceiptPrinter } from './printing/receiptPrinter';
import { hardenWebContents } from './security/navigation';
import { installPermissionHandlers } from './security/permissions';
import { registerAppScheme, serveAppScheme } from './security/protocol';
import { registerIpc } from './ipc/registry';
import { DisplaySleepBlocker } from './kiosk/displaySleep';
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
  /** The staff-call webhook's shared secret (README "Staff calls"). */
  FACESETTLE_STAFF_CALL_SECRET?: string;
}

/**
 * Wires the main process in one place, in order: what must happen before `ready`, then
 * security, the platform core, IPC, the protocol, the window and the kiosk services.
 * Electron is passed in so the wiring itself is tested against a mock.
 */
export function bootstrap(electron: ElectronModule, env: BootstrapEnv, preloadPath: string): Promise<KioskWindowHandle> | null {
  const { app, BrowserWindow, ipcMain, protocol, session, powerSaveBlocker, Menu } = electron;
  registerAppScheme(protocol);
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
    const core: KioskCore = await startKioskCore({
      configFile: env.FACESETTLE_CONFIG ?? path.join(app.getPath('userData'), 'terminal.json'),
      configRequired: env.FACESETTLE_CONFIG !== undefined,
      platformUrlOverride: env.FACESETTLE_PLATFORM_URL,
      loadPlatformSecret: async (paasId) => (await appSecretStore(electron, env).load(paasId)).secret,
      loadHisSecret: async (header) => (await appSecretStore(electron, env, 'his').load(header)).secret,
      loadStaffCallSecret: async () => env.FACESETTLE_STAFF_CALL_SECRET,
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
      exitKiosk: () => {
        handle?.allowClose();
        // A distinct status, so the service manager does not restart what staff chose to exit.
        void core.close().finally(() => app.exit(ADMIN_EXIT_STATUS));
        return true;
      },
      listPrinters: async () => (handle ? handle.window.webContents.getPrintersAsync() : []),
      logger,
      log,
    });
    registerIpc(ipcMain, core.handlers, { warn: (m) => log(m) });
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
    app.on('before-quit', () => {
      sleep.disable();
      void core.close();
    });
    return handle;
  });
}
