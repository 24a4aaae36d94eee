import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startBridgeHost } from '../bridge/host';
import { appMounts, devAssetDirs } from '../core/assetPaths';
import { EMBEDDED_SERVICES_ENV } from '../core/embeddedServices';
import { createLogger } from '../core/logging/logger';
import { RotatingFile } from '../core/logging/rotatingFile';
import { pendingHandlers } from '../core/pendingHandlers';
import { StartProblem } from '../core/portClash';
import { startupSummary } from '../core/startupSummary';
import { ConfigError, loadTerminalConfig } from '../core/terminalConfigFile';
import { healthPortOf } from '../core/health/healthServer';
import { findElectronBinary } from './findElectron';
import { electronUserData } from './userData';

/**
 * `npm start`: the kiosk against the embedded sandbox with no configuration. Real Electron
 * where its binary can be had; otherwise the same renderer and handlers through the browser
 * bridge, in Chromium's app mode when there is a display, or as a URL to open. This process is
 * the composition root's outer half: it alone starts the sandbox, and hands the kiosk plain URLs.
 */
const projectRoot = path.resolve(__dirname, '..', '..');
const env = process.env;
const pkg = require(path.join(projectRoot, 'package.json')) as { version: string; productName: string };

async function main(): Promise<void> {
  if (env.FACESETTLE_SHELL !== 'browser') {
    const electron = findElectronBinary(projectRoot);
    if (electron.ok) return startElectron(electron.path);
    console.log(`Electron binary not available (${electron.reason}); serving the kiosk through the browser bridge instead.`);
  }
  await startBrowserBridge();
}

/**
 * The Electron main bundle carries no sandbox: what the configuration calls `embedded` is started
 * here, from source, and its URLs and demo secrets reach the kiosk through the environment.
 */
async function startElectron(binary: string): Promise<void> {
  const userData = electronUserData(pkg.productName);
  const loaded = loadTerminalConfig(env.FACESETTLE_CONFIG ?? path.join(userData, 'terminal.json'), env.FACESETTLE_CONFIG !== undefined);
  const { servicesFor } = await import('./kiosk');
  const running = await servicesFor(loaded, {
    platformUrlOverride: env.FACESETTLE_PLATFORM_URL,
    loadPlatformSecret: async () => env.FACESETTLE_PLATFORM_SECRET,
    dataDir: userData,
  });
  if (running) console.log(`sandbox for \`embedded\`: ${running.services.url}`);
  const child = spawn(binary, [projectRoot], {
    stdio: 'inherit',
    env: { ...env, ...(running ? { [EMBEDDED_SERVICES_ENV]: JSON.stringify(running.services) } : {}) },
  });
  child.on('exit', (code) => {
    void (running?.close() ?? Promise.resolve()).finally(() => process.exit(code ?? 0));
  });
}

async function startBrowserBridge(): Promise<void> {
  const dataDir = env.FACESETTLE_DATA_DIR ?? path.join(projectRoot, '.data');
  const logFile = new RotatingFile({ dir: path.join(dataDir, 'logs') });
  const logger = createLogger({ source: 'bridge', sink: logFile });
  // Read first: a wrong file stops here, before any page opens. It is quick; the rest is not.
  const loaded = loadTerminalConfig(env.FACESETTLE_CONFIG, env.FACESETTLE_CONFIG !== undefined);
  // The page is served before the kiosk starts: it shows 正在准备 until its first call is answered.
  const pending = pendingHandlers();
  const host = await startBridgeHost({
    handlers: pending.handlers,
    mounts: appMounts(devAssetDirs(projectRoot)),
    port: env.FACESETTLE_PORT ? Number(env.FACESETTLE_PORT) : 8780,
  });
  const opened = openBrowser(host.url, loaded.config.printer.deviceName !== '');
  console.log(`Kiosk at ${host.url}${opened ? ` (opening ${opened} in app mode)` : ' (open it in Chromium; Ctrl+C stops it)'}`);
  // Loaded only now: the sandbox's modules take a while, and the page is already up meanwhile.
  const { startKiosk } = await import('./kiosk');
  const core = await startKiosk({
    loaded,
    configFile: env.FACESETTLE_CONFIG,
    configRequired: env.FACESETTLE_CONFIG !== undefined,
    platformUrlOverride: env.FACESETTLE_PLATFORM_URL,
    loadPlatformSecret: async () => env.FACESETTLE_PLATFORM_SECRET,
    loadHisSecret: async () => env.FACESETTLE_HIS_SECRET,
    loadStaffCallSecret: async () => env.FACESETTLE_STAFF_CALL_SECRET,
    ...healthPortOf(env.FACESETTLE_HEALTH_PORT),
    dataDir,
    shell: 'browser-bridge',
    version: pkg.version,
    raiseStaffCall: (ticket, reason, screen) => console.log(`\u0007STAFF CALL ${ticket}: ${reason} on ${screen}`),
    logger,
    log: (line) => console.log(line),
  }).catch(async (error: unknown) => {
    pending.failed(error);
    await host.close();
    throw error;
  });
  pending.ready(core.handlers);
  console.log(startupSummary(core, { page: host.url }));
  const stop = async () => {
    await host.close();
    await core.close();
    logFile.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Chromium in app mode when there is one and a display; the browser's name, or undefined. */
function openBrowser(url: string, kioskPrinting: boolean): string | undefined {
  const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!browser || !(env.DISPLAY || env.WAYLAND_DISPLAY)) return undefined;
  spawn(
    browser,
    [
      `--app=${url}`,
      `--user-data-dir=${path.join(projectRoot, '.data', 'chromium')}`,
      '--auto-accept-camera-and-microphone-capture',
      '--no-first-run',
      // These are Linux paths; there speechSynthesis has no voices without it (Electron issue #22844, Chromium alike).
      '--enable-speech-dispatcher',
      // With a printer named, the page's print goes to the system default printer without a dialog (slips print themselves).
      ...(kioskPrinting ? ['--kiosk-printing'] : []),
    ],
    { stdio: 'ignore', detached: true },
  ).unref();
  return browser;
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StartProblem;
  console.error(known ? (error as Error).message : `start failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
