import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The embedded sandbox: a local stand-in for the insurance platform, its e-voucher face
 * service and the hospital system. Placeholder until the sandbox lands: health only.
 */
export interface SandboxOptions {
  host?: string;
  port?: number;
  dataDir?: string;
}

export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', service: 'facesettle-sandbox' }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
