import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN_URL } from '../security/senderGuard';
import { hardenWebContents } from '../security/navigation';
import { installInputGuard } from '../kiosk/inputGuard';

export interface KioskWindowSettings {
  preloadPath: string;
  /** Packaged builds lock everything down; a developer's unpackaged run keeps devtools. */
  isPackaged: boolean;
}

/** Every security-relevant preference is stated explicitly so a test can assert it. */
export function kioskWindowOptions({ preloadPath, isPackaged }: KioskWindowSettings): BrowserWindowConstructorOptions {
  return {
    kiosk: isPackaged,
    fullscreen: isPackaged,
    alwaysOnTop: isPackaged,
    frame: !isPackaged,
    width: 1920,
    height: 1080,
    show: false,
    backgroundColor: '#0b1f33',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: !isPackaged,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableDialogs: true,
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface KioskWindowHandle {
  window: BrowserWindow;
  /** Lets the window close: only the admin exit calls it. */
  allowClose(): void;
}

export function createKioskWindow(BrowserWindowClass: BrowserWindowCtor, settings: KioskWindowSettings): KioskWindowHandle {
  const window = new BrowserWindowClass(kioskWindowOptions(settings));
  const contents = window.webContents;
  hardenWebContents(contents);
  installInputGuard(contents);
  if (settings.isPackaged) {
    // Backstop for devtools opened by any path the shortcut filter missed.
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
  let closable = false;
  // `closable: false` is not implemented on Linux; the close event is the guard that works.
  window.on('close', (event) => {
    if (!closable) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN_URL}index.html`);
  return {
    window,
    allowClose: () => {
      closable = true;
    },
  };
}
