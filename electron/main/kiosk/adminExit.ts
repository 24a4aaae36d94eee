import type { App, BrowserWindow } from 'electron';

export interface AdminExitDeps {
  app: Pick<App, 'exit'>;
  /** The kiosk window, once it exists. */
  window: () => Pick<BrowserWindow, 'setKiosk' | 'setFullScreen' | 'setAlwaysOnTop'> | null;
  /** Lets the window's close guard through (kioskWindow.ts). */
  allowClose: () => void;
  /** Closes the core: signs the operator out of the platform, stops servers, flushes the journal. */
  closeCore: () => Promise<void>;
  /** The exit status the service manager does not restart (core/exitStatus.ts). */
  status: number;
  /** How long the core may take to close before the app quits anyway. */
  graceMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  log?: (line: string) => void;
}

/**
 * 退出自助模式, after the admin PIN (electron-notes §2.9): the window leaves kiosk mode, full
 * screen and always-on-top first, so the desktop shows at once however long the core takes to
 * close; then the core closes and the app quits with the status the supervisor leaves alone.
 * A platform that does not answer the sign-out cannot keep the app open past `graceMs`.
 * Answers true: the exit is under way (a second request finds it so).
 */
export function createAdminExit(deps: AdminExitDeps): () => boolean {
  const { graceMs = 5000, setTimer = (run, ms) => setTimeout(run, ms), log = () => undefined } = deps;
  let exiting = false;
  return () => {
    if (exiting) return true;
    exiting = true;
    log('admin exit: leaving kiosk mode and quitting');
    const window = deps.window();
    if (window) {
      window.setKiosk(false);
      window.setAlwaysOnTop(false);
      window.setFullScreen(false);
    }
    deps.allowClose();
    let quit = false;
    const exit = () => {
      if (quit) return;
      quit = true;
      deps.app.exit(deps.status);
    };
    setTimer(exit, graceMs);
    void deps
      .closeCore()
      .catch((error: unknown) => log(`admin exit: core did not close cleanly: ${error instanceof Error ? error.message : String(error)}`))
      .finally(exit);
    return true;
  };
}
