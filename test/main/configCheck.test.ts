import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { placeholderProblems, signInProblems } from '../../shared/config/readiness';
import { checkTerminalConfig, type TerminalConfig } from '../../shared/config/terminalConfig';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'build', 'terminal.example.json');
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, any>;
const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-config-check-'));

const configCheck = (file: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron', 'launcher', 'checkConfig.ts'), file], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });

/** The example as a hospital's IT would fill it in: issued codes, real URLs, hashed PINs. */
function filledIn(): Record<string, any> {
  const file = example();
  file.institution = { code: 'H42120200017', name: '咸宁市中心医院' };
  file.region.oauth.clientId = 'xnzxyy0000000001';
  file.platform = { url: 'https://fsi.hbyb.gov.cn', paasId: 'xnzxyy-kiosk' };
  file.his.url = 'https://his.xnzxyy.local/kiosk-bridge';
  file.evoucher.url = 'https://ec.hbyb.gov.cn';
  file.operators[0].name = '收费员张';
  file.operators[0].pinHash = `s1:${'ab'.repeat(32)}`;
  file.admin.pinHash = `s2:${'cd'.repeat(32)}`;
  return file;
}

const valid = (input: unknown): TerminalConfig => {
  const check = checkTerminalConfig(input);
  if (!check.ok) throw new Error(check.problems.join('\n'));
  return check.config;
};

describe('npm run config:check', () => {
  it('lists each placeholder of build/terminal.example.json, one line each, and fails', async () => {
    const run = await configCheck(EXAMPLE);
    expect(run.code).toBe(1);
    const fields = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('  - '))
      .map((line) => line.slice(4).split(':')[0]);
    expect(fields).toEqual([
      'institution.code',
      'region.oauth.clientId',
      'platform.url',
      'platform.paasId',
      'his.url',
      'evoucher.url',
      'operators.0.name',
      'operators.0.pinHash',
      'admin.pinHash',
    ]);
    // A PIN's hash is named, never printed.
    expect(run.stderr).not.toContain('0000000000000000');
  }, 30_000);

  it('passes the example once it is filled in, and names what a sign-in would refuse', async () => {
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(filledIn()));
    const ok = await configCheck(good);
    expect({ code: ok.code, stderr: ok.stderr }).toEqual({ code: 0, stderr: '' });
    expect(ok.stdout).toContain('is valid: 咸宁市中心医院 (H42120200017)');

    const elsewhere = filledIn();
    elsewhere.institution.code = 'H44010600003';
    const bad = path.join(dir, 'elsewhere.json');
    writeFileSync(bad, JSON.stringify(elsewhere));
    const refused = await configCheck(bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('  - institution.code: H44010600003 is registered in division 440106, outside region.areaCode 421200');
  }, 30_000);

  it('accepts a file that still has face.knowledgeCheckAboveFen, with a warning naming region.passwordFreeCap', async () => {
    // As written before the cap existed: no region.passwordFreeCap, the face step's own amount.
    const old = filledIn();
    delete old.region.passwordFreeCap;
    old.face = { ...old.face, knowledgeCheckAboveFen: 30_000 };
    const file = path.join(dir, 'knowledge-check.json');
    writeFileSync(file, JSON.stringify(old));
    const run = await configCheck(file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is valid');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^warning: face\.knowledgeCheckAboveFen is replaced by region\.passwordFreeCap .*"passwordFreeCap": \{"perTransactionFen":30000,"perDayFen":100000\}/),
    ]);
  }, 30_000);

  it('warns when a file for a real gateway writes no password-free cap; null (the region has none) is a choice', async () => {
    const without = filledIn();
    delete without.region.passwordFreeCap;
    const file = path.join(dir, 'no-cap.json');
    writeFileSync(file, JSON.stringify(without));
    const run = await configCheck(file);
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toMatch(/^warning: region\.passwordFreeCap: not written, .*or null if the region has none$/);
    without.region.passwordFreeCap = null;
    writeFileSync(file, JSON.stringify(without));
    expect(await configCheck(file)).toMatchObject({ code: 0, stderr: '' });
  }, 30_000);
});

describe('what a sign-in would refuse', () => {
  const config = () => valid(filledIn());

  it('finds nothing in a filled-in file, nor in the sandbox (the embedded platform knows its demo)', () => {
    expect(signInProblems(config())).toEqual([]);
    expect(signInProblems(valid({}))).toEqual([]);
  });

  it('an institution of another city, unless the pooling area is the province', () => {
    const c = config();
    expect(signInProblems({ ...c, institution: { ...c.institution, code: 'H42010200001' } })).toHaveLength(1);
    expect(signInProblems({ ...c, region: { ...c.region, areaCode: '420000' }, institution: { ...c.institution, code: 'H42010200001' } })).toEqual([]);
  });

  it('a division code of no province, an interface version of no known shape, the demo hospital', () => {
    const c = config();
    expect(signInProblems({ ...c, region: { ...c.region, areaCode: '991200' } }).map((p) => p.split(':')[0])).toEqual(['region.areaCode', 'institution.code']);
    for (const infver of ['V1.0', '1.0.0', 'V2.1']) expect(signInProblems({ ...c, region: { ...c.region, infver } })).toEqual([]);
    for (const infver of ['v1', 'latest', '1']) expect(signInProblems({ ...c, region: { ...c.region, infver } }).map((p) => p.split(':')[0])).toEqual(['region.infver']);
    expect(signInProblems({ ...c, institution: { ...c.institution, code: 'H42120200001' } })).toHaveLength(1);
  });

  it('placeholders are found wherever they are, and real values are not', () => {
    expect(placeholderProblems(filledIn())).toEqual([]);
    expect(placeholderProblems({ a: [{ b: 'CHANGEME' }], c: '<paas id>', d: 'xxx', e: 'https://x.example/' }).map((p) => p.split(':')[0])).toEqual(['a.0.b', 'c', 'd', 'e']);
  });
});
