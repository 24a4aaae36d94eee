import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The Electron security scan npm test runs (test/tools/securityScan.mjs, Doyensec's
 * electronegativity): offline, clean on the app's sources but for the explained findings, and
 * able to see a real misconfiguration.
 */
const ROOT = path.join(__dirname, '..', '..', '..');
const ALLOW = JSON.parse(readFileSync(path.join(ROOT, 'build', 'electronegativity-allow.json'), 'utf8')) as { allow: { id: string; file: string; reason: string }[] };

interface Finding {
  id: string;
  file: string;
  line: number;
}
interface ScanOutput {
  excluded: string[];
  results: { dir: string; checks: { global: number; atomic: number }; errors: unknown[]; findings: Finding[] }[];
  unexplained: Finding[];
}

const scan = (dir: string) =>
  new Promise<{ code: number; out: ScanOutput; stderr: string }>((resolve, reject) => {
    const args = ['--require', path.join(ROOT, 'test', 'support', 'noNetwork.js'), path.join(ROOT, 'test', 'tools', 'securityScan.mjs'), '--json', dir];
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve({ code: error ? Number(error.code) : 0, out: JSON.parse(stdout) as ScanOutput, stderr });
      } catch (parseError) {
        reject(new Error(`scan printed no JSON (${String(parseError)}): ${stderr}`));
      }
    });
  });

describe('electronegativity over the app', () => {
  it('finds nothing in electron/ that the allow-list does not explain, without touching the network', async () => {
    const { code, out, stderr } = await scan('electron');
    expect(stderr).not.toContain('NETWORK ATTEMPT');
    // Only the check that fetches Electron's release list from GitHub is left out.
    expect(out.excluded).toEqual(['AvailableSecurityFixesGlobalCheck']);
    const [result] = out.results;
    expect(result!.checks.global + result!.checks.atomic).toBeGreaterThanOrEqual(40);
    expect(result!.errors).toEqual([]);
    expect(out.unexplained).toEqual([]);
    expect(code).toBe(0);
    // No stale entry: each explains a finding the scan makes, and says why.
    for (const entry of ALLOW.allow) {
      expect(result!.findings.some((f) => f.id === entry.id && f.file === entry.file)).toBe(true);
      expect(entry.reason.length).toBeGreaterThan(60);
    }
  }, 60_000);

  it('fails on a window that turns the isolation off, naming each problem', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-insecure-'));
    writeFileSync(
      path.join(dir, 'window.ts'),
      [
        "import { BrowserWindow, shell } from 'electron';",
        'const win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, webSecurity: false } });',
        "void win.loadURL('http://example.com/');",
        'void shell.openExternal(String(process.argv[2]));',
      ].join('\n'),
    );
    const { code, out } = await scan(dir);
    expect(code).toBe(1);
    const ids = new Set(out.unexplained.map((f) => f.id));
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']) expect(ids).toContain(id);
  }, 60_000);
});
