// `npm run dist:check`: proves the installers' configuration and packed layout offline.
//  1. electron-builder.yml against electron-builder's own schema, plus what the kiosk relies on
//     (asar, publish off, the fuses, the deb's scripts and systemd/autostart files).
//  2. electron-vite build, then an unpacked Linux build (`--linux --dir`) against a stand-in
//     Electron folder: the real binary cannot be downloaded here. Fuses are switched off for
//     this pack only, because @electron/fuses needs the real binary ("Could not find sentinel").
//  3. Lists app.asar and the extra resources and fails on anything the kiosk needs that is
//     missing: main, preload, renderer and its assets, runtime modules, models, wasm; and on any
//     sandbox code in it (DESIGN.md "Composition": a production package carries none; only a
//     FACESETTLE_DEMO_BUILD=1 build bundles it, and this check builds without that flag).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const yaml = require('js-yaml');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');

/** The models `modelsFor(KIOSK_HUMAN)` loads (renderer/face/humanConfig.ts), by file stem. */
const MODELS = ['blazeface', 'facemesh', 'iris', 'antispoof', 'liveness'];
/** tfjs picks one of these at run time by what the CPU and page allow (SIMD, threads). */
const WASM = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
/**
 * Strings only the sandbox's code holds (its health service name, its platform's table, its
 * demo secret and demo-only key): any of them in a packed script means sandbox code was bundled.
 */
const SANDBOX_MARKERS = ['facesettle-sandbox', 'platform_settlement', 'facesettle-demo-secret', 'DEMO_ONLY_SM2_KEY_PAIR', 'createFaceService'];
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

const problems = [];
const fail = (message) => problems.push(message);
const stopIfFailed = (stage) => {
  if (problems.length === 0) return;
  console.error(`dist:check failed (${stage}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
};

// ---- 1. configuration ----------------------------------------------------------------------
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
try {
  await validateConfiguration(config, { isEnabled: false, add() {} });
} catch (error) {
  fail(`electron-builder.yml is not valid: ${error.message}`);
}
stopIfFailed('schema');
if (config.asar !== true) fail('asar must be on');
if (config.publish !== null) fail('publish must be null (off); hospitals set their own channel at build time');
for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
  if (config.electronFuses?.[fuse] !== value) fail(`electronFuses.${fuse} must be ${value}`);
}
const linuxTargets = [config.linux?.target].flat();
if (!linuxTargets.includes('AppImage') || !linuxTargets.includes('deb')) fail('linux.target must include AppImage and deb');
if (config.win?.target !== 'nsis' || config.nsis?.perMachine !== true) fail('win must build a per-machine NSIS installer');

const executable = config.linux?.executableName ?? pkg.name;
const installDir = `/opt/${config.productName}`;
// electron-builder expands ${name} macros in the deb scripts and throws on unknown ones; render
// them the same way, then let bash parse the result.
for (const key of ['afterInstall', 'afterRemove']) {
  const file = config.deb?.[key];
  if (!file || !existsSync(path.join(root, file))) {
    fail(`deb.${key} must name an existing script (${file ?? 'unset'})`);
    continue;
  }
  const macros = { executable, sanitizedProductName: config.productName, productFilename: config.productName };
  let unknown = [];
  const rendered = readFileSync(path.join(root, file), 'utf8').replace(/\${([a-zA-Z]+)}/g, (match, name) => {
    if (name in macros) return macros[name];
    unknown.push(match);
    return match;
  });
  if (unknown.length > 0) fail(`${file}: electron-builder would reject the macro(s) ${unknown.join(', ')}`);
  const parse = spawnSync('bash', ['-n'], { input: rendered, encoding: 'utf8' });
  if (parse.status !== 0) fail(`${file} does not parse as bash: ${parse.stderr.trim()}`);
}
const fpmFiles = Object.fromEntries((config.deb?.fpm ?? []).map((mapping) => mapping.split('=')).map(([from, to]) => [to, from]));
const unitPath = '/usr/lib/systemd/user/facesettle-kiosk.service';
for (const [to, from] of Object.entries(fpmFiles)) {
  if (!existsSync(path.join(root, from))) fail(`deb.fpm maps ${from}, which does not exist`);
  else if (!to.startsWith('/')) fail(`deb.fpm destination ${to} must be absolute`);
}
if (!fpmFiles[unitPath]) fail(`the deb must install the kiosk's systemd user unit at ${unitPath}`);
else if (existsSync(path.join(root, fpmFiles[unitPath]))) {
  const unit = readFileSync(path.join(root, fpmFiles[unitPath]), 'utf8');
  if (!unit.includes(`ExecStart=${installDir}/${executable}\n`)) fail(`${fpmFiles[unitPath]} must start ${installDir}/${executable}`);
  if (!/^Restart=always$/m.test(unit)) fail(`${fpmFiles[unitPath]} must restart the kiosk whenever it exits`);
}
stopIfFailed('configuration');
console.log(`electron-builder.yml is valid: linux ${linuxTargets.join('+')}, win ${config.win.target} per machine, fuses set, deb runs ${unitPath}`);

// ---- 2. build and pack ---------------------------------------------------------------------
// `--no-build` packs the existing out/ (when the build just ran, e.g. in npm test's order).
const node = existsSync(path.join(root, 'node_modules', '.bin', 'node')) ? path.join(root, 'node_modules', '.bin', 'node') : process.execPath;
const built = process.argv.includes('--no-build')
  ? { status: 0 }
  : spawnSync(node, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      // The production build: a demo flag left in the shell must not slip the sandbox in.
      env: { ...process.env, FACESETTLE_DEMO_BUILD: '' },
    });
if (built.status !== 0) {
  console.error('dist:check failed: electron-vite build');
  process.exit(1);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'facesettle-dist-check-'));
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
// A stand-in for Electron's unpacked zip: the executable electron-builder renames, its version,
// Chromium's locales (electronLanguages prunes them) and resources/ (no empty default_app.asar:
// the packer reads every asar it finds there).
const standIn = path.join(work, 'electron-dist');
mkdirSync(path.join(standIn, 'resources'), { recursive: true });
mkdirSync(path.join(standIn, 'locales'));
for (const locale of ['en-US', 'zh-CN', 'fr', 'ja']) writeFileSync(path.join(standIn, 'locales', `${locale}.pak`), 'stand-in');
writeFileSync(path.join(standIn, 'electron'), '#!/bin/sh\necho "stand-in for Electron: dist:check only" >&2\nexit 1\n');
chmodSync(path.join(standIn, 'electron'), 0o755);
writeFileSync(path.join(standIn, 'version'), electronVersion);

const { build, Platform } = require('electron-builder');
const started = Date.now();
try {
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { electronDist: standIn, electronFuses: null, directories: { output: path.join(work, 'release') } },
  });
} catch (error) {
  rmSync(work, { recursive: true, force: true });
  console.error(`dist:check failed: packing against the stand-in Electron: ${error.message}`);
  process.exit(1);
}
const appDir = path.join(work, 'release', 'linux-unpacked');
const resources = path.join(appDir, 'resources');

// ---- 3. the packed layout ------------------------------------------------------------------
const { listPackage } = require('@electron/asar');
const asarPath = path.join(resources, 'app.asar');
const entries = existsSync(asarPath) ? new Set(listPackage(asarPath, { isPack: false }).map((e) => e.split(path.sep).join('/'))) : new Set();
if (entries.size === 0) fail('resources/app.asar is missing or empty');
const inAsar = (file) => entries.has(`/${file}`);
const readFromAsar = (file) => require('@electron/asar').extractFile(asarPath, file).toString('utf8');

for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']) {
  if (!inAsar(file)) fail(`app.asar lacks ${file}`);
}
if (inAsar('out/renderer/index.html')) {
  const html = readFromAsar('out/renderer/index.html');
  for (const [, ref] of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) {
    if (!inAsar(`out/renderer/${ref}`)) fail(`app.asar lacks out/renderer/${ref}, which index.html loads`);
  }
}
// What the bundles still require at run time must be packed as a production dependency.
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron']);
for (const bundle of ['out/main/index.js', 'out/preload/index.js']) {
  if (!inAsar(bundle)) continue;
  for (const [, spec] of readFromAsar(bundle).matchAll(/require\("([^"./][^"]*)"\)/g)) {
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!builtins.has(spec) && !builtins.has(name) && !inAsar(`node_modules/${name}/package.json`)) {
      fail(`${bundle} requires "${spec}", which is not in app.asar (is it a devDependency?)`);
    }
  }
}
// No sandbox in a production package: no file of it, and none of its code bundled into ours.
for (const entry of [...entries].filter((e) => /(^|\/)sandbox(\/|$)|embeddedSandbox/i.test(e) && !e.startsWith('/node_modules/'))) {
  fail(`app.asar carries sandbox code: ${entry} (only a FACESETTLE_DEMO_BUILD=1 build may)`);
}
const packedScripts = [...entries].filter((e) => e.startsWith('/out/') && /\.(c|m)?js$/.test(e)).map((e) => e.slice(1));
for (const script of packedScripts) {
  const text = readFromAsar(script);
  const found = SANDBOX_MARKERS.filter((marker) => text.includes(marker));
  if (found.length > 0) fail(`${script} bundles sandbox code (${found.join(', ')}): electron/ outside the launcher must not import sandbox/`);
}
for (const secretLike of [...entries].filter((e) => /(^|\/)(terminal\.json|\.env|secrets?\.[a-z]+)$/.test(e))) {
  fail(`app.asar must not carry configuration or secrets: ${secretLike}`);
}

const listDir = (dir) => (existsSync(dir) ? readdirSync(dir) : []);
const models = listDir(path.join(resources, 'models'));
for (const model of MODELS) {
  if (!models.includes(`${model}.json`)) {
    fail(`resources/models lacks ${model}.json`);
    continue;
  }
  const manifest = JSON.parse(readFileSync(path.join(resources, 'models', `${model}.json`), 'utf8'));
  for (const weights of (manifest.weightsManifest ?? []).flatMap((m) => m.paths)) {
    if (!models.includes(weights)) fail(`resources/models lacks ${weights} (weights of ${model})`);
  }
}
const wasm = listDir(path.join(resources, 'wasm'));
for (const file of WASM) if (!wasm.includes(file)) fail(`resources/wasm lacks ${file}`);
if (!existsSync(path.join(appDir, executable))) fail(`the unpacked app lacks its executable ${executable}`);
// The deb's postinst runs this script from the installed app: it must be there, executable.
const linuxFiles = listDir(path.join(resources, 'linux'));
const kioskUser = path.join(resources, 'linux', 'facesettle-kiosk-user');
if (!existsSync(kioskUser)) fail('resources/linux lacks facesettle-kiosk-user, which the deb\'s postinst runs');
else if ((statSync(kioskUser).mode & 0o111) === 0) fail('resources/linux/facesettle-kiosk-user is not executable');
const locales = listDir(path.join(appDir, 'locales')).sort();
if (locales.join() !== 'en-US.pak,zh-CN.pak') fail(`locales should be en-US and zh-CN only, found ${locales.join(', ')}`);

const seconds = ((Date.now() - started) / 1000).toFixed(1);
rmSync(work, { recursive: true, force: true });
stopIfFailed('packed layout');
const appFiles = [...entries].filter((e) => e.startsWith('/out/')).length;
const modules = new Set([...entries].filter((e) => e.startsWith('/node_modules/')).map((e) => e.split('/')[2])).size;
console.log(`packed linux-unpacked in ${seconds} s against a stand-in Electron ${electronVersion} (fuses skipped: they need the real binary)`);
console.log(`app.asar: ${entries.size} entries: out/main/index.js, out/preload/index.js, out/renderer/index.html and ${appFiles} files under out/, ${modules} runtime modules`);
console.log(`no sandbox code: ${packedScripts.length} packed scripts free of ${SANDBOX_MARKERS.join(', ')}`);
console.log(`resources/models: ${models.length} files (${MODELS.join(', ')}); resources/wasm: ${wasm.join(', ')}; resources/linux: ${linuxFiles.join(', ')}`);
console.log('dist:check passed');
