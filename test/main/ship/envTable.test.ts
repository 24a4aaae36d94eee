import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * README's "Environment variables and ports" promises every variable the kiosk, its launcher and
 * its tests read. This reads the code for them and fails on one the table does not name, so a new
 * variable lands with its row (issue 14: "every environment variable and port in one README table").
 */
const ROOT = path.resolve(__dirname, '../../..');
/** The product, as the brief names it, and what builds and tests it. */
const SCANNED = ['electron', 'sandbox', 'shared', 'renderer', 'test', 'build', 'electron.vite.config.ts'];
const SKIPPED = new Set(['node_modules', 'artifacts', 'out']);

function codeFiles(at: string): string[] {
  const full = path.join(ROOT, at);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (statSync(full).isFile()) return /\.(ts|tsx|js|mjs|cjs)$/.test(at) ? [full] : [];
  return readdirSync(full).flatMap((name) => (SKIPPED.has(name) ? [] : codeFiles(path.join(at, name))));
}

/**
 * Reads of the environment: `process.env.X`, `process.env['X']`, and the same on an `env` handed
 * down (the launcher and the secret commands take `env` as a parameter); and a quoted
 * FACESETTLE_/SANDBOX_ name, which is how a name kept in a constant is read (`env[MONITORING_ENV.token]`).
 */
const READS = [
  /\benv\??\.([A-Z][A-Z0-9_]+)\b/g,
  /\benv\[\s*['"`]([A-Z][A-Z0-9_]+)['"`]\s*\]/g,
  /['"`]((?:FACESETTLE|SANDBOX)_[A-Z0-9_]+)['"`]/g,
];

/** Quoted names that look like variables and are not, with why. */
const NOT_VARIABLES: Record<string, string> = {
  SANDBOX_JS_CHECK: 'an electronegativity check id (test/main/ship/securityScan.test.ts)',
};

function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of SCANNED.flatMap(codeFiles)) {
    if (file === __filename) continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of READS) {
      for (const match of text.matchAll(pattern)) {
        const name = match[1]!;
        if (!found.has(name) && !(name in NOT_VARIABLES)) found.set(name, path.relative(ROOT, file));
      }
    }
  }
  return found;
}

/** The first column's names in README's environment table. */
function documented(): Set<string> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = /### Environment variables and ports\n([\s\S]*?)\n\| port \|/.exec(readme)?.[1];
  if (!section) throw new Error('README.md has no "Environment variables and ports" table before its port table');
  const firstColumns = section.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split('|')[1]!);
  return new Set(firstColumns.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)));
}

describe('README environment table', () => {
  it('names every environment variable the code reads', () => {
    const read = variablesRead();
    // The scan sees the launcher's and the monitoring's reads, so a broken pattern cannot pass by finding none.
    expect([...read.keys()]).toEqual(expect.arrayContaining(['FACESETTLE_CONFIG', 'FACESETTLE_HEALTH_BIND', 'FACESETTLE_METRICS_TOKEN', 'FACESETTLE_SEED']));
    const table = documented();
    const missing = [...read].filter(([name]) => !table.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });
});
