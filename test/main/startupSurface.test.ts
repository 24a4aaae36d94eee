import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBridgeHost } from '../../electron/bridge/host';
import { NOT_STARTED_MESSAGE, pendingHandlers } from '../../electron/core/pendingHandlers';
import { listenProblem, StartProblem } from '../../electron/core/portClash';
import { startKioskCore } from '../../electron/core/startCore';
import { startupSummary } from '../../electron/core/startupSummary';
import { SANDBOX_DEFAULTS } from '../../shared/config/terminalConfig';
import { createHttpKioskApi } from '../../renderer/api/httpBridge';
import { APP_INFO, stubHandlers } from './support/stubHandlers';

/** What IT meets first: the page before the kiosk is ready, a port already taken, the console's first lines. */
const ROOT = path.resolve(__dirname, '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-surface-'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>k</title></head><body>正在准备</body></html>');

const occupy = async (): Promise<{ server: Server; port: number }> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
};

describe('the bridge before the kiosk is up', () => {
  it('serves the page at once; its first call waits for the kiosk, then is answered', async () => {
    const pending = pendingHandlers();
    const host = await startBridgeHost({ handlers: pending.handlers, mounts: [{ prefix: '/', dir }], log: { warn: () => undefined } });
    try {
      expect(await (await fetch(host.url)).text()).toContain('正在准备');
      const api = createHttpKioskApi(host.secret, (url, init) => fetch(url, init), host.url.replace(/\/$/, ''));
      let answered = false;
      const info = api.getAppInfo({}).finally(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toBe(false);
      pending.ready(stubHandlers({ getAppInfo: async () => APP_INFO }));
      expect(await info).toMatchObject({ ok: true, value: { version: APP_INFO.version } });
    } finally {
      await host.close();
    }
  });

  it('answers every call NOT_AVAILABLE, with staff as the next step, when the kiosk cannot start', async () => {
    const pending = pendingHandlers();
    const host = await startBridgeHost({ handlers: pending.handlers, mounts: [{ prefix: '/', dir }], log: { warn: () => undefined } });
    try {
      const api = createHttpKioskApi(host.secret, (url, init) => fetch(url, init), host.url.replace(/\/$/, ''));
      const waiting = api.getAppInfo({});
      pending.failed(new Error('terminal configuration x is not valid:\n  - terminal.mode'));
      // The page gets Chinese words and staff as the next step; why (the configuration's problem) stays in the log.
      const expected = { ok: false, error: { code: 'NOT_AVAILABLE', next: 'call-staff', message: NOT_STARTED_MESSAGE } };
      expect(await waiting).toMatchObject(expected);
      expect(await api.getOperator({})).toMatchObject(expected);
    } finally {
      await host.close();
    }
  });
});

describe('a port already taken', () => {
  it('is one line naming the port and the variable that moves it', async () => {
    const { server, port } = await occupy();
    try {
      const started = startBridgeHost({ handlers: stubHandlers({}), mounts: [], port });
      await expect(started).rejects.toThrow(StartProblem);
      await expect(startBridgeHost({ handlers: stubHandlers({}), mounts: [], port })).rejects.toThrow(
        `browser bridge: port ${port} on 127.0.0.1 is already in use; set FACESETTLE_PORT to another port`,
      );
    } finally {
      server.close();
    }
    const eacces = Object.assign(new Error('listen EACCES'), { code: 'EACCES', port: 80 });
    expect(listenProblem(eacces, 'health endpoint not started', 'FACESETTLE_HEALTH_PORT')).toBe(
      'health endpoint not started: not allowed to listen on port 80; set FACESETTLE_HEALTH_PORT to a port above 1023',
    );
  });

  it('leaves the kiosk running without its health endpoint, and says why in the summary', async () => {
    const { server, port } = await occupy();
    // Plain URLs, as the launcher hands them: the core starts no sandbox and calls nothing at start.
    const core = await startKioskCore({
      configFile: undefined,
      configRequired: false,
      platformUrlOverride: undefined,
      embedded: { url: 'http://127.0.0.1:9', platformSecret: 'demo', staffCallUrl: 'http://127.0.0.1:9/staff-calls', staffCallSecret: 'demo' },
      healthPort: port,
      dataDir: mkdtempSync(path.join(dir, 'core-')),
      shell: 'browser-bridge',
      version: 'test',
      raiseStaffCall: () => undefined,
      log: () => undefined,
    });
    try {
      expect(core.healthUrl).toBeUndefined();
      expect(startupSummary(core)).toContain(`health    health endpoint not started: port ${port} on 127.0.0.1 is already in use; set FACESETTLE_HEALTH_PORT to another port`);
      expect(core.platformUrl).toBe('http://127.0.0.1:9');
    } finally {
      await core.close();
      server.close();
    }
  });

  it('stops `npm start` with that line alone: no minified tfjs, no stack', async () => {
    const { server, port } = await occupy();
    try {
      const child = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'electron', 'launcher', 'start.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, FACESETTLE_SHELL: 'browser', FACESETTLE_PORT: String(port), FACESETTLE_DATA_DIR: dir, FACESETTLE_HEALTH_PORT: 'off', DISPLAY: '', WAYLAND_DISPLAY: '' },
      });
      expect(child.status).toBe(1);
      expect(child.stdout).toBe('');
      expect(child.stderr.trim()).toBe(`browser bridge: port ${port} on 127.0.0.1 is already in use; set FACESETTLE_PORT to another port`);
    } finally {
      server.close();
    }
  }, 90_000);
});

it('prints mode, configuration source, platform and health URL at start', () => {
  const summary = startupSummary({ config: SANDBOX_DEFAULTS, configSource: 'built-in sandbox defaults', platformUrl: 'http://127.0.0.1:4000', healthUrl: 'http://127.0.0.1:8791/health' });
  expect(summary.split('\n')).toEqual([
    'FaceSettle started',
    expect.stringMatching(/^ {2}mode +registration \(terminal KIOSK-01\)$/),
    expect.stringMatching(/^ {2}config +built-in sandbox defaults$/),
    expect.stringMatching(/^ {2}platform +http:\/\/127\.0\.0\.1:4000$/),
    expect.stringMatching(/^ {2}health +http:\/\/127\.0\.0\.1:8791\/health$/),
  ]);
});
