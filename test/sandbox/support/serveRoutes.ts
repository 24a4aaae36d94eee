import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxRoute } from '../../../sandbox/http/types';

/**
 * A test-only HTTP adapter: serves a part's routes on 127.0.0.1 with JSON bodies, so a part's
 * tests go over real HTTP without the whole sandbox. Transport rules live in sandbox/server.ts.
 */
export async function serveRoutes(routes: SandboxRoute[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://test');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const route = routes.find((r) =>
      r.method === req.method && (r.path.endsWith('/*') ? url.pathname.startsWith(r.path.slice(0, -1)) : r.path === url.pathname),
    );
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!route) return send(404, { error: 'no route' });
    try {
      const answer = await route.handle({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers as Record<string, string | undefined>,
        body: raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined,
        rawBody: raw,
        remoteAddress: req.socket.remoteAddress ?? '',
      });
      send(answer.status, answer.body);
    } catch (error) {
      send(500, { error: (error as Error).message });
    }
  });
  // fetch reuses idle sockets; with Node's 5 s default a slow test step races the server
  // closing the socket and the next request dies with ECONNRESET.
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

export async function sendJson(url: string, method: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
