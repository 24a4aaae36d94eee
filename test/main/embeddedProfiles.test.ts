import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import type { KioskCore } from '../../electron/core/startCore';
import { startKiosk } from '../../electron/launcher/kiosk';
import { ConfigError } from '../../electron/core/terminalConfigFile';
import { sm2PublicKeyHex } from '../../electron/settlement/nhsa/gateways/smCrypto';
import { startSandbox } from '../../sandbox';
import { regionPlatform } from '../../sandbox/cliRegion';
import { DEMO_ONLY_SM2_KEY_PAIR } from '../../sandbox/demoKeys';
import { embeddedPlatformProblems } from '../../sandbox/embedded';
import { SANDBOX_DEFAULTS } from '../../shared/config/terminalConfig';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { EXTRA_PATHS } from './settlement/gatewaySupport';

/**
 * A kiosk configured for each gateway profile against the embedded sandbox settles: the sandbox
 * runs the region's profile with its demo credentials. A TIF door refuses a request without
 * x-tif headers, a CSB one without _api_ headers, an OAuth one without a bearer token (and an
 * unsealed input), so a settlement going through under the profile's own signing is the proof.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-profiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REGIONS: Record<string, Record<string, unknown>> = {
  tif: { profile: 'tif', amounts: 'number' },
  csb: {
    profile: 'csb',
    csb: { apiVersion: '1.0.0', apiName: 'fsi.callService', apiNames: { '2207': 'hsa.fsi.outpatientSettle' }, timestampUnit: 'ms' },
    endpoint: { style: 'per-transaction', paths: EXTRA_PATHS },
  },
  'oauth-sm': { profile: 'oauth-sm', amounts: 'number' },
};

function configFile(name: string, region: Record<string, unknown>): string {
  const file = path.join(dir, `${name}.json`);
  // The face service (and its model warm-up) is not needed to settle a card-identified patient.
  writeFileSync(file, JSON.stringify({ region, evoucher: { url: 'http://127.0.0.1:9' } }));
  return file;
}

const coreOptions = (name: string, configFile: string, platformUrlOverride?: string) => ({
  configFile,
  configRequired: true,
  platformUrlOverride,
  healthPort: null,
  dataDir: mkdtempSync(path.join(dir, `${name}-`)),
  shell: 'browser-bridge' as const,
  version: 'test',
  raiseStaffCall: () => undefined,
  log: () => undefined,
});

/** A registration paid through the kiosk API, as the renderer would. */
async function settleRegistration(core: KioskCore) {
  const call = (method: string, payload: unknown) => dispatch(core.handlers, method, payload, { warn: () => undefined }) as Promise<any>;
  const person = DEMO_PERSONS[0]!;
  const identified = await call('identifyByCard', { cardNo: person.cardNo, cardSn: person.cardSn });
  expect(identified).toMatchObject({ ok: true });
  const slot = ((await call('listRegistrationSlots', {})).value as Array<{ slotId: number; remaining: number }>).find((s) => s.remaining > 0)!;
  const quote = await call('prepareRegistration', { personRef: identified.value.personRef, slotId: slot.slotId });
  expect(quote).toMatchObject({ ok: true });
  return call('confirmSettlement', { quoteId: quote.value.quoteId });
}

describe.each(Object.keys(REGIONS))('a kiosk configured %s', (name) => {
  it('settles against the embedded sandbox, which runs that profile', async () => {
    const core = await startKiosk(coreOptions(name, configFile(name, REGIONS[name]!)));
    try {
      expect(core.config.region.profile).toBe(name);
      expect(await settleRegistration(core)).toMatchObject({ ok: true, value: { status: 'settled', receipt: { kind: 'settlement' } } });
    } finally {
      await core.close();
    }
  }, 60_000);

  it('settles against a sandbox started apart for its terminal.json (npm run sandbox -- --config)', async () => {
    const file = configFile(`${name}-apart`, REGIONS[name]!);
    const region = regionPlatform({ config: file });
    expect(region?.profile).toBe(name);
    const sandbox = await startSandbox({ dataDir: mkdtempSync(path.join(dir, `${name}-sandbox-`)), log: () => undefined, parts: { face: false, his: true }, ...region!.options });
    const core = await startKiosk(coreOptions(`${name}-apart`, file, sandbox.url));
    try {
      expect(await settleRegistration(core)).toMatchObject({ ok: true, value: { status: 'settled' } });
    } finally {
      await core.close();
      await sandbox.close();
    }
  }, 60_000);
});

describe('what the embedded sandbox cannot be', () => {
  it('refuses at start-up a single endpoint at another path, naming the field', async () => {
    const file = configFile('custom-path', { profile: 'tif', endpoint: { style: 'single', path: '/api/other' } });
    await expect(startKiosk(coreOptions('custom-path', file))).rejects.toThrow(ConfigError);
    await expect(startKiosk(coreOptions('custom-path', file))).rejects.toThrow(/region\.endpoint\.path: the embedded sandbox serves the single endpoint/);
  });

  it('names the runtime when its crypto has no SM3/SM4 (Electron), for oauth-sm with encryption only', () => {
    const oauth = { ...SANDBOX_DEFAULTS, region: { ...SANDBOX_DEFAULTS.region, profile: 'oauth-sm' as const } };
    expect(embeddedPlatformProblems(oauth, false)).toEqual([expect.stringMatching(/^region\.profile: .*BoringSSL/)]);
    expect(embeddedPlatformProblems(oauth, true)).toEqual([]);
    expect(embeddedPlatformProblems({ ...oauth, region: { ...oauth.region, oauth: { ...oauth.region.oauth, encrypt: false } } }, false)).toEqual([]);
  });

  it('keeps a demo SM2 pair whose public key is its private key’s, and refuses an unknown --profile', () => {
    expect(sm2PublicKeyHex(DEMO_ONLY_SM2_KEY_PAIR.privateKeyHex)).toBe(DEMO_ONLY_SM2_KEY_PAIR.publicKeyHex);
    expect(() => regionPlatform({ profile: 'soap' })).toThrow(/--profile must be one of tif, csb, oauth-sm/);
    expect(regionPlatform({ profile: 'csb' })?.options.gateway).toMatchObject({ profile: 'csb', timestampUnit: 's' });
    expect(regionPlatform({})).toBeUndefined();
  });
});
