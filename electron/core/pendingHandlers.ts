import type { KioskHandlers } from '../../shared/ipc/contract';
import { KIOSK_METHODS } from '../../shared/ipc/methods';
import { KioskError } from '../../shared/result';

/** What every call is answered when the core could not start. */
export const NOT_STARTED_MESSAGE = '本机没有启动成功，暂时不能办理。请联系工作人员。';

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
  // Why it did not start (a configuration field, a missing secret) is for IT: the shell that
  // called failed() logs it (electron/main/index.ts, electron/launcher/start.ts); the page,
  // which patients and staff read, says in Chinese that it cannot serve and whom to ask.
  const unavailable = () => new KioskError('NOT_AVAILABLE', NOT_STARTED_MESSAGE, { next: 'call-staff' });
  const handlers = Object.fromEntries(
    KIOSK_METHODS.map((method) => [
      method,
      (request: unknown) =>
        core.then(
          (h) => (h[method] as (request: unknown) => Promise<unknown>)(request),
          () => {
            throw unavailable();
          },
        ),
    ]),
  ) as unknown as KioskHandlers;
  return { handlers, ready, failed };
}
