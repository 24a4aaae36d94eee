import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import type { KioskCore } from '../../electron/core/startCore';
import { startKiosk } from '../../electron/launcher/kiosk';
import { SANDBOX_DEFAULTS } from '../../shared/config/terminalConfig';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';

/**
 * Issue 14's "done when": Debian's Prometheus scrapes a running kiosk host (the real core with
 * its embedded sandbox, no renderer) through the shipped scrape config and bearer token, and
 * its HTTP API returns the settlement this test made. .ci/run installs the binary.
 */
const PROMETHEUS = process.env.PROMETHEUS_PATH ?? '/usr/bin/prometheus';
const ROOT = path.resolve(__dirname, '..', '..');
const haveBinary = existsSync(PROMETHEUS);
if (!haveBinary) console.warn(`${PROMETHEUS} absent (apt-get install prometheus; .ci/run does): the real-Prometheus scrape test is skipped`);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * build/prometheus.yml as a fleet would use it, with this test's token file, a 1 s interval,
 * this kiosk as the only target, and a second job holding a wrong token.
 */
function scrapeConfig(target: string, tokenFile: string, wrongTokenFile: string): string {
  const shipped = readFileSync(path.join(ROOT, 'build', 'prometheus.yml'), 'utf8');
  const job = shipped
    .replace(/scrape_interval: \d+s/, 'scrape_interval: 1s')
    .replace(/scrape_timeout: \d+s/, 'scrape_timeout: 1s')
    .replace('/etc/prometheus/facesettle-metrics-token', tokenFile)
    .replace(/ {4}static_configs:\n(?: {6}.*\n| {8}.*\n| {10}.*\n)+/, `    static_configs:\n      - targets: ['${target}']\n`);
  if (!job.includes(tokenFile) || !job.includes(target)) throw new Error('build/prometheus.yml no longer has the shape this test adapts');
  return `${job}\n  - job_name: wrong-token\n    metrics_path: /metrics\n    authorization:\n      credentials_file: ${wrongTokenFile}\n    static_configs:\n      - targets: ['${target}']\n`;
}

(haveBinary ? describe : describe.skip)('a real Prometheus scraping a kiosk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-prometheus-'));
  let core: KioskCore | undefined;
  let prometheus: ChildProcess | undefined;
  let api = '';
  const stderr: string[] = [];
  const call = (method: string, payload: unknown) => dispatch(core!.handlers, method, payload, { warn: () => undefined }) as Promise<any>;

  /** One instant query's samples as [labels, value]. */
  const query = async (promql: string) => {
    const response = await fetch(`${api}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as { status: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    if (body.status !== 'success') throw new Error(`query ${promql}: ${JSON.stringify(body)}`);
    return body.data.result.map((r) => [r.metric, Number(r.value[1])] as const);
  };
  const until = async <T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> => {
    const deadline = Date.now() + ms;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read().catch(() => undefined);
      if (last !== undefined && ok(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${what}: not seen in ${ms} ms (last ${JSON.stringify(last)}; prometheus said ${stderr.join('').slice(-2000)})`);
  };

  beforeAll(async () => {
    const token = randomBytes(24).toString('hex');
    const tokenFile = path.join(dir, 'token');
    const wrongTokenFile = path.join(dir, 'wrong-token');
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
    writeFileSync(wrongTokenFile, randomBytes(24).toString('hex'), { mode: 0o600 });
    // The kiosk takes its token from the configuration's file, as a deployment would; the
    // e-voucher channel is left out so the sandbox does not load face models it would not use.
    const configFile = path.join(dir, 'terminal.json');
    const config = { ...SANDBOX_DEFAULTS, evoucher: { url: 'http://127.0.0.1:9/' }, monitoring: { bind: '127.0.0.1', tokenFile } };
    writeFileSync(configFile, JSON.stringify(config));
    core = await startKiosk({
      configFile,
      configRequired: true,
      platformUrlOverride: undefined,
      healthPort: 0,
      dataDir: path.join(dir, 'kiosk'),
      shell: 'browser-bridge',
      version: 'prometheus-e2e',
      raiseStaffCall: () => undefined,
      log: () => undefined,
    });
    const target = new URL(core.healthUrl!).host;
    const promConfig = path.join(dir, 'prometheus.yml');
    writeFileSync(promConfig, scrapeConfig(target, tokenFile, wrongTokenFile));
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      PROMETHEUS,
      [`--config.file=${promConfig}`, `--storage.tsdb.path=${path.join(dir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    prometheus.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    await until('Prometheus ready', async () => (await fetch(`${api}/-/ready`)).status, (status) => status === 200);
  }, 120_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      clearTimeout(timer);
      if (prometheus.exitCode === null) prometheus.kill('SIGKILL');
    }
    await core?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('scrapes the kiosk with the token, and is refused without the right one', async () => {
    const targets = await until(
      'both targets scraped',
      async () => {
        const body = (await (await fetch(`${api}/api/v1/targets`)).json()) as {
          data: { activeTargets: Array<{ labels: { job: string }; health: string; lastError: string }> };
        };
        return body.data.activeTargets;
      },
      (active) => active.length === 2 && active.every((t) => t.health !== 'unknown'),
    );
    const byJob = Object.fromEntries(targets.map((t) => [t.labels.job, t]));
    expect(byJob.facesettle).toMatchObject({ health: 'up', lastError: '' });
    expect(byJob['wrong-token']).toMatchObject({ health: 'down', lastError: expect.stringContaining('401') });
  }, 60_000);

  it("counts the settlement this test made, under the kiosk's terminal and mode", async () => {
    const before = await until('the first scrape', () => query('facesettle_settlements_total{job="facesettle",outcome="settled"}'), (r) => r.length === 1);
    expect(before[0]![1]).toBe(0);

    const person = DEMO_PERSONS[0]!;
    const identified = await call('identifyByCard', { cardNo: person.cardNo, cardSn: person.cardSn });
    expect(identified.ok).toBe(true);
    const slots = (await call('listRegistrationSlots', {})).value as Array<{ slotId: number; remaining: number }>;
    const quote = await call('prepareRegistration', { personRef: identified.value.personRef, slotId: slots.find((s) => s.remaining > 0)!.slotId });
    expect(quote.ok).toBe(true);
    expect(await call('confirmSettlement', { quoteId: quote.value.quoteId })).toMatchObject({ ok: true, value: { status: 'settled' } });

    const settled = await until('the settlement in Prometheus', () => query('facesettle_settlements_total{job="facesettle",outcome="settled"}'), (r) => r[0]?.[1] === 1);
    expect(settled[0]![0]).toMatchObject({ terminal: SANDBOX_DEFAULTS.terminal.id, mode: SANDBOX_DEFAULTS.terminal.mode, outcome: 'settled' });
    expect(await query('facesettle_identifications_total{job="facesettle",way="card",outcome="identified"}')).toEqual([[expect.anything(), 1]]);
    // The registration's platform calls were timed by transaction: its settling 2207 answered once.
    expect(await query('facesettle_platform_call_duration_seconds_count{job="facesettle",infno="2207"}')).toEqual([[expect.objectContaining({ result: 'answered' }), 1]]);
    const answered = await query('sum(facesettle_platform_call_duration_seconds_count{job="facesettle",result="answered"})');
    expect(answered[0]![1]).toBeGreaterThanOrEqual(4);
    expect(await query('facesettle_platform_up{job="facesettle"}')).toEqual([[expect.anything(), 1]]);
    expect(await query('facesettle_journal_unresolved{job="facesettle"}')).toEqual([[expect.anything(), 0]]);
    expect((await query('process_resident_memory_bytes{job="facesettle"}'))[0]![1]).toBeGreaterThan(0);
  }, 60_000);
});
