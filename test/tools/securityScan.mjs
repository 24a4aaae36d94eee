// Doyensec's electronegativity over the app, offline, failing on any finding the checked-in
// allow-list (build/electronegativity-allow.json) does not explain with a reason.
//   node test/tools/securityScan.mjs [--json] <dir> [<dir> …]     (npm test scans electron/ and out/)
// Offline: its AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK fetches Electron's release list from GitHub,
// so it is excluded, and its translations are loaded from the package, never fetched (the
// runner asks an S3 bucket for them on every start).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const enRoot = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const enRequire = createRequire(path.join(enRoot, 'package.json'));

export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
export const ALLOW_LIST = path.join(root, 'build', 'electronegativity-allow.json');

function offlineRunner() {
  const i18nFile = path.join(enRoot, 'dist', 'locales', 'i18n.js');
  const i18n = enRequire('i18n');
  const local = async () => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: path.dirname(i18nFile), updateFiles: false, objectNotation: true, register: globalThis });
    i18n.setLocale('en-US');
  };
  enRequire.cache[i18nFile] = { id: i18nFile, filename: i18nFile, loaded: true, exports: Object.assign(local, { default: local }) };
  const runner = enRequire(path.join(enRoot, 'dist', 'runner.js'));
  return runner.default ?? runner;
}

/** Every finding in `dir`, as `{ id, file, line, column, severity, confidence, description }`; `file` relative to the root. */
export async function scan(dir) {
  const run = offlineRunner();
  const electronVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron;
  const input = path.resolve(root, dir);
  const result = await run({ input, excludeFromScan: EXCLUDED_CHECKS, electronVersionOverride: electronVersion, isRelative: false });
  return {
    checks: { global: result.globalChecks, atomic: result.atomicChecks },
    errors: result.errors.map((e) => ({ file: path.relative(root, e.file), message: e.message })),
    findings: result.issues.map((i) => ({
      id: i.id,
      // Global checks have no file ("N/A"): they are about the app as a whole.
      file: i.file === 'N/A' ? 'N/A' : path.relative(root, i.file),
      line: i.location.line,
      column: i.location.column,
      severity: i.severity.name,
      confidence: i.confidence.name,
      description: i.description,
    })),
  };
}

/** The allow-list: each entry an `id`, a `file` (root-relative, or N/A for a global check) and a `reason`. */
export function readAllowList(file = ALLOW_LIST) {
  return JSON.parse(readFileSync(file, 'utf8')).allow;
}

export const allows = (entry, finding) => entry.id === finding.id && entry.file === finding.file;

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dirs = args.filter((a) => a !== '--json');
  if (dirs.length === 0) {
    console.error('usage: node test/tools/securityScan.mjs [--json] <dir> [<dir> …]');
    process.exit(2);
  }
  const allow = readAllowList();
  const results = [];
  for (const dir of dirs) results.push({ dir, ...(await scan(dir)) });
  const findings = results.flatMap((r) => r.findings);
  const unexplained = findings.filter((f) => !allow.some((entry) => allows(entry, f)));
  if (json) {
    console.log(JSON.stringify({ excluded: EXCLUDED_CHECKS, results, unexplained }));
  } else {
    for (const r of results) console.log(`electronegativity ${r.dir}: ${r.checks.global + r.checks.atomic} checks, ${r.findings.length} findings, ${r.errors.length} files not parsed`);
    for (const f of findings) console.log(`  ${unexplained.includes(f) ? 'UNEXPLAINED' : 'allowed    '} ${f.id} ${f.file}:${f.line}:${f.column} (${f.severity}, ${f.confidence})`);
  }
  if (unexplained.length > 0) {
    if (!json) console.log(`${unexplained.length} finding(s) not in build/electronegativity-allow.json: fix them, or add each with a reason`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
