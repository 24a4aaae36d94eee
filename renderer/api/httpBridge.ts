import type { KioskApi } from '../../shared/ipc/contract';
import { KIOSK_METHODS } from '../../shared/ipc/methods';
import { BRIDGE_API_PREFIX, BRIDGE_SECRET_HEADER } from '../../shared/ipc/bridge';
import { fail, type Result } from '../../shared/result';

type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  json(): Promise<unknown>;
}>;

/**
 * The kiosk API over HTTP to the bridge host that served this page; same methods, same
 * Results as the Electron preload. A lost connection is an answer too: PLATFORM_UNREACHABLE.
 */
export function createHttpKioskApi(secret: string, fetchImpl: FetchLike, base = ''): KioskApi {
  const call = async (method: string, request: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetchImpl(`${base}${BRIDGE_API_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [BRIDGE_SECRET_HEADER]: secret },
        body: JSON.stringify(request ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return fail('PLATFORM_UNREACHABLE', error instanceof Error ? error.message : 'kiosk host unreachable');
    }
  };
  return Object.fromEntries(KIOSK_METHODS.map((m) => [m, (request: unknown) => call(m, request)])) as unknown as KioskApi;
}
