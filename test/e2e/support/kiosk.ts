import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBridgeHost, type BridgeHost } from '../../../electron/bridge/host';
import { appMounts, devAssetDirs } from '../../../electron/core/assetPaths';
import { createLogger } from '../../../electron/core/logging/logger';
import { RotatingFile } from '../../../electron/core/logging/rotatingFile';
import type { KioskCore } from '../../../electron/core/startCore';
import { startKiosk as launchKiosk } from '../../../electron/launcher/kiosk';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
export const ARTIFACTS = path.join(PROJECT_ROOT, 'test', 'artifacts');
export const FACES = path.resolve(PROJECT_ROOT, '..', 'shared', 'fixtures', 'faces');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CAMERA_CLIP = path.join(FACES, 'camera_person_a_640x480_2s.mjpeg');

/** The flags this machine's Chromium needs headless, as root, offline, with a fake camera. */
export function chromiumArgs(cameraFile: string | null, camera = true): string[] {
  // No camera at all (camera false): without the fake device, this machine's Chromium lists no video input.
  if (!camera) return chromiumArgs(null).filter((arg) => arg !== '--use-fake-device-for-media-stream');
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    ...(cameraFile ? [`--use-file-for-fake-video-capture=${cameraFile}`] : []),
  ];
}

export interface RunningKiosk {
  core: KioskCore;
  host: BridgeHost;
  browser: Browser;
  page: Page;
  /** Every URL the page asked for, to prove nothing left the machine. */
  requests: string[];
  /** Everything the kiosk wrote: journal, logs (as the launcher writes them), the sandbox's state. */
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The kiosk as a patient meets it without Electron: the real core with the embedded sandbox,
 * the browser bridge serving the built renderer, and Debian's Chromium with a fake camera.
 */
export async function startKiosk(options: { cameraFile?: string | null; config?: string; browser?: Browser; /** false: Chromium has no camera at all. */ camera?: boolean } = {}): Promise<RunningKiosk> {
  if (!existsSync(path.join(PROJECT_ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('renderer not built: run `npm run build` first (npm test does)');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'facesettle-e2e-'));
  // Real log files, as npm start writes them: the leak test reads what a deployment would keep.
  const logFile = new RotatingFile({ dir: path.join(dataDir, 'logs') });
  const core = await launchKiosk({
    configFile: options.config,
    configRequired: options.config !== undefined,
    platformUrlOverride: undefined,
    healthPort: 0,
    dataDir,
    shell: 'browser-bridge',
    version: 'e2e',
    raiseStaffCall: () => undefined,
    logger: createLogger({ source: 'bridge', sink: logFile }),
    log: () => undefined,
  });
  const host = await startBridgeHost({ handlers: core.handlers, mounts: appMounts(devAssetDirs(PROJECT_ROOT)), log: { warn: () => undefined } });
  const cameraFile = options.cameraFile === undefined ? (existsSync(CAMERA_CLIP) ? CAMERA_CLIP : null) : options.cameraFile;
  // A caller's browser (several kiosks in one file share one Chromium) stays open when this kiosk closes.
  const browser = options.browser ?? (await launchChromium(cameraFile, options.camera ?? true));
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const requests: string[] = [];
  let closing: Promise<void> | undefined;
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(host.url);
  return {
    core,
    host,
    browser,
    page,
    requests,
    dataDir,
    // Idempotent: a test may close early to read what the kiosk left on disk.
    close: () =>
      (closing ??= (async () => {
        await (options.browser ? context.close() : browser.close());
        await host.close();
        await core.close();
        logFile.close();
      })()),
  };
}

export const launchChromium = (cameraFile: string | null = existsSync(CAMERA_CLIP) ? CAMERA_CLIP : null, camera = true): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs(cameraFile, camera), headless: true });

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}
