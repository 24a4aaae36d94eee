import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { register as globalRegistry } from 'prom-client';
import { startHealthServer, type RunningHealthServer } from '../../../electron/core/health/healthServer';
import type { HealthReport } from '../../../electron/core/health/healthReport';
import { createKioskPrometheus, exportedSeriesNames, type KioskPrometheus } from '../../../electron/core/metrics/prometheus';
import { monitoringSettings } from '../../../electron/core/metrics/prometheusConfig';
import { ObservedMetricsStore, withIdentificationMetrics } from '../../../electron/core/metrics/prometheusFeed';
import { KioskError } from '../../../shared/result';
import { stubHandlers } from '../support/stubHandlers';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The exposition's samples (text format 0.0.4), labels unescaped enough for enum values. */
function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}
const valueOf = (all: Sample[], name: string, labels: Record<string, string> = {}) =>
  all.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).map((s) => s.value);

const small = (mode: 'cashier' | 'registration' = 'cashier') => createKioskPrometheus({ terminalId: 'KIOSK-07', mode, version: '1.2.3', processMetrics: false });
const scrape = async (prometheus: KioskPrometheus) => samples((await prometheus.exposition()).body);

describe('the kiosk registry', () => {
  it('counts metric events under the terminal and counter mode, known outcomes from 0', async () => {
    const prometheus = small();
    expect(valueOf(await scrape(prometheus), 'facesettle_settlements_total', { outcome: 'settled' })).toEqual([0]);
    prometheus.observe({ type: 'settlement', outcome: 'settled' });
    prometheus.observe({ type: 'settlement', outcome: 'settled' });
    prometheus.observe({ type: 'settlement', outcome: 'unknown' });
    prometheus.observe({ type: 'liveness-failed', reason: 'face-jump' });
    prometheus.observe({ type: 'step-time', step: 'settle', ms: 1500 });
    prometheus.observe({ type: 'step-time', step: 'settle', ms: 700 });
    const all = await scrape(prometheus);
    expect(valueOf(all, 'facesettle_settlements_total', { terminal: 'KIOSK-07', mode: 'cashier', outcome: 'settled' })).toEqual([2]);
    expect(valueOf(all, 'facesettle_settlements_total', { outcome: 'unknown' })).toEqual([1]);
    expect(valueOf(all, 'facesettle_liveness_failures_total', { reason: 'face-jump' })).toEqual([1]);
    expect(valueOf(all, 'facesettle_liveness_failures_total', { reason: 'timeout' })).toEqual([0]);
    expect(valueOf(all, 'facesettle_step_duration_seconds_count', { step: 'settle' })).toEqual([2]);
    expect(valueOf(all, 'facesettle_step_duration_seconds_sum', { step: 'settle' })).toEqual([2.2]);
    expect(valueOf(all, 'facesettle_step_duration_seconds_bucket', { step: 'settle', le: '1' })).toEqual([1]);
    expect(valueOf(all, 'facesettle_build_info', { version: '1.2.3', mode: 'cashier' })).toEqual([1]);
  });

  it('reads the journal and the platform when scraped, and times the probe even when it fails', async () => {
    const prometheus = small();
    let journal = { unresolved: 0, needStaff: 0, hisOwed: 0 };
    let reachable = true;
    prometheus.readAtScrape({
      journal: () => journal,
      platform: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (!reachable) throw new Error('ECONNREFUSED');
        return { url: 'http://p', reachable: true, latencyMs: 20, detail: 'ok' };
      },
    });
    let all = await scrape(prometheus);
    expect(valueOf(all, 'facesettle_journal_unresolved')).toEqual([0]);
    expect(valueOf(all, 'facesettle_platform_up')).toEqual([1]);
    journal = { unresolved: 3, needStaff: 1, hisOwed: 2 };
    reachable = false;
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the probe's reuse window
    all = await scrape(prometheus);
    expect(valueOf(all, 'facesettle_journal_unresolved')).toEqual([3]);
    expect(valueOf(all, 'facesettle_journal_need_staff')).toEqual([1]);
    expect(valueOf(all, 'facesettle_journal_his_owed')).toEqual([2]);
    expect(valueOf(all, 'facesettle_platform_up')).toEqual([0]);
    expect(valueOf(all, 'facesettle_platform_probe_duration_seconds')[0]).toBeGreaterThanOrEqual(0.015);
  });

  it('keeps platform calls by transaction and result, and stays off the global registry', async () => {
    const prometheus = small();
    prometheus.platformCall({ infno: '2207', seconds: 0.3, result: 'answered' });
    prometheus.platformCall({ infno: '2207', seconds: 12, result: 'unknown' });
    const all = await scrape(prometheus);
    expect(valueOf(all, 'facesettle_platform_call_duration_seconds_count', { infno: '2207', result: 'answered' })).toEqual([1]);
    expect(valueOf(all, 'facesettle_platform_call_duration_seconds_bucket', { infno: '2207', result: 'unknown', le: '10' })).toEqual([0]);
    expect(globalRegistry.getMetricsAsArray().filter((m) => m.name.startsWith('facesettle_'))).toEqual([]);
  });

  it('exports process metrics from its own registry', async () => {
    const prometheus = createKioskPrometheus({ terminalId: 'KIOSK-07', mode: 'pharmacy', version: 'x' });
    const names = exportedSeriesNames(prometheus.registry);
    expect(names).toContain('process_cpu_seconds_total');
    expect(names).toContain('facesettle_step_duration_seconds_bucket');
    expect(valueOf(await scrape(prometheus), 'process_resident_memory_bytes')[0]).toBeGreaterThan(0);
  });
});

describe('feeding the registry', () => {
  it('counts what the day-metrics store records, and nothing it refuses', async () => {
    const prometheus = small();
    const db = new DatabaseSync(path.join(mkdtempSync(path.join(tmpdir(), 'facesettle-prom-')), 'kiosk.db'));
    const store = new ObservedMetricsStore(prometheus, db, { terminalId: 'KIOSK-07' });
    expect(store.record({ type: 'settlement', outcome: 'cancelled' })).toEqual({ ok: true });
    expect(store.record({ type: 'settlement', outcome: 'maybe' }).ok).toBe(false);
    expect(store.record({ type: 'settlement', outcome: 'settled', name: '欧阳明' }).ok).toBe(false);
    expect(store.summary(store.today()).settlements.cancelled).toBe(1);
    const all = await scrape(prometheus);
    expect(valueOf(all, 'facesettle_settlements_total', { outcome: 'cancelled' })).toEqual([1]);
    expect(valueOf(all, 'facesettle_settlements_total', { outcome: 'settled' })).toEqual([0]);
    db.close();
  });

  it('counts identify calls by way and outcome, errors by their code, and passes answers through', async () => {
    const prometheus = small();
    const handlers = withIdentificationMetrics(
      stubHandlers({
        identifyByFace: async () => ({ status: 'retry', reason: 'no-face' }),
        identifyByCard: async () => {
          throw new KioskError('PERSON_NOT_FOUND', 'no such card', { next: 'other-id' });
        },
      }),
      prometheus,
    );
    expect(await handlers.identifyByFace({ photo: 'x' })).toEqual({ status: 'retry', reason: 'no-face' });
    await expect(handlers.identifyByCard({ cardNo: 'A1', cardSn: 'x' })).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
    await expect(handlers.getAppInfo({})).rejects.toMatchObject({ code: 'NOT_AVAILABLE' });
    const all = await scrape(prometheus);
    expect(valueOf(all, 'facesettle_identifications_total', { way: 'face', outcome: 'retry' })).toEqual([1]);
    expect(valueOf(all, 'facesettle_identifications_total', { way: 'card', outcome: 'person-not-found' })).toEqual([1]);
    expect(valueOf(all, 'facesettle_identifications_total')).toHaveLength(2);
  });
});

describe('monitoring settings', () => {
  const tokenFile = (content: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'facesettle-token-')), 'token');
    writeFileSync(file, content, { mode: 0o600 });
    return file;
  };

  it('is loopback without a token by default', () => {
    expect(monitoringSettings(undefined, {})).toEqual({ settings: { host: '127.0.0.1' } });
  });

  it('takes the token from a file, the environment over it', () => {
    const file = tokenFile('0123456789abcdef0123\n');
    expect(monitoringSettings({ bind: '0.0.0.0', tokenFile: file }, {})).toEqual({ settings: { host: '0.0.0.0', token: '0123456789abcdef0123' } });
    expect(monitoringSettings({ tokenFile: file }, { FACESETTLE_METRICS_TOKEN: 'from-the-environment-1', FACESETTLE_HEALTH_BIND: '::' })).toEqual({
      settings: { host: '::', token: 'from-the-environment-1' },
    });
  });

  it('refuses a network address without a token, a short token, a name for an address and a missing file', () => {
    expect(monitoringSettings({ bind: '0.0.0.0' }, {})).toEqual({ problems: [expect.stringMatching(/binding 0\.0\.0\.0 needs a bearer token/)] });
    expect(monitoringSettings(undefined, { FACESETTLE_METRICS_TOKEN: 'short' })).toEqual({ problems: [expect.stringMatching(/at least 16 characters/)] });
    expect(monitoringSettings(undefined, { FACESETTLE_HEALTH_BIND: 'kiosk.local' })).toEqual({ problems: [expect.stringMatching(/must be an IP address/)] });
    expect(monitoringSettings({ tokenFile: '/nonexistent/facesettle-token' }, {})).toEqual({ problems: [expect.stringMatching(/cannot read \/nonexistent/)] });
  });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
const get = (port: number, pathname: string, headers: Record<string, string> = {}) =>
  new Promise<Answer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('/metrics on the health server', () => {
  const report = async () => ({ status: 'ok' }) as HealthReport;
  const TOKEN = 'a-test-token-of-some-length';
  let server: RunningHealthServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves the exposition on loopback without a token, under the same Host rule as /health', async () => {
    const prometheus = small();
    server = await startHealthServer({ port: 0, getReport: report, getMetrics: () => prometheus.exposition() });
    expect(server.metricsUrl).toBe(`http://127.0.0.1:${server.port}/metrics`);
    const answer = await get(server.port, '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(answer.body).toContain('# TYPE facesettle_settlements_total counter');
    expect((await get(server.port, '/metrics', { host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it('answers 401 to a missing or wrong bearer token on every path, and serves the right one by any Host', async () => {
    const prometheus = small();
    server = await startHealthServer({ port: 0, host: '0.0.0.0', token: TOKEN, getReport: report, getMetrics: () => prometheus.exposition() });
    const refused: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong-token-of-some-length' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }];
    for (const headers of refused) {
      for (const pathname of ['/metrics', '/health', '/elsewhere']) {
        const answer = await get(server.port, pathname, headers);
        expect({ pathname, headers, status: answer.status }).toEqual({ pathname, headers, status: 401 });
        expect(answer.headers['www-authenticate']).toBe('Bearer realm="facesettle"');
      }
    }
    const fleet = { authorization: `Bearer ${TOKEN}`, host: `kiosk-07.hospital.example:${server.port}` };
    const metrics = await get(server.port, '/metrics', fleet);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('facesettle_build_info');
    expect((await get(server.port, '/health', fleet)).status).toBe(200);
    expect((await get(server.port, '/elsewhere', fleet)).status).toBe(404);
  });

  it('will not listen beyond loopback without a token', async () => {
    await expect(startHealthServer({ port: 0, host: '0.0.0.0', getReport: report })).rejects.toThrow(/loopback only without a bearer token/);
  });
});
