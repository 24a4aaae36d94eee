import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import type { HealthReport } from './healthReport';

/** Its own port, apart from the browser bridge (8780). */
export const DEFAULT_HEALTH_PORT = 8791;

/** FACESETTLE_HEALTH_PORT: `off`, a port number (0: any free one), or the default when unset. */
export function healthPortOf(value: string | undefined): { healthPort?: number | null } {
  if (value === undefined) return {};
  if (value === 'off') return { healthPort: null };
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port < 65536 ? { healthPort: port } : {};
}

export interface HealthServerOptions {
  getReport(): Promise<HealthReport>;
  /** GET /metrics: Prometheus' exposition (electron/core/metrics/prometheus.ts); 404 without it. */
  getMetrics?(): Promise<{ contentType: string; body: string }>;
  /** 0 picks a free port (tests). */
  port?: number;
  /** An IP address (electron/core/metrics/prometheusConfig.ts); loopback by default. Any other needs `token`. */
  host?: string;
  /** When set, every request must carry `Authorization: Bearer <token>`, from anywhere; else 401. */
  token?: string;
  /** Reports are reused this long, so a tight monitoring loop does not hammer the platform. */
  cacheMs?: number;
  now?: () => number;
}

export interface RunningHealthServer {
  url: string;
  /** GET /metrics, when served. */
  metricsUrl: string | undefined;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const isLoopbackHost = (host: string) => host === '::1' || /^127\./.test(host);

/** Compares in constant time, so the answer's timing does not spell the token out. */
function sameToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match) return false;
  const given = createHash('sha256').update(match[1]!).digest();
  return timingSafeEqual(given, createHash('sha256').update(token).digest());
}

/**
 * `GET /health`: the report as JSON, 200 when the terminal can serve patients (ok or degraded)
 * and 503 when it cannot, so a local agent (Zabbix, a cron curl) can alert on the status code
 * alone. `GET /metrics`: the Prometheus exposition. Nothing else is served.
 *
 * Without a token it listens on loopback only and refuses a peer that is not loopback and a Host
 * header that is not this address, so a web page that rebinds its DNS name to 127.0.0.1 cannot
 * read it. With a token (required for any other address, README "Monitoring") the token is the
 * guard: a page cannot know it, and a fleet's Prometheus reaches the terminal by any name.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<RunningHealthServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token || undefined;
  if (!isIP(host)) throw new Error(`the health endpoint binds an IP address, not ${host}`);
  if (!isLoopbackHost(host) && !token) throw new Error(`the health endpoint listens on loopback only without a bearer token, not ${host}`);
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? 2000;
  let cached: { at: number; report: Promise<HealthReport> } | undefined;
  let port = 0;

  const report = () => {
    if (!cached || now() - cached.at >= cacheMs) {
      const fresh = options.getReport();
      cached = { at: now(), report: fresh };
      // A failed build is not cached: the next request tries again.
      fresh.catch(() => {
        if (cached?.report === fresh) cached = undefined;
      });
    }
    return cached.report;
  };

  const headers = (contentType: string) => ({ 'content-type': contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  const send = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...headers('application/json; charset=utf-8'), ...extra });
    res.end(JSON.stringify(body));
  };

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const paths = options.getMetrics ? 'GET /health, GET /metrics' : 'GET /health';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (token) {
      if (!sameToken(req.headers.authorization, token)) return send(res, 401, { error: 'bearer token required' }, { 'www-authenticate': 'Bearer realm="facesettle"' });
    } else {
      if (!LOOPBACK_PEERS.has(req.socket.remoteAddress ?? '')) return send(res, 403, { error: 'loopback only' });
      if (!allowedHosts().has((req.headers.host ?? '').toLowerCase())) return send(res, 403, { error: 'unexpected Host header' });
    }
    const path = (req.url ?? '').split('?')[0];
    const serveMetrics = path === '/metrics' ? options.getMetrics : undefined;
    if (path !== '/health' && !serveMetrics) return send(res, 404, { error: `not found: ${paths}` });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, { error: 'GET only' });
    }
    if (serveMetrics) {
      try {
        const { contentType, body } = await serveMetrics();
        res.writeHead(200, headers(contentType));
        return void res.end(req.method === 'HEAD' ? undefined : body);
      } catch (error) {
        return send(res, 500, { error: `metrics failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    try {
      const body = await report();
      send(res, body.status === 'down' ? 503 : 200, body);
    } catch (error) {
      send(res, 500, { error: `health report failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_HEALTH_PORT, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // A wildcard address is reached here through loopback; the fleet uses the machine's own name.
  const reachAt = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : isIP(host) === 6 ? `[${host}]` : host;
  const base = `http://${reachAt}:${port}`;
  return {
    url: `${base}/health`,
    metricsUrl: options.getMetrics ? `${base}/metrics` : undefined,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A scraper's keep-alive connection must not hold the kiosk's shutdown.
        server.closeIdleConnections();
      }),
  };
}
