export interface PlatformHealth {
  url: string;
  reachable: boolean;
  latencyMs: number | null;
  detail: string;
}

export type Fetch = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; status: number }>;

/** Probes the platform's health endpoint; a slow or absent platform is a state, not an error. */
export async function probePlatform(
  baseUrl: string,
  fetchImpl: Fetch,
  now: () => number = () => performance.now(),
  timeoutMs = 3000,
): Promise<PlatformHealth> {
  const started = now();
  try {
    const response = await fetchImpl(new URL('/health', baseUrl).toString(), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const latencyMs = Math.round(now() - started);
    return response.ok
      ? { url: baseUrl, reachable: true, latencyMs, detail: 'ok' }
      : { url: baseUrl, reachable: false, latencyMs, detail: `HTTP ${response.status}` };
  } catch (error) {
    const detail = error instanceof Error ? error.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : error.message : String(error);
    return { url: baseUrl, reachable: false, latencyMs: null, detail };
  }
}
