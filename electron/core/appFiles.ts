import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * Serves the kiosk's files (renderer build, Human's models, the wasm binaries) for the app://
 * protocol and the browser bridge. Written against the web's Request/Response so it runs
 * unchanged in Electron's protocol.handle and in plain Node.
 */
export interface Mount {
  /** URL path prefix, e.g. `/` or `/models/`. */
  prefix: string;
  dir: string;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export const mimeTypeFor = (file: string): string => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Maps a URL path to a file strictly inside `dir`, or null. Decodes first so `%2e%2e` is
 * caught, and refuses NUL bytes, backslashes, absolute paths and anything resolving outside.
 */
export function resolveInside(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const root = path.resolve(dir);
  const target = path.resolve(root, ...segments);
  const relative = path.relative(root, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return target;
}

export interface AppFileHandlerOptions {
  mounts: Mount[];
  readFile?: (file: string) => Promise<Uint8Array<ArrayBuffer>>;
  /** Lets the bridge put its per-start secret into the page it serves. */
  transformHtml?: (html: string) => string;
}

export function createAppFileHandler(options: AppFileHandlerOptions): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((file: string) => fsReadFile(file));
  // Longest prefix first so `/models/` wins over `/`.
  const mounts = [...options.mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const securityHeaders = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
  const notFound = () => new Response('not found', { status: 404, headers: securityHeaders });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: securityHeaders });
    }
    const { pathname } = new URL(request.url);
    const mount = mounts.find((m) => pathname.startsWith(m.prefix));
    if (!mount) return notFound();
    const rest = pathname.slice(mount.prefix.length);
    const file = resolveInside(mount.dir, rest === '' && mount.prefix === '/' ? 'index.html' : rest);
    if (!file) return new Response('forbidden', { status: 403, headers: securityHeaders });
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const type = mimeTypeFor(file);
    if (type.startsWith('text/html') && options.transformHtml) {
      body = new TextEncoder().encode(options.transformHtml(new TextDecoder().decode(body)));
    }
    const headers = { ...securityHeaders, 'content-type': type, 'cache-control': 'no-store' };
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}
