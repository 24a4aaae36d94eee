import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BRIDGE_API_PREFIX, BRIDGE_SECRET_HEADER, BRIDGE_SECRET_META } from '../../shared/ipc/bridge';
import { MAX_REQUEST_BYTES, type KioskHandlers } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/result';
import { dispatch } from '../core/dispatch';
import { createAppFileHandler, type Mount } from '../core/appFiles';
import { listenProblem, StartProblem } from '../core/portClash';

/**
 * The browser bridge: the same kiosk API over HTTP, for plain Chromium (end-to-end tests,
 * machines without the Electron binary). It binds 127.0.0.1 only, and every API call must
 * carry the per-start secret, which only the page this host serves holds. A page from another
 * origin can neither read the secret nor send the custom header without a preflight we refuse.
 */

/** Whatever the contract allows a request to carry (a face photo), and not a byte more. */
const MAX_BODY = MAX_REQUEST_BYTES;

export interface BridgeHostOptions {
  handlers: KioskHandlers;
  mounts: Mount[];
  port?: number;
  log?: { warn(message: string): void };
}

export interface BridgeHost {
  url: string;
  secret: string;
  close(): Promise<void>;
}

export async function startBridgeHost(options: BridgeHostOptions): Promise<BridgeHost> {
  const secret = randomBytes(24).toString('base64url');
  const log = options.log ?? console;
  const files = createAppFileHandler({
    mounts: options.mounts,
    transformHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta name="${BRIDGE_SECRET_META}" content="${secret}" />`),
  });
  let origin = '';

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      log.warn(`bridge: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, fail('INTERNAL', 'internal error'));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries its own Host header.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, fail('UNTRUSTED_SENDER', 'wrong host'));
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path.startsWith(BRIDGE_API_PREFIX)) return api(req, res, path.slice(BRIDGE_API_PREFIX.length));
    const response = await files(new Request(new URL(req.url ?? '/', origin), { method: req.method }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  async function api(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, fail('UNKNOWN_METHOD', 'POST only'));
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      return send(res, 403, fail('UNTRUSTED_SENDER', 'foreign origin'));
    }
    if (!secretMatches(req.headers[BRIDGE_SECRET_HEADER])) return send(res, 403, fail('UNTRUSTED_SENDER', 'missing or wrong bridge secret'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, fail('VALIDATION_FAILED', 'content-type must be application/json'));
    }
    const body = await readBody(req);
    if (body === null) return send(res, 413, fail('VALIDATION_FAILED', `body over ${MAX_BODY} bytes`));
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, fail('VALIDATION_FAILED', 'body is not JSON'));
    }
    send(res, 200, await dispatch(options.handlers, method, payload, log));
  }

  function secretMatches(given: string | string[] | undefined): boolean {
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  // A taken port is said in one line: an unhandled 'error' event would crash the process with
  // whatever module last hooked uncaughtException (tfjs-wasm's) printed first.
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new StartProblem(listenProblem(error, 'browser bridge', 'FACESETTLE_PORT'))));
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, result: Result<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(result));
}

/**
 * The body, or null when it is over MAX_BODY. An over-size body is still read to its end, and
 * dropped, so the caller gets its 413: one still sending would otherwise see the connection
 * reset instead of the answer. Only a caller holding the secret gets this far.
 */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
