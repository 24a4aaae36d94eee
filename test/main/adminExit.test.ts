import * as electron from 'electron';
import { ADMIN_EXIT_STATUS } from '../../electron/core/exitStatus';
import { createAdminExit } from '../../electron/main/kiosk/adminExit';
import { createKioskWindow } from '../../electron/main/windows/kioskWindow';

type MockWindow = electron.BrowserWindow & { setKiosk: jest.Mock; setFullScreen: jest.Mock; setAlwaysOnTop: jest.Mock };
const exit = electron.app.exit as jest.Mock;

/** The packaged kiosk window, with its close guard, as bootstrap makes it. */
function kioskWindow() {
  const handle = createKioskWindow(electron.BrowserWindow as never, { preloadPath: 'p', isPackaged: true });
  return { handle, window: handle.window as MockWindow };
}
const closeAttempt = (window: electron.BrowserWindow) => {
  const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
  window.emit('close', event);
  return event.defaultPrevented;
};

describe('admin exit (退出自助模式)', () => {
  beforeEach(() => jest.clearAllMocks());

  it('leaves kiosk mode at once, lets the window close, then quits with the status the supervisor leaves alone', async () => {
    const { handle, window } = kioskWindow();
    expect(closeAttempt(window)).toBe(true);
    let finishClose!: () => void;
    const closeCore = jest.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    const exitKiosk = createAdminExit({ app: electron.app, window: () => window, allowClose: handle.allowClose, closeCore, status: ADMIN_EXIT_STATUS, setTimer: () => undefined });

    expect(exitKiosk()).toBe(true);
    expect(window.setKiosk).toHaveBeenCalledWith(false);
    expect(window.setFullScreen).toHaveBeenCalledWith(false);
    expect(window.setAlwaysOnTop).toHaveBeenCalledWith(false);
    expect(closeAttempt(window)).toBe(false);
    // The core (platform sign-out, journal) closes before the process goes.
    expect(exit).not.toHaveBeenCalled();
    finishClose();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).toHaveBeenCalledWith(ADMIN_EXIT_STATUS);
    expect(closeCore).toHaveBeenCalledTimes(1);
  });

  it('quits after the grace time when the core does not close, and only once', async () => {
    const { handle, window } = kioskWindow();
    let timer: (() => void) | undefined;
    let graceMs = 0;
    const log = jest.fn();
    const exitKiosk = createAdminExit({
      app: electron.app,
      window: () => window,
      allowClose: handle.allowClose,
      closeCore: () => new Promise<void>(() => undefined),
      status: ADMIN_EXIT_STATUS,
      graceMs: 4000,
      setTimer: (run, ms) => {
        timer = run;
        graceMs = ms;
      },
      log,
    });
    exitKiosk();
    expect(exitKiosk()).toBe(true);
    expect(window.setKiosk).toHaveBeenCalledTimes(1);
    expect(graceMs).toBe(4000);
    timer!();
    timer!();
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(ADMIN_EXIT_STATUS);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('admin exit'));
  });

  it('still quits when closing the core fails, and says so in the log', async () => {
    const log = jest.fn();
    const exitKiosk = createAdminExit({
      app: electron.app,
      window: () => null,
      allowClose: () => undefined,
      closeCore: async () => {
        throw new Error('platform did not answer 9002');
      },
      status: ADMIN_EXIT_STATUS,
      setTimer: () => undefined,
      log,
    });
    exitKiosk();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).toHaveBeenCalledWith(ADMIN_EXIT_STATUS);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('platform did not answer 9002'));
  });
});
