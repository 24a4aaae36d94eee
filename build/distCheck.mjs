// `npm run dist:check`: validates electron-builder.yml against electron-builder's own schema,
// offline. Packing against a stand-in Electron comes with the installer work.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const yaml = require('js-yaml');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');

const file = path.join(root, 'electron-builder.yml');
const config = yaml.load(readFileSync(file, 'utf8'));
try {
  await validateConfiguration(config, { isEnabled: false, add() {} });
} catch (error) {
  console.error(`electron-builder.yml is not valid:\n${error.message}`);
  process.exit(1);
}
const missing = ['files', 'extraResources', 'electronFuses'].filter((key) => !(key in config));
if (missing.length > 0 || config.publish !== null || config.asar !== true) {
  console.error(`electron-builder.yml: expected asar on, publish off and ${missing.join(', ') || 'all keys'} present`);
  process.exit(1);
}
console.log(`electron-builder.yml is valid (${Object.keys(config).length} keys, targets: linux ${config.linux.target.join('+')}, win ${config.win.target})`);
