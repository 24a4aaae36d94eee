import type { App } from 'electron';

/**
 * One kiosk per machine: a second start (a double-clicked icon, a supervisor restart racing
 * the old process) only brings the running window forward. Returns false when this process
 * must quit.
 */
export function enforceSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>,
  focusExisting: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focusExisting);
  return true;
}
