/**
 * npm run bench:face, Chromium half: bundles the bench page with vite into a temp folder,
 * serves it with Human's models at /models/ and the tfjs wasm at /wasm/ from a loopback server,
 * opens it in Debian's Chromium with the fixture clip as the fake camera, runs the harness and
 * prints its figures (FACE_IRIS_ON_GATE=1: iris on every gate frame too). Served under the
 * kiosk's Content-Security-Policy; a CSP refusal fails the run, and so does any request the
 * page makes that is not local.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/csp';
import { FIXTURES_DIR } from './faceNode';

const ROOT = resolve(__dirname, '..', '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

function serve(mounts: Array<[string, string]>) {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
    const rel = mount ? normalize(url.pathname.slice(mount[0].length)) : '';
    const file = mount && !rel.startsWith('..') ? (rel === '.' || rel === '' ? mount[1] : join(mount[1], rel)) : '';
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    // The kiosk's own CSP: the pipeline must run under it exactly as in the app.
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY });
    createReadStream(file).pipe(res);
  });
}

async function main(): Promise<void> {
  // The MJPEG clip plays at 30 fps (the y4m at its header's 10 fps would cap the loop at 10 new frames/s).
  const clip = process.argv[2] ?? join(FIXTURES_DIR, 'camera_person_a_640x480_2s.mjpeg');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (Debian package chromium)`);
  if (!existsSync(clip)) throw new Error(`camera clip not found: ${clip}`);
  const out = mkdtempSync(join(tmpdir(), 'face-bench-'));
  const server = serve([
    ['/models/', join(ROOT, 'node_modules/@vladmandic/human/models')],
    ['/wasm/', join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')],
    ['/faceBench.html', join(__dirname, 'faceBench.html')],
    ['/', out],
  ]);
  try {
    // Library mode: one ES module, no HTML processing (the page is faceBench.html, served as is).
    // vite's ESM entry, by dynamic import: the require() this CommonJS project would compile a
    // static import into loads vite's CJS build, which fails in its manifest plugin.
    const { build } = await import('vite');
    await build({
      configFile: false,
      root: __dirname,
      logLevel: 'warn',
      build: {
        outDir: out,
        emptyOutDir: true,
        lib: { entry: join(__dirname, 'faceBenchPage.ts'), formats: ['es'], fileName: () => 'faceBenchPage.js' },
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${clip}`],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const refused: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
      });
      await page.goto(`${origin}/faceBench.html${process.env['FACE_IRIS_ON_GATE'] === '1' ? '?irisOnGate=1' : ''}`);
      const result = await page.evaluate(() => window.runFaceBench());
      const remote = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
      const ms = (x: number) => x.toFixed(1).padStart(9);
      const iris = process.env['FACE_IRIS_ON_GATE'] === '1' ? 'iris on every frame' : 'iris on challenge and decision frames';
      console.log(`bench:face Chromium (${await browser.version()}, fake camera ${clip.split('/').pop()}, ${iris})`);
      for (const line of result.log) console.log(line);
      console.log(`model load ${result.loadMs.toFixed(0)} ms; cold start to first gated frame ${result.firstGatedFrameMs.toFixed(0)} ms`);
      console.log(`${'pass (ms per 640x480 frame)'.padEnd(40)}${'median'.padStart(9)}${'p90'.padStart(9)}`);
      console.log(`${'gate: detect + mesh, cache on'.padEnd(40)}${ms(result.passes.gate.median)}${ms(result.passes.gate.p90)}`);
      console.log(`${'challenge: + iris, cache on'.padEnd(40)}${ms(result.passes.challenge.median)}${ms(result.passes.challenge.p90)}`);
      console.log(`${'decision: + antispoof + liveness'.padEnd(40)}${ms(result.passes.decision.median)}${ms(result.passes.decision.p90)}`);
      console.log(`gate loop ${result.loopFps.toFixed(1)} analysed frames/s; first face -> capture ready ${result.firstFaceToCaptureMs.toFixed(0)} ms`);
      console.log(`requests: ${requests.length}, non-local: ${remote.length}; CSP refusals under the kiosk's policy: ${refused.length}`);
      if (remote.length > 0) throw new Error(`non-local requests: ${remote.join(', ')}`);
      if (refused.length > 0) throw new Error(`CSP refusals: ${refused.join(' | ')}`);
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
