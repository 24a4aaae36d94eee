import { BrowserWindow } from 'electron';
import { createKioskWindow, kioskWindowOptions } from '../../electron/main/windows/kioskWindow';

type FakeWindow = InstanceType<typeof BrowserWindow> & { options: Record<string, unknown> } & {
  webContents: { windowOpenHandler: (d: { url: string }) => { action: string }; emit(name: string, ...args: unknown[]): boolean; closeDevTools: jest.Mock };
};

describe('kiosk window', () => {
  it('states every security preference explicitly', () => {
    const { webPreferences } = kioskWindowOptions({ preloadPath: '/app/out/preload/index.js', isPackaged: true });
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
      disableDialogs: true,
      navigateOnDragDrop: false,
    });
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('is a full-screen kiosk when packaged, a normal window with devtools in development', () => {
    expect(kioskWindowOptions({ preloadPath: 'p', isPackaged: true })).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
    const dev = kioskWindowOptions({ preloadPath: 'p', isPackaged: false });
    expect(dev).toMatchObject({ kiosk: false, fullscreen: false });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.webPreferences?.sandbox).toBe(true);
  });

  it('loads the app over app://, refuses to close until allowed, and denies new windows and navigation', () => {
    const handle = createKioskWindow(BrowserWindow as never, { preloadPath: 'p', isPackaged: true });
    const win = handle.window as unknown as FakeWindow;
    expect(win.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');

    const closeEvent = { preventDefault: jest.fn() };
    win.emit('close', closeEvent);
    expect(closeEvent.preventDefault).toHaveBeenCalledTimes(1);
    handle.allowClose();
    const secondClose = { preventDefault: jest.fn() };
    win.emit('close', secondClose);
    expect(secondClose.preventDefault).not.toHaveBeenCalled();

    expect(win.webContents.windowOpenHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const away = { preventDefault: jest.fn() };
    win.webContents.emit('will-navigate', away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: jest.fn() };
    win.webContents.emit('will-navigate', inside, 'app://kiosk/index.html#receipt');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: jest.fn() };
    win.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    win.webContents.emit('devtools-opened');
    expect(win.webContents.closeDevTools).toHaveBeenCalled();

    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });
});
