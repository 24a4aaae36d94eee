import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { monitoringSettings } from '../../electron/core/metrics/prometheusConfig';
import type { KioskCore } from '../../electron/core/startCore';
import { startKiosk } from '../../electron/launcher/kiosk';
import { runSecretCommand, secretCommand, secretKindOf, type SecretInput } from '../../electron/main/secrets/secretCli';
import { metricsTokenLoader } from '../../electron/main/secrets/secretEntry';
import { createSecretStore } from '../../electron/main/secrets/secretStore';
import { fakeSafeStorage } from './support/secrets';

/**
 * The health server's bearer token can be kept like the staff-call secret: encrypted by the app's
 * safeStorage, set with `facesettle --set-metrics-token`, for the configured terminal id.
 * FACESETTLE_METRICS_TOKEN wins over it, and it wins over `monitoring.tokenFile`.
 */
const TERMINAL = 'KIOSK-01';
const STORED = 'stored-token-0123456789abcdef';

const safeStorage = fakeSafeStorage();

const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-metrics-token-'));
const storeIn = (where: string) => () => createSecretStore({ safeStorage, dir: where, platform: 'linux', kind: 'metrics' });
const store = storeIn(dir);

async function run(command: 'set' | 'check', value = ''): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const input = new PassThrough();
  input.end(`${value}\n`);
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const code = await runSecretCommand(command, { store: store(), paasId: TERMINAL, kind: 'metrics', input: input as unknown as SecretInput, ...io });
  return { code, lines };
}

it('is chosen by --set-metrics-token / --check-metrics-token', () => {
  expect([secretCommand(['x', '--set-metrics-token']), secretKindOf(['x', '--set-metrics-token'])]).toEqual(['set', 'metrics']);
  expect([secretCommand(['x', '--check-metrics-token']), secretKindOf(['x', '--check-metrics-token'])]).toEqual(['check', 'metrics']);
  expect(secretKindOf(['x', '--set-staff-call-secret'])).toBe('staff-call');
});

it('is stored encrypted for the terminal id, refuses a token too short to be one, and is checked', async () => {
  const short = await run('set', 'tooshort');
  expect(short.code).toBe(2);
  expect(short.lines.pop()).toMatch(/at least 16 characters.*nothing changed/);
  expect(await store().exists()).toBe(false);

  const set = await run('set', STORED);
  expect(set.code).toBe(0);
  expect(set.lines.pop()).toBe(`metrics token for terminal.id "${TERMINAL}" saved, encrypted, to ${path.join(dir, 'metrics-token.bin')}`);
  expect(set.lines.join('\n')).not.toContain(STORED);
  expect(await run('check')).toEqual({ code: 0, lines: [`the metrics token for terminal.id "${TERMINAL}" is set and readable (${path.join(dir, 'metrics-token.bin')})`] });
});

it('is read by the loader unless the environment sets one; none stored is no token, not an error', async () => {
  expect(await metricsTokenLoader(store, {})(TERMINAL)).toBe(STORED);
  // The environment wins without the store being read, so an unreadable store cannot stop that start.
  const unreadable = () => ({ exists: async () => true, load: async () => Promise.reject(new Error('must not be read')) });
  expect(await metricsTokenLoader(unreadable, { FACESETTLE_METRICS_TOKEN: 'from-the-environment-1' })(TERMINAL)).toBeUndefined();
  expect(await metricsTokenLoader(storeIn(mkdtempSync(path.join(tmpdir(), 'facesettle-metrics-none-'))), {})(TERMINAL)).toBeUndefined();
  await expect(metricsTokenLoader(store, {})('KIOSK-02')).rejects.toThrow(
    `the stored secret was set for terminal.id "${TERMINAL}" but the configuration says "KIOSK-02"; set the secret again`,
  );
});

it('ranks the environment over the store over monitoring.tokenFile', () => {
  const file = path.join(dir, 'token-file');
  writeFileSync(file, 'from-the-token-file-0123\n');
  const section = { bind: '0.0.0.0', tokenFile: file };
  const tokenOf = (env: Record<string, string>, stored?: string) => {
    const resolved = monitoringSettings(section, env, undefined, stored);
    return 'settings' in resolved ? resolved.settings.token : resolved.problems;
  };
  expect(tokenOf({ FACESETTLE_METRICS_TOKEN: 'from-the-environment-1' }, STORED)).toBe('from-the-environment-1');
  expect(tokenOf({}, STORED)).toBe(STORED);
  expect(tokenOf({ FACESETTLE_METRICS_TOKEN: '' }, STORED)).toBe(STORED);
  expect(tokenOf({})).toBe('from-the-token-file-0123');
  // A stored token is held to the same rule as the others.
  expect(tokenOf({}, 'short')).toEqual([expect.stringMatching(/at least 16 characters/)]);
});

describe('a kiosk whose token is in the store', () => {
  let kiosk: KioskCore | undefined;
  afterAll(() => kiosk?.close());

  it('asks every /metrics and /health request for it', async () => {
    // This process's environment must not set one: it would win over the store.
    expect(process.env.FACESETTLE_METRICS_TOKEN).toBeUndefined();
    kiosk = await startKiosk({
      configFile: undefined,
      configRequired: false,
      platformUrlOverride: undefined,
      loadMetricsToken: metricsTokenLoader(store, {}),
      healthPort: 0,
      dataDir: mkdtempSync(path.join(dir, 'data-')),
      shell: 'browser-bridge',
      version: 'test',
      raiseStaffCall: () => undefined,
      log: () => undefined,
    });
    const base = kiosk.healthUrl!.replace(/\/health$/, '');
    for (const pathname of ['/metrics', '/health']) {
      expect((await fetch(`${base}${pathname}`)).status).toBe(401);
      expect((await fetch(`${base}${pathname}`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    }
    const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${STORED}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('facesettle_build_info');
  }, 60_000);
});
