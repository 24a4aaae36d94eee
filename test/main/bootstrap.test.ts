import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as electron from 'electron';
import { bootstrap } from '../../electron/main/bootstrap';
import { channelOf, KIOSK_METHODS } from '../../shared/ipc/methods';

const mocked = electron as unknown as {
  app: typeof electron.app & { emit(name: string, ...args: unknown[]): boolean };
  BrowserWindow: { instances: Array<{ options: { webPreferences: Record<string, unknown> } }> };
  ipcMain: { handle: jest.Mock };
  protocol: { registerSchemesAsPrivileged: jest.Mock; handle: jest.Mock };
  session: { defaultSession: Record<string, jest.Mock> };
  powerSaveBlocker: { start: jest.Mock };
  Menu: { setApplicationMenu: jest.Mock };
};

/** What the launcher (`npm start`) hands the Electron process for `embedded`: plain URLs and secrets. */
const SERVICES = {
  url: 'http://127.0.0.1:9',
  platformSecret: 'demo-secret',
  staffCallUrl: 'http://127.0.0.1:9/staff-calls',
  staffCallSecret: 'demo-staff-secret',
};
const LAUNCHED = { FACESETTLE_EMBEDDED_SERVICES: JSON.stringify(SERVICES), FACESETTLE_HEALTH_PORT: 'off' };

describe('main process wiring', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    mocked.BrowserWindow.instances.length = 0;
  });

  it('wires security, IPC, protocol, window and power in one place', async () => {
    const started = bootstrap(electron, LAUNCHED, '/app/out/preload/index.js');
    // The scheme must be privileged before `ready`, i.e. synchronously.
    expect(mocked.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(mocked.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      (electron.app.whenReady as jest.Mock).mock.invocationCallOrder[0]!,
    );
    await started;

    expect(mocked.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(mocked.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(mocked.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(mocked.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(KIOSK_METHODS.map(channelOf).sort());
    expect(mocked.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(mocked.BrowserWindow.instances).toHaveLength(1);
    expect(mocked.BrowserWindow.instances[0]!.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(mocked.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  });

  it('hardens every web contents the app creates, not only the kiosk window', async () => {
    await bootstrap(electron, LAUNCHED, 'p');
    const contents = { on: jest.fn(), setWindowOpenHandler: jest.fn() };
    mocked.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
  });

  it('serves the kiosk page through the registered app:// handler', async () => {
    await bootstrap(electron, LAUNCHED, 'p');
    const handler = mocked.protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    const response = await handler(new Request('app://kiosk/..%2fpackage.json'));
    expect(response.status).toBe(403);
  });

  it('stops with the configuration problems when the configured file is wrong', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-cfg-'));
    const file = path.join(dir, 'terminal.json');
    writeFileSync(file, JSON.stringify({ terminal: { mode: 'casino' } }));
    await expect(bootstrap(electron, { FACESETTLE_CONFIG: file }, 'p')).rejects.toThrow(/terminal\.mode/);
    expect(mocked.BrowserWindow.instances).toHaveLength(0);
  });

  it('opens the window and answers IPC before the core is up, and serves once it is', async () => {
    let release!: (services: { services: typeof SERVICES; close(): Promise<void> }) => void;
    const held = new Promise<{ services: typeof SERVICES; close(): Promise<void> }>((resolve) => (release = resolve));
    const started = bootstrap(electron, { FACESETTLE_HEALTH_PORT: 'off' }, 'p', { startEmbedded: () => held });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mocked.BrowserWindow.instances).toHaveLength(1);
    const getAppInfo = mocked.ipcMain.handle.mock.calls.find(([channel]) => channel === channelOf('getAppInfo'))![1] as (
      event: unknown,
      payload: unknown,
    ) => Promise<{ ok: boolean; value?: { mode: string } }>;
    const trusted = { senderFrame: { url: 'app://kiosk/index.html', detached: false, isDestroyed: () => false } };
    let answered = false;
    const info = getAppInfo(trusted, {}).finally(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release({ services: SERVICES, close: async () => undefined });
    await started;
    expect(await info).toMatchObject({ ok: true, value: { mode: expect.any(String) } });
  });

  it('refuses `embedded` when nothing was started for it, as a production package would', async () => {
    await expect(bootstrap(electron, { FACESETTLE_HEALTH_PORT: 'off' }, 'p')).rejects.toThrow(/platform\.url is `embedded`, but nothing was started for it/);
  });

  it('does nothing further when another instance holds the lock', () => {
    (electron.app.requestSingleInstanceLock as jest.Mock).mockReturnValueOnce(false);
    expect(bootstrap(electron, {}, 'p')).toBeNull();
    expect(electron.app.quit).toHaveBeenCalled();
  });
});
