import path from 'node:path';
import * as electron from 'electron';
import { bootstrap, type LaunchHooks } from './bootstrap';
import { runSecretCommandIfAsked } from './secrets/secretEntry';

/** electron.vite.config.ts: true only in a demo build (FACESETTLE_DEMO_BUILD=1); a production bundle drops the branch below. */
declare const __FACESETTLE_DEMO_BUILD__: boolean;

// The entry stays this thin so everything it wires is tested against a mocked electron.
const io = {
  input: process.stdin,
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};
// A demo build starts the sandbox itself, through the launcher's demo wiring; a production one
// carries none of it, and `npm start` starts it outside Electron (electron/launcher/start.ts).
const launch: LaunchHooks = __FACESETTLE_DEMO_BUILD__
  ? {
      startEmbedded: async (loaded, dataDir) => {
        const demo = await import('../launcher/embeddedSandbox');
        return demo.namesEmbedded(loaded.config) ? demo.startEmbeddedSandbox(loaded.config, loaded.source, dataDir) : undefined;
      },
    }
  : {};
if (!runSecretCommandIfAsked(electron, process.argv, process.env, io)) {
  const started = bootstrap(electron, process.env, path.join(__dirname, '../preload/index.js'), launch);
  started?.catch((error: unknown) => {
    console.error(`[main] start failed: ${error instanceof Error ? error.message : String(error)}`);
    electron.app.exit(1);
  });
}
