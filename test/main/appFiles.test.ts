import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppFileHandler, mimeTypeFor, resolveInside } from '../../electron/core/appFiles';

describe('app:// protocol files', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'facesettle-app-'));
  const renderer = path.join(root, 'renderer');
  const models = path.join(root, 'models');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  mkdirSync(models);
  writeFileSync(path.join(renderer, 'index.html'), '<html><head></head><body>kiosk</body></html>');
  writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(models, 'blazeface.json'), '{}');
  writeFileSync(path.join(root, 'secret.txt'), 'outside');

  const handler = createAppFileHandler({
    mounts: [
      { prefix: '/', dir: renderer },
      { prefix: '/models/', dir: models },
    ],
  });
  const get = (url: string) => handler(new Request(url));

  it('contains paths inside the root', () => {
    expect(resolveInside(renderer, 'assets/app.js')).toBe(path.join(renderer, 'assets', 'app.js'));
    expect(resolveInside(renderer, '../secret.txt')).toBeNull();
    expect(resolveInside(renderer, 'assets/../../secret.txt')).toBeNull();
    expect(resolveInside(renderer, '%2e%2e/secret.txt')).toBeNull();
    expect(resolveInside(renderer, '..%2fsecret.txt')).toBeNull();
    expect(resolveInside(renderer, '..\\secret.txt')).toBeNull();
    expect(resolveInside(renderer, 'index.html%00.png')).toBeNull();
    expect(resolveInside(renderer, '%E0%A4%A')).toBeNull();
  });

  it('refuses a .. request instead of serving the file outside', async () => {
    // WHATWG URL parsing folds plain `..` segments, so the escapes that survive are encoded ones.
    const response = await get('app://kiosk/..%2fsecret.txt');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('outside');
    // %2e%2e segments are folded by the URL parser to the root, where no secret.txt exists.
    const folded = await get('app://kiosk/assets/%2e%2e/%2e%2e/secret.txt');
    expect(folded.status).toBe(404);
    expect(await folded.text()).not.toContain('outside');
  });

  it('serves the index with a strict CSP and the right MIME type', async () => {
    const response = await get('app://kiosk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('kiosk');
  });

  it('routes mounts by longest prefix', async () => {
    const model = await get('app://kiosk/models/blazeface.json');
    expect(model.status).toBe(200);
    expect(model.headers.get('content-type')).toContain('application/json');
    expect((await get('app://kiosk/models/missing.json')).status).toBe(404);
  });

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await get('app://kiosk/nope.js')).status).toBe(404);
    expect((await handler(new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('knows the types the kiosk serves', () => {
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.JS')).toContain('javascript');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('lets the bridge rewrite the HTML it serves', async () => {
    const rewriting = createAppFileHandler({
      mounts: [{ prefix: '/', dir: renderer }],
      transformHtml: (html) => html.replace('<head>', '<head><meta name="x" content="y">'),
    });
    expect(await (await rewriting(new Request('http://127.0.0.1/index.html'))).text()).toContain('<meta name="x" content="y">');
    expect(await (await rewriting(new Request('http://127.0.0.1/assets/app.js'))).text()).toBe('console.log(1)');
  });
});
