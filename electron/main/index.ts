import path from 'node:path';
import * as electron from 'electron';
import { bootstrap } from './bootstrap';

// The entry stays this thin so everything it wires is tested against a mocked electron.
const started = bootstrap(electron, process.env, path.join(__dirname, '../preload/index.js'));
started?.catch((error: unknown) => {
  console.error(`[main] start failed: ${error instanceof Error ? error.message : String(error)}`);
  electron.app.exit(1);
});
