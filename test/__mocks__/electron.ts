/**
 * A stand-in for the `electron` module: the real one downloads a binary when required.
 * Only the surface the main process touches, as jest functions so tests can inspect calls.
 * Most modules take Electron objects as parameters; this mock serves the wiring tests.
 */
import { EventEmitter } from 'node:events';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = jest.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  closeDevTools = jest.fn();
  reload = jest.fn();
  getURL = jest.fn(() => 'app://kiosk/index.html');
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadURL = jest.fn(async () => undefined);
  show = jest.fn();
  focus = jest.fn();
  restore = jest.fn();
  isMinimized = jest.fn(() => false);
  flashFrame = jest.fn();
  setKiosk = jest.fn();
  setFullScreen = jest.fn();
  setAlwaysOnTop = jest.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock = jest.fn(() => true);
  releaseSingleInstanceLock = jest.fn();
  quit = jest.fn();
  exit = jest.fn();
  relaunch = jest.fn();
  getVersion = jest.fn(() => '0.0.0-test');
  getAppPath = jest.fn(() => process.cwd());
  // A fresh userData per test process: the journal and sandbox data land there.
  private readonly userData = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'facesettle-userdata-'));
  getPath = jest.fn((_name: string) => this.userData);
  whenReady = jest.fn(() => Promise.resolve());
  commandLine = { appendSwitch: jest.fn(), hasSwitch: jest.fn(() => false), getSwitchValue: jest.fn(() => '') };
}

export const app = new FakeApp();
export const ipcMain = { handle: jest.fn(), removeHandler: jest.fn() };
export const protocol = { registerSchemesAsPrivileged: jest.fn(), handle: jest.fn() };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: jest.fn(),
    setPermissionCheckHandler: jest.fn(),
    setDevicePermissionHandler: jest.fn(),
  },
};
let nextBlockerId = 1;
const activeBlockers = new Set<number>();
export const powerSaveBlocker = {
  start: jest.fn(() => {
    const id = nextBlockerId++;
    activeBlockers.add(id);
    return id;
  }),
  stop: jest.fn((id: number) => activeBlockers.delete(id)),
  isStarted: jest.fn((id: number) => activeBlockers.has(id)),
};
export const Menu = { setApplicationMenu: jest.fn() };
export const contextBridge = { exposeInMainWorld: jest.fn() };
export const ipcRenderer = { invoke: jest.fn() };
