/** The kiosk's own pages: `app://kiosk/...`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * True when a URL belongs to the kiosk's own pages. Compares protocol and host: for a
 * non-special scheme WHATWG URL gives `origin === 'null'`, so comparing origins would either
 * refuse everything or, worse, accept every other `null`-origin page.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The bits of an IPC event the check needs (Electron's IpcMainInvokeEvent has them). */
export interface SenderLike {
  senderFrame: { url: string; isDestroyed?: () => boolean } | null;
}

export function isTrustedSender(event: SenderLike): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.isDestroyed?.()) return false;
  return isAppUrl(frame.url);
}
