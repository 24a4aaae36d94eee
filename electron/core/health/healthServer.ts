import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  /** 0 picks a free port (tests). */
  port?: number;
  /** Loopback only; anything else is refused at start. */
  host?: '127.0.0.1' | '::1';
  /** Reports are reused this long, so a tight monitoring loop does not hammer the platform. */
  cacheMs?: number;
  now?: () => number;
}

export interface RunningHealthServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * `GET /health` on the loopback interface: the report as JSON, 200 when the terminal can serve
 * patients (ok or degraded) and 503 when it cannot, so a local agent (Zabbix, a cron curl) can
 * alert on the status code alone. Nothing else is served. Besides binding to loopback, it
 * refuses a peer that is not loopback and a Host header that is not this address, so a web
 * page that rebinds its DNS name to 127.0.0.1 cannot read it.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<RunningHealthServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`the health endpoint listens on loopback only, not ${host}`);
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

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(JSON.stringify(body));
  };

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return send(res, 403, { error: 'loopback only' });
    if (!allowedHosts().has((req.headers.host ?? '').toLowerCase())) return send(res, 403, { error: 'unexpected Host header' });
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/health') return send(res, 404, { error: 'not found: GET /health' });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, { error: 'GET only' });
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
  return {
    url: `http://${host === '::1' ? '[::1]' : host}:${port}/health`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
