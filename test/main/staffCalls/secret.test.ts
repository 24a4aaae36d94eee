import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch } from '../../../electron/core/dispatch';
import type { KioskCore } from '../../../electron/core/startCore';
import { startKiosk } from '../../../electron/launcher/kiosk';
import { secretCommand, secretKindOf } from '../../../electron/main/secrets/secretCli';
import { staffCallSecretLoader } from '../../../electron/main/secrets/secretEntry';
import { createSecretStore } from '../../../electron/main/secrets/secretStore';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { STAFF_CALLS_PATH } from '../../../sandbox/staffCalls/routes';
import { fakeSafeStorage, setSecretByCommand } from '../support/secrets';

/**
 * The staff-call webhook's signing secret is kept like the platform's: encrypted by the app's
 * safeStorage, set with `facesettle --set-staff-call-secret`, for the configured webhook URL;
 * FACESETTLE_STAFF_CALL_SECRET overrides it.
 */
const SECRET = 'staff-call-secret-do-not-leak';

const safeStorage = fakeSafeStorage();

const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-staffcall-secret-'));
const store = () => createSecretStore({ safeStorage, dir, platform: 'linux', kind: 'staff-call' });

async function setSecret(webhookUrl: string, value: string): Promise<string[]> {
  const { code, lines } = await setSecretByCommand({ store: store(), paasId: webhookUrl, kind: 'staff-call' }, value);
  expect(code).toBe(0);
  return lines;
}

it('is chosen by --set-staff-call-secret / --check-staff-call-secret', () => {
  expect([secretCommand(['x', '--set-staff-call-secret']), secretKindOf(['x', '--set-staff-call-secret'])]).toEqual(['set', 'staff-call']);
  expect([secretCommand(['x', '--check-staff-call-secret']), secretKindOf(['x', '--check-staff-call-secret'])]).toEqual(['check', 'staff-call']);
  expect(secretKindOf(['x', '--set-his-secret'])).toBe('his');
});

it('is stored encrypted for the webhook URL, beside the platform secret; the environment overrides it', async () => {
  const url = 'https://paging.example-hospital.cn/facesettle';
  const lines = await setSecret(url, SECRET);
  expect(lines.pop()).toBe(`staff-call webhook secret for staffCall.webhookUrl "${url}" saved, encrypted, to ${path.join(dir, 'staff-call-credentials.bin')}`);
  expect(lines.join('\n')).not.toContain(SECRET);
  await expect(createSecretStore({ safeStorage, dir, platform: 'linux' }).load('facesettle-demo')).rejects.toThrow(/no platform secret is set/);

  expect(await staffCallSecretLoader(store, {})(url)).toBe(SECRET);
  expect(await staffCallSecretLoader(store, { FACESETTLE_STAFF_CALL_SECRET: 'from-the-environment' })(url)).toBe('from-the-environment');
  // An empty variable is no override (a service file's `FACESETTLE_STAFF_CALL_SECRET=`).
  expect(await staffCallSecretLoader(store, { FACESETTLE_STAFF_CALL_SECRET: '' })(url)).toBe(SECRET);
  await expect(staffCallSecretLoader(store, {})('https://other.example/hook')).rejects.toThrow(
    `the stored secret was set for staffCall.webhookUrl "${url}" but the configuration says "https://other.example/hook"; set the secret again`,
  );
  const empty = mkdtempSync(path.join(tmpdir(), 'facesettle-staffcall-none-'));
  const none = () => createSecretStore({ safeStorage, dir: empty, platform: 'linux', kind: 'staff-call' });
  await expect(staffCallSecretLoader(none, {})(url)).rejects.toThrow('facesettle --set-staff-call-secret');
});

describe('a kiosk whose staff calls go to a hospital webhook', () => {
  let receiver: RunningSandbox;
  let kiosk: KioskCore | undefined;
  beforeAll(async () => {
    receiver = await startSandbox({ parts: { face: false, his: false }, log: () => undefined, staffCallSecret: SECRET });
  });
  afterAll(async () => {
    await kiosk?.close();
    await receiver.close();
  });

  const configFor = (webhookUrl: string) => {
    const file = path.join(dir, `terminal-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ evoucher: { url: 'http://127.0.0.1:9' }, staffCall: { webhookUrl } }));
    return file;
  };
  const start = (webhookUrl: string, env: { FACESETTLE_STAFF_CALL_SECRET?: string }, secrets = store) =>
    startKiosk({
      configFile: configFor(webhookUrl),
      configRequired: true,
      platformUrlOverride: undefined,
      loadStaffCallSecret: staffCallSecretLoader(secrets, env),
      healthPort: null,
      dataDir: mkdtempSync(path.join(dir, 'data-')),
      shell: 'browser-bridge',
      version: 'test',
      raiseStaffCall: () => undefined,
      log: () => undefined,
    });

  it('signs with the stored secret, which the receiver accepts', async () => {
    const webhookUrl = `${receiver.url}${STAFF_CALLS_PATH}`;
    await setSecret(webhookUrl, SECRET);
    kiosk = await start(webhookUrl, {});
    const answer = (await dispatch(kiosk.handlers, 'callStaff', { reason: 'help', screen: 'home' }, { warn: () => undefined })) as { ok: true; value: { ticket: string; delivered: boolean } };
    expect(answer).toMatchObject({ ok: true, value: { delivered: true } });
    const open = ((await (await fetch(webhookUrl)).json()) as { calls: Array<{ ticket: string }> }).calls;
    expect(open.map((c) => c.ticket)).toContain(answer.value.ticket);
    await kiosk.close();
    kiosk = undefined;
  }, 60_000);

  it('does not start without a secret for its webhook, and says how to set one', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'facesettle-staffcall-unset-'));
    const unset = () => createSecretStore({ safeStorage, dir: empty, platform: 'linux', kind: 'staff-call' });
    await expect(start('https://nowhere.example/hook', {}, unset)).rejects.toThrow(/staffCall: no staff-call webhook secret is set .*facesettle --set-staff-call-secret/);
  }, 60_000);
});
