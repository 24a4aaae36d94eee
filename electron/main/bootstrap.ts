import path from 'node:path';
import type * as Electron from 'electron';
import { startKioskCore, type KioskCore } from '../core/startCore';
import { appMounts, devAssetDirs, packagedAssetDirs } from '../core/assetPaths';
import { mkdir, writeFile } from 'node:fs/promises';
import { createAppFileHandler } from '../core/appFiles';
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
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'powerSaveBlocker' | 'Menu'
>;

export interface BootstrapEnv {
  FACESETTLE_CONFIG?: string;
  FACESETTLE_PLATFORM_URL?: string;
  FACESETTLE_PLATFORM_SECRET?: string;
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
  const log = (line: string) => console.log(`[main] ${line}`);

  return app.whenReady().then(async () => {
    Menu.setApplicationMenu(null);
    installPermissionHandlers(session.defaultSession);
    const receiptsDir = path.join(app.getPath('userData'), 'receipts');
    const core: KioskCore = await startKioskCore({
      configFile: env.FACESETTLE_CONFIG ?? path.join(app.getPath('userData'), 'terminal.json'),
      configRequired: env.FACESETTLE_CONFIG !== undefined,
      platformUrlOverride: env.FACESETTLE_PLATFORM_URL,
      platformSecret: env.FACESETTLE_PLATFORM_SECRET,
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
          pdfDir: receiptsDir,
          writeFile: async (file, data) => {
            await mkdir(receiptsDir, { recursive: true });
            await writeFile(file, data);
          },
        }),
      exitKiosk: () => {
        handle?.allowClose();
        app.quit();
        return true;
      },
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
