import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startBridgeHost } from '../bridge/host';
import { appMounts, devAssetDirs } from '../core/assetPaths';
import { startKioskCore } from '../core/startCore';
import { createLogger } from '../core/logging/logger';
import { RotatingFile } from '../core/logging/rotatingFile';
import { ConfigError } from '../core/terminalConfigFile';
import { healthPortOf } from '../core/health/healthServer';
import { findElectronBinary } from './findElectron';

/**
 * `npm start`: the kiosk against the embedded sandbox with no configuration. Real Electron
 * where its binary can be had; otherwise the same renderer and handlers through the browser
 * bridge, in Chromium's app mode when there is a display, or as a URL to open.
 */
const projectRoot = path.resolve(__dirname, '..', '..');
const env = process.env;

async function main(): Promise<void> {
  if (env.FACESETTLE_SHELL !== 'browser') {
    const electron = findElectronBinary(projectRoot);
    if (electron.ok) {
      const child = spawn(electron.path, [projectRoot], { stdio: 'inherit', env });
      child.on('exit', (code) => process.exit(code ?? 0));
      return;
    }
    console.log(`Electron binary not available (${electron.reason}); serving the kiosk through the browser bridge instead.`);
  }
  await startBrowserBridge();
}

async function startBrowserBridge(): Promise<void> {
  const dataDir = env.FACESETTLE_DATA_DIR ?? path.join(projectRoot, '.data');
  const logFile = new RotatingFile({ dir: path.join(dataDir, 'logs') });
  const logger = createLogger({ source: 'bridge', sink: logFile });
  const core = await startKioskCore({
    configFile: env.FACESETTLE_CONFIG,
    configRequired: env.FACESETTLE_CONFIG !== undefined,
    platformUrlOverride: env.FACESETTLE_PLATFORM_URL,
    loadPlatformSecret: async () => env.FACESETTLE_PLATFORM_SECRET,
    loadHisSecret: async () => env.FACESETTLE_HIS_SECRET,
    loadStaffCallSecret: async () => env.FACESETTLE_STAFF_CALL_SECRET,
    ...healthPortOf(env.FACESETTLE_HEALTH_PORT),
    dataDir,
    shell: 'browser-bridge',
    version: require(path.join(projectRoot, 'package.json')).version as string,
    raiseStaffCall: (ticket, reason, screen) => console.log(`\u0007STAFF CALL ${ticket}: ${reason} on ${screen}`),
    logger,
    log: (line) => console.log(line),
  });
  const host = await startBridgeHost({
    handlers: core.handlers,
    mounts: appMounts(devAssetDirs(projectRoot)),
    port: env.FACESETTLE_PORT ? Number(env.FACESETTLE_PORT) : 8780,
  });
  const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  const hasDisplay = Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  if (browser && hasDisplay) {
    console.log(`Kiosk at ${host.url} (opening ${browser} in app mode)`);
    spawn(
      browser,
      [
        `--app=${host.url}`,
        `--user-data-dir=${path.join(projectRoot, '.data', 'chromium')}`,
        '--auto-accept-camera-and-microphone-capture',
        '--no-first-run',
        // With a printer named, the page's print goes to the system default printer without a dialog (slips print themselves).
        ...(core.config.printer.deviceName ? ['--kiosk-printing'] : []),
      ],
      { stdio: 'ignore', detached: true },
    ).unref();
  } else {
    console.log(`Kiosk at ${host.url} (open it in Chromium; Ctrl+C stops it)`);
  }
  const stop = async () => {
    await host.close();
    await core.close();
    logFile.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `start failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
