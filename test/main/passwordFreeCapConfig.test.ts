import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadTerminalConfig } from '../../electron/core/terminalConfigFile';
import { checkTerminalConfig, SANDBOX_DEFAULTS, SUGGESTED_PASSWORD_FREE_CAP } from '../../shared/config/terminalConfig';

/**
 * One amount setting (issues 13 and 15): `region.passwordFreeCap` decides both the face step's
 * ID-digit check and the check at payment; the older `face.knowledgeCheckAboveFen` is still read,
 * with a warning, so an upgraded kiosk starts.
 */
const check = (input: unknown) => {
  const result = checkTerminalConfig(input);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result;
};
const REPLACED = 'face.knowledgeCheckAboveFen is replaced by region.passwordFreeCap';

describe('the password-free cap', () => {
  it('is the demo’s on the sandbox, and no default for a real gateway: a file for one that names none runs without a cap', () => {
    // The demo shows the cap's line and its check as a region with a cap would (npm start).
    expect(SANDBOX_DEFAULTS.region.passwordFreeCap).toEqual(SUGGESTED_PASSWORD_FREE_CAP);
    expect(check({ region: { areaCode: '421200' } }).config.region.passwordFreeCap).toEqual(SUGGESTED_PASSWORD_FREE_CAP);
    const gateway = { platform: { url: 'https://fsi.example.cn/', paasId: 'hospital-paas' }, terminal: { id: 'KIOSK-07', name: '自助终端07', mode: 'registration', slot: '07' } };
    const none = check({ ...gateway, region: { areaCode: '421200' } });
    expect(none.config.region).not.toHaveProperty('passwordFreeCap');
    expect(none.warnings).toEqual([]);
    const own = { perTransactionFen: 20_000, perDayFen: 60_000 };
    expect(check({ ...gateway, region: { passwordFreeCap: own } }).config.region.passwordFreeCap).toEqual(own);
    expect(check({ ...gateway, region: { passwordFreeCap: null } }).config.region.passwordFreeCap).toBeNull();
  });

  it('is the region’s when written, and null says the region has none', () => {
    const own = { perTransactionFen: 20_000, perDayFen: 60_000 };
    expect(check({ region: { passwordFreeCap: own } }).config.region.passwordFreeCap).toEqual(own);
    expect(check({ region: { passwordFreeCap: null } }).config.region.passwordFreeCap).toBeNull();
  });

  it('the face section no longer takes an amount of its own', () => {
    expect(SANDBOX_DEFAULTS.face).toEqual({ policy: 'active-always', maxAttempts: 3 });
  });
});

describe('a file that still has face.knowledgeCheckAboveFen', () => {
  it('is read as the cap per transaction, with the suggested day (never below it), and says so', () => {
    const small = check({ face: { policy: 'passive-only', maxAttempts: 3, knowledgeCheckAboveFen: 30_000 } });
    expect(small.config.region.passwordFreeCap).toEqual({ perTransactionFen: 30_000, perDayFen: 100_000 });
    expect(small.config.face).toEqual({ policy: 'passive-only', maxAttempts: 3 });
    expect(small.warnings).toHaveLength(1);
    expect(small.warnings[0]).toContain(REPLACED);
    expect(small.warnings[0]).toContain('"passwordFreeCap": {"perTransactionFen":30000,"perDayFen":100000}');
    expect(small.warnings[0]).toContain('¥300.00 a payment, ¥1000.00 a day per person');

    const large = check({ face: { knowledgeCheckAboveFen: 200_000 } });
    expect(large.config.region.passwordFreeCap).toEqual({ perTransactionFen: 200_000, perDayFen: 200_000 });
  });

  it('null (no amount check) is read as no cap', () => {
    const none = check({ face: { knowledgeCheckAboveFen: null } });
    expect(none.config.region.passwordFreeCap).toBeNull();
    expect(none.warnings[0]).toContain('no cap');
  });

  it('beside a cap of the region’s own: the region’s is used and the old one named as ignored', () => {
    const own = { perTransactionFen: 10_000, perDayFen: 40_000 };
    const both = check({ region: { areaCode: '421200', passwordFreeCap: own }, face: { knowledgeCheckAboveFen: 50_000 } });
    expect(both.config.region).toMatchObject({ areaCode: '421200', passwordFreeCap: own });
    expect(both.warnings).toEqual([expect.stringContaining(`${REPLACED}`)]);
    expect(both.warnings[0]).toContain('ignored');
  });

  it('of the wrong kind, is a problem naming the field and where the cap goes now', () => {
    const wrong = checkTerminalConfig({ face: { knowledgeCheckAboveFen: '500' } });
    expect(wrong).toEqual({ ok: false, problems: [expect.stringMatching(/^face\.knowledgeCheckAboveFen: .*region\.passwordFreeCap/)] });
  });

  it('loads with the warning kept for the start-up log; a file without it carries none', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-cap-config-'));
    const old = path.join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ face: { policy: 'active-always', maxAttempts: 3, knowledgeCheckAboveFen: 50_000 } }));
    const loaded = loadTerminalConfig(old);
    expect(loaded.config.region.passwordFreeCap).toEqual(SUGGESTED_PASSWORD_FREE_CAP);
    expect(loaded.warnings).toEqual([expect.stringContaining(REPLACED)]);
    const current = path.join(dir, 'current.json');
    writeFileSync(current, JSON.stringify({ face: { policy: 'active-always', maxAttempts: 3 } }));
    expect(loadTerminalConfig(current)).not.toHaveProperty('warnings');
  });
});
