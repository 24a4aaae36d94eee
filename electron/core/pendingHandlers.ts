import type { KioskHandlers } from '../../shared/ipc/contract';
import { KIOSK_METHODS } from '../../shared/ipc/methods';
import { KioskError } from '../../shared/result';

export interface PendingHandlers {
  /** Registered with IPC or the bridge before the core exists: each call waits for it. */
  handlers: KioskHandlers;
  ready(handlers: KioskHandlers): void;
  /** The core could not start: every waiting and later call is answered NOT_AVAILABLE. */
  failed(error: unknown): void;
}

/**
 * The kiosk API before the core is up. The window (or the bridge page) opens at once and shows
 * 正在准备 while its first call (getAppInfo) waits here, instead of a blank screen while
 * configuration, secrets and the journal are read.
 */
export function pendingHandlers(): PendingHandlers {
  let ready!: (handlers: KioskHandlers) => void;
  let failed!: (error: unknown) => void;
  const core = new Promise<KioskHandlers>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  // A failure is answered to callers; it must not also surface as an unhandled rejection.
  core.catch(() => undefined);
  const unavailable = (error: unknown) =>
    new KioskError('NOT_AVAILABLE', `the kiosk did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { next: 'call-staff' });
  const handlers = Object.fromEntries(
    KIOSK_METHODS.map((method) => [
      method,
      (request: unknown) =>
        core.then(
          (h) => (h[method] as (request: unknown) => Promise<unknown>)(request),
          (error: unknown) => {
            throw unavailable(error);
          },
        ),
    ]),
  ) as unknown as KioskHandlers;
  return { handlers, ready, failed };
}
