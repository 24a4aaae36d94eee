import path from 'node:path';
import * as electron from 'electron';
import { bootstrap } from './bootstrap';
import { runSecretCommandIfAsked } from './secrets/secretEntry';

// The entry stays this thin so everything it wires is tested against a mocked electron.
const io = {
  input: process.stdin,
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};
if (!runSecretCommandIfAsked(electron, process.argv, process.env, io)) {
  const started = bootstrap(electron, process.env, path.join(__dirname, '../preload/index.js'));
  started?.catch((error: unknown) => {
    console.error(`[main] start failed: ${error instanceof Error ? error.message : String(error)}`);
    electron.app.exit(1);
  });
}
