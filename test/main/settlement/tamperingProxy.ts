import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Changes a JSON answer in place; `path` is the request's path without the query. */
export type Tamper = (path: string, body: any) => void;

/**
 * A hospital system that answers wrongly: the real sandbox HIS behind a proxy that changes its
 * JSON answers before they reach the kiosk, as a broken or outdated vendor HIS would.
 */
export async function startTamperingProxy(target: string): Promise<{ url: string; tamper(fn: Tamper | undefined): void; close(): Promise<void> }> {
  let tamper: Tamper | undefined;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)) as [string, string][],
    );
    const body = Buffer.concat(chunks);
    const answer = await fetch(`${target}${req.url}`, { method: req.method!, headers, ...(body.length > 0 ? { body } : {}) });
    const json = (await answer.json()) as unknown;
    tamper?.(new URL(req.url!, 'http://x').pathname, json);
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(json));
  });
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tamper: (fn) => (tamper = fn),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
