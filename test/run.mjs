// `npm test`: the static checks, the build the end-to-end tests drive, then every jest project,
// closing with the one line CI reads: `N passed, N failed[, N skipped]`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
// Node 24 from the `node` devDependency, even when this script was started by an older node.
const node = existsSync(bin('node')) ? bin('node') : process.execPath;
const run = (label, cmd, args) => {
  console.log(`\n> ${label}`);
  const child = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return child.status === 0;
};

const jestArgs = process.argv.slice(2);
const staticSteps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', node, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn']],
  // Electron security scan (issue 14): the built bundle and the sources, offline, against build/electronegativity-allow.json.
  ['security scan', node, [path.join(root, 'test', 'tools', 'securityScan.mjs'), 'out', 'electron']],
];
for (const [label, cmd, args] of process.env.FACESETTLE_SKIP_STATIC ? [] : staticSteps) {
  if (!run(label, cmd, args)) {
    console.log(`\n${label} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const resultsFile = path.join(root, 'test', 'artifacts', 'jest-results.json');
mkdirSync(path.dirname(resultsFile), { recursive: true });
rmSync(resultsFile, { force: true });
// --forceExit: a handle a test forgot (a keep-alive socket, a server) must fail as a leak in its
// own test, not hang CI after every test has passed.
const ok = run('jest', node, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--forceExit', '--json', `--outputFile=${resultsFile}`, ...jestArgs]);

let results;
try {
  results = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  console.log('\njest wrote no results');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
// A suite that fails to load has no failed test but is a failure all the same.
const brokenSuites = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
const passed = results.numPassedTests;
const failed = results.numFailedTests + brokenSuites;
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 ? 0 : 1);
