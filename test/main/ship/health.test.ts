import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { buildHealthReport, DEFAULT_LIMITS, diskSpace, type HealthProbes, type HealthReport } from '../../../electron/core/health/healthReport';
import { startHealthServer, type RunningHealthServer } from '../../../electron/core/health/healthServer';

const NOW = new Date('2026-11-29T02:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const identity = { version: '0.1.0', terminalId: 'KIOSK-01', mode: 'cashier' };

const healthy = (): HealthProbes => ({
  camera: async () => ({ available: true, label: 'USB Camera', reportedAt: minutesAgo(1) }),
  faceBackend: async () => ({ backend: 'wasm', msPerFrame: 38, reportedAt: minutesAgo(1) }),
  platform: async () => ({ url: 'https://fsi.example.invalid', reachable: true, latencyMs: 120, detail: 'ok' }),
  operator: async () => ({ signedIn: true, operator: 'OP001', signedAt: minutesAgo(90) }),
  journal: async () => ({ awaitingResolution: 0 }),
  printer: async () => ({ name: 'EPSON TM-T82', available: true }),
  disk: async () => ({ path: '/home/kiosk/.config/FaceSettle', freeBytes: 40 * 1024 ** 3, totalBytes: 100 * 1024 ** 3 }),
});
const build = (probes: Partial<HealthProbes> = {}) => buildHealthReport({ ...healthy(), ...probes }, identity, () => NOW);
const statuses = (report: HealthReport) => Object.fromEntries(Object.entries(report.checks).map(([name, check]) => [name, check.status]));

describe('health report', () => {
  it('is ok when every check is', async () => {
    const report = await build();
    expect(report).toMatchObject({ status: 'ok', generatedAt: NOW.toISOString(), version: '0.1.0', terminalId: 'KIOSK-01', mode: 'cashier' });
    expect(new Set(Object.values(statuses(report)))).toEqual(new Set(['ok']));
    expect(report.checks.faceBackend).toMatchObject({ backend: 'wasm', msPerFrame: 38, detail: 'wasm: 38 ms a frame' });
    expect(report.checks.platform).toMatchObject({ latencyMs: 120, detail: '120 ms' });
    expect(report.checks.disk.detail).toBe('40.0 GiB free of 100.0 GiB');
  });

  it('is degraded, not down, when face payment is impaired but other ways in work', async () => {
    const report = await build({
      camera: async () => ({ available: false, reportedAt: minutesAgo(1) }),
      faceBackend: async () => ({ backend: 'wasm', msPerFrame: 160, reportedAt: minutesAgo(1) }),
      operator: async () => ({ signedIn: false }),
      printer: async () => ({ name: 'EPSON TM-T82', available: false }),
      journal: async () => ({ awaitingResolution: 2, oldestAt: minutesAgo(30) }),
    });
    expect(report.status).toBe('degraded');
    expect(statuses(report)).toMatchObject({ camera: 'fail', faceBackend: 'warn', operator: 'warn', printer: 'warn', journal: 'warn' });
    expect(report.checks.journal.detail).toBe('2 awaiting resolution');
  });

  it('is down when the platform is unreachable or the disk is nearly full', async () => {
    const offline = await build({ platform: async () => ({ url: 'https://x.invalid', reachable: false, latencyMs: null, detail: 'ENOTFOUND' }) });
    expect(offline.status).toBe('down');
    expect(offline.checks.platform.detail).toBe('unreachable: ENOTFOUND');
    const full = await build({ disk: async () => ({ path: '/', freeBytes: 100 * 1024 ** 2, totalBytes: 100 * 1024 ** 3 }) });
    expect(full.status).toBe('down');
  });

  it('flags an unknown outcome left for more than a day and a slow platform', async () => {
    const report = await build({
      journal: async () => ({ awaitingResolution: 1, oldestAt: minutesAgo(25 * 60) }),
      platform: async () => ({ url: 'https://x.invalid', reachable: true, latencyMs: 2400, detail: 'ok' }),
    });
    expect(statuses(report)).toMatchObject({ journal: 'fail', platform: 'warn' });
    expect(report.checks.journal.detail).toMatch(/call support/);
    expect(report.status).toBe('degraded');
  });

  it('says unknown for device reports never made or gone stale, and for probes that throw or hang', async () => {
    const report = await buildHealthReport(
      {
        ...healthy(),
        camera: async () => null,
        faceBackend: async () => ({ backend: 'wasm', msPerFrame: 30, reportedAt: minutesAgo(60) }),
        printer: async () => {
          throw new Error('CUPS not running');
        },
        operator: () => new Promise(() => {}),
      },
      identity,
      () => NOW,
      { ...DEFAULT_LIMITS, probeTimeoutMs: 50 },
    );
    expect(statuses(report)).toMatchObject({ camera: 'unknown', faceBackend: 'unknown', printer: 'unknown', operator: 'unknown' });
    expect(report.checks.printer.detail).toBe('CUPS not running');
    expect(report.checks.operator.detail).toBe('no answer in 50 ms');
    expect(report.status).toBe('degraded');
  });

  it('measures the disk with statfs', async () => {
    const disk = await diskSpace(tmpdir());
    expect(disk.totalBytes).toBeGreaterThan(0);
    expect(disk.freeBytes).toBeGreaterThan(0);
    expect(disk.freeBytes).toBeLessThanOrEqual(disk.totalBytes);
  });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
const get = (options: { host?: string; port: number; path?: string; method?: string; headers?: Record<string, string> }) =>
  new Promise<Answer>((resolve, reject) => {
    const req = request({ host: options.host ?? '127.0.0.1', port: options.port, path: options.path ?? '/health', method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('health endpoint', () => {
  let server: RunningHealthServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves the report as JSON on 127.0.0.1, with 503 when the terminal is down', async () => {
    let down = false;
    server = await startHealthServer({
      port: 0,
      cacheMs: 0,
      getReport: () => build(down ? { platform: async () => ({ url: 'x', reachable: false, latencyMs: null, detail: 'timeout' }) } : {}),
    });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/health`);
    const ok = await get({ port: server.port });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
    expect(JSON.parse(ok.body)).toMatchObject({ status: 'ok', terminalId: 'KIOSK-01', checks: { camera: { status: 'ok' } } });
    down = true;
    const unavailable = await get({ port: server.port });
    expect(unavailable.status).toBe(503);
    expect(JSON.parse(unavailable.body).status).toBe('down');
  });

  it('serves nothing else, and only GET', async () => {
    server = await startHealthServer({ port: 0, getReport: () => build() });
    expect((await get({ port: server.port, path: '/' })).status).toBe(404);
    expect((await get({ port: server.port, path: '/health/../etc' })).status).toBe(404);
    const post = await get({ port: server.port, method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('refuses a Host header that is not its own address (DNS rebinding)', async () => {
    server = await startHealthServer({ port: 0, getReport: () => build() });
    expect((await get({ port: server.port, headers: { host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await get({ port: server.port, headers: { host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('does not listen beyond loopback, and will not be told to', async () => {
    await expect(startHealthServer({ port: 0, host: '0.0.0.0' as '127.0.0.1', getReport: () => build() })).rejects.toThrow(/loopback only/);
    server = await startHealthServer({ port: 0, getReport: () => build() });
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(get({ host: external.address, port: server.port })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
  });

  it('reuses a report for a moment, and retries one that failed', async () => {
    let clock = 0;
    let calls = 0;
    let fail = true;
    server = await startHealthServer({
      port: 0,
      cacheMs: 2000,
      now: () => clock,
      getReport: async () => {
        calls++;
        if (fail) throw new Error('probe wiring broken');
        return build();
      },
    });
    const broken = await get({ port: server.port });
    expect(broken.status).toBe(500);
    expect(JSON.parse(broken.body).error).toMatch(/probe wiring broken/);
    fail = false;
    expect((await get({ port: server.port })).status).toBe(200);
    expect((await get({ port: server.port })).status).toBe(200);
    expect(calls).toBe(2);
    clock = 2500;
    await get({ port: server.port });
    expect(calls).toBe(3);
  });
});
