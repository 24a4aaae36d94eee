import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { BodyProblem, SandboxRequest, SandboxResponse, SandboxRoute } from './http/types';

/** The platform's own limit; larger bodies are drained and refused, far larger ones cut off. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
const DRAIN_LIMIT_BYTES = 16 * BODY_LIMIT_BYTES;

export interface HttpServerOptions {
  routes: SandboxRoute[];
  log(line: string): void;
  now?: () => number;
}

export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function findRoute(routes: SandboxRoute[], method: string, path: string): SandboxRoute | undefined {
  return routes.find((route) => {
    if (route.method !== method) return false;
    return route.path.endsWith('/*') ? path.startsWith(route.path.slice(0, -1)) : route.path === path;
  });
}

type ReadBody = { ok: true; raw: Buffer } | { ok: false; problem: BodyProblem; cut: boolean };

function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        req.destroy();
        resolve({ ok: false, problem: 'too-large', cut: true });
      } else if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(size > BODY_LIMIT_BYTES ? { ok: false, problem: 'too-large', cut: false } : { ok: true, raw: Buffer.concat(chunks) }),
    );
    req.on('error', () => resolve({ ok: false, problem: 'too-large', cut: true }));
  });
}

function send(res: ServerResponse, answer: SandboxResponse): void {
  if (answer.drop) {
    res.socket?.destroy();
    return;
  }
  const isBuffer = Buffer.isBuffer(answer.body);
  const payload = isBuffer ? (answer.body as Buffer) : Buffer.from(JSON.stringify(answer.body ?? null));
  res.writeHead(answer.status, {
    'content-type': isBuffer ? 'application/octet-stream' : 'application/json; charset=utf-8',
    'content-length': String(payload.length),
    ...answer.headers,
  });
  res.end(payload);
}

const genericRefusal = (problem: BodyProblem): SandboxResponse =>
  problem === 'too-large'
    ? { status: 413, body: { error: `body exceeds ${BODY_LIMIT_BYTES} bytes` } }
    : { status: 400, body: { error: 'body is not valid JSON' } };

/**
 * Transport only: routing, body limit, JSON parsing, loopback checks, one log line per request.
 * A route that throws still gets a JSON answer without a stack, so no part can leak one.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const now = options.now ?? (() => performance.now());
  return createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.log(`${req.method} ${req.url?.split('?')[0]} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, { status: 500, body: { error: 'internal error' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = now();
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    const remoteAddress = req.socket.remoteAddress ?? '';
    let note = '';
    const finish = (answer: SandboxResponse) => {
      send(res, answer);
      const outcome = answer.drop ? 'dropped' : String(answer.status);
      const extra = answer.logNote ? ` ${answer.logNote}` : note;
      options.log(`${method} ${url.pathname} ${outcome}${extra} ${(now() - started).toFixed(1)}ms`);
    };

    const route = findRoute(options.routes, method, url.pathname);
    if (!route) {
      req.resume();
      finish({ status: 404, body: { error: `no route for ${method} ${url.pathname}` } });
      return;
    }
    if (route.loopbackOnly && !isLoopback(remoteAddress)) {
      req.resume();
      finish({ status: 403, body: { error: 'this endpoint answers loopback clients only' } });
      return;
    }
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(',') : value;
    const read = await readBody(req);
    const base = { method, path: url.pathname, query: url.searchParams, headers, remoteAddress };
    if (!read.ok) {
      if (read.cut) return;
      note = ` refused=${read.problem}`;
      finish(route.refuseBody?.(read.problem, { ...base, rawBody: Buffer.alloc(0) }) ?? genericRefusal(read.problem));
      return;
    }
    let body: unknown;
    // A form (the OAuth token request) is the route's to read from rawBody.
    const isForm = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(headers['content-type'] ?? '');
    if (read.raw.length > 0 && !isForm) {
      try {
        body = JSON.parse(read.raw.toString('utf8'));
      } catch {
        note = ' refused=malformed-json';
        finish(route.refuseBody?.('malformed-json', { ...base, rawBody: read.raw }) ?? genericRefusal('malformed-json'));
        return;
      }
    }
    const request: SandboxRequest = { ...base, body, rawBody: read.raw };
    finish(await route.handle(request));
  }
}
