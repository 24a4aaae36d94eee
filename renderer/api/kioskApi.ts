import type { KioskApi } from '../../shared/ipc/contract';
import { KIOSK_METHODS } from '../../shared/ipc/methods';
import { fail } from '../../shared/result';
import { BRIDGE_SECRET_META } from '../../shared/ipc/bridge';
import { createHttpKioskApi } from './httpBridge';

declare global {
  interface Window {
    kiosk?: KioskApi;
  }
}

/**
 * The one module that touches `window.kiosk`. In Electron the preload provides it; in plain
 * Chromium the bridge host put its secret into the page and the HTTP client stands in.
 */
export function resolveKioskApi(win: Window = window): KioskApi {
  if (win.kiosk) return win.kiosk;
  const secret = win.document.querySelector<HTMLMetaElement>(`meta[name="${BRIDGE_SECRET_META}"]`)?.content;
  if (secret) return createHttpKioskApi(secret, (url, init) => win.fetch(url, init));
  return unavailableApi();
}

/** Opened outside both hosts: every call answers that the kiosk service is missing. */
function unavailableApi(): KioskApi {
  const answer = async () => fail('PLATFORM_UNREACHABLE', 'kiosk service not available');
  return Object.fromEntries(KIOSK_METHODS.map((m) => [m, answer])) as unknown as KioskApi;
}
