import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedServicesFromEnv } from '../../electron/core/embeddedServices';
import { sandboxServicesAt } from '../../electron/launcher/embeddedSandbox';
import { SANDBOX_DEFAULTS } from '../../shared/config/terminalConfig';

/**
 * DESIGN.md "Composition": only the launcher (electron/launcher/) knows the sandbox exists. The
 * lint rule is what keeps it so; this proves the rule bites, and that no product file slipped by.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const IMPORTS_SANDBOX = "import { startSandbox } from '../../sandbox';\nimport { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';\nexport const x = [startSandbox, DEMO_PERSONS];\n";
const FILES = ['electron/core/startCore.ts', 'electron/settlement/engine.ts', 'electron/core/handlers/app.ts', 'electron/bridge/host.ts', 'electron/main/bootstrap.ts', 'electron/main/index.ts', 'electron/launcher/embeddedSandbox.ts'];

/** ESLint's verdict on that text as each file, in one child process (its flat config is ESM, which jest's VM will not load). */
const verdicts: Record<string, string[]> = (() => {
  const script = `
    import { ESLint } from 'eslint';
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = {};
    for (const file of JSON.parse(process.argv[1])) {
      const [result] = await eslint.lintText(${JSON.stringify(IMPORTS_SANDBOX)}, { filePath: file });
      out[file] = result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
    }
    process.stdout.write(JSON.stringify(out));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(FILES)], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (child.status !== 0) throw new Error(`eslint: ${child.stderr}`);
  return JSON.parse(child.stdout) as Record<string, string[]>;
})();

it.each(FILES.filter((file) => !file.startsWith('electron/launcher/')))('lint refuses a sandbox import in %s', (file) => {
  expect(verdicts[file]).toEqual([expect.stringMatching(/sandbox/), expect.stringMatching(/sandbox/)]);
});

it('lint lets the launcher start the sandbox', () => {
  expect(verdicts['electron/launcher/embeddedSandbox.ts']).toEqual([]);
});

it('no product file outside the launcher imports sandbox/', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && /from '(\.\.\/)+sandbox[/']|import\('(\.\.\/)+sandbox[/']/.test(readFileSync(full, 'utf8'))) offenders.push(path.relative(ROOT, full));
    }
  };
  for (const top of ['electron', 'renderer', 'shared']) walk(path.join(ROOT, top));
  expect(offenders.filter((file) => !file.startsWith(`electron${path.sep}launcher${path.sep}`))).toEqual([]);
});

describe('what the launcher hands the Electron process', () => {
  it('reaches the core intact through the environment, demo enrolment included', () => {
    const services = sandboxServicesAt('http://127.0.0.1:4567', SANDBOX_DEFAULTS);
    expect(embeddedServicesFromEnv(JSON.stringify(services))).toEqual(services);
    expect(services.enrolment?.persons[0]).toEqual({ psnNo: expect.any(String), maskedName: expect.stringContaining('*') });
    expect(services.staffCallUrl.startsWith('http://127.0.0.1:4567/')).toBe(true);
  });

  it('is refused when malformed, rather than starting as a production kiosk would', () => {
    expect(embeddedServicesFromEnv(undefined)).toBeUndefined();
    expect(() => embeddedServicesFromEnv('{')).toThrow(/FACESETTLE_EMBEDDED_SERVICES is not JSON/);
    expect(() => embeddedServicesFromEnv(JSON.stringify({ url: 'file:///etc/passwd', platformSecret: 'x', staffCallUrl: 'http://a/', staffCallSecret: 'y' }))).toThrow(/url/);
  });
});
