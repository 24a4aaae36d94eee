import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { regionPlatform } from './cliRegion';
import { SANDBOX_SERVER_DEFAULTS, startSandbox } from './index';
import { DEFAULT_TIF_WINDOW_SECONDS } from './platform/tif';

/** The default data folder, relative to where the command runs (git ignores `.data/`). */
export const DEFAULT_DATA_DIR = '.data/sandbox';

const USAGE = `npm run sandbox -- [--port ${SANDBOX_SERVER_DEFAULTS.cliPort}] [--host ${SANDBOX_SERVER_DEFAULTS.host}] [--data ${DEFAULT_DATA_DIR}]
                      [--paasid ${SANDBOX_SERVER_DEFAULTS.paasId}] [--secret ${SANDBOX_SERVER_DEFAULTS.secret}]
                      [--profile tif|csb|oauth-sm] [--config <terminal.json>]
                      [--tif-window ${DEFAULT_TIF_WINDOW_SECONDS}] [--wording-seed <n>]
                      [--no-face] [--no-his] [--quiet]
  env: SANDBOX_TIF_WINDOW_SECONDS, SANDBOX_WORDING_SEED (the flags win)`;

/** A whole-number option from its flag or, failing that, its environment variable. */
function wholeNumber(name: string, flag: string | undefined, envName: string, min = Number.MIN_SAFE_INTEGER): number | undefined {
  const text = flag ?? process.env[envName];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`--${name} (or ${envName}) must be a whole number${min > Number.MIN_SAFE_INTEGER ? ` ≥ ${min}` : ''}, not ${text}`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(SANDBOX_SERVER_DEFAULTS.cliPort) },
      host: { type: 'string', default: SANDBOX_SERVER_DEFAULTS.host },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      // No defaults: a --config file's paasId and window apply unless these are given.
      paasid: { type: 'string' },
      secret: { type: 'string' },
      profile: { type: 'string' },
      config: { type: 'string' },
      'tif-window': { type: 'string' },
      'wording-seed': { type: 'string' },
      'no-face': { type: 'boolean', default: false },
      'no-his': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0-65535, not ${values.port}`);
  const region = regionPlatform({ profile: values.profile, config: values.config });
  const tifWindowSeconds = wholeNumber('tif-window', values['tif-window'], 'SANDBOX_TIF_WINDOW_SECONDS', 1);
  const sandbox = await startSandbox({
    host: values.host,
    port,
    dataDir: resolve(values.data),
    ...region?.options,
    ...(values.paasid !== undefined ? { paasId: values.paasid } : {}),
    ...(values.secret !== undefined ? { secret: values.secret } : {}),
    ...(tifWindowSeconds !== undefined ? { tifWindowSeconds } : {}),
    wordingSeed: wholeNumber('wording-seed', values['wording-seed'], 'SANDBOX_WORDING_SEED'),
    parts: { face: !values['no-face'], his: !values['no-his'] },
    log: values.quiet ? () => {} : (line) => console.log(line),
  });
  // The one line scripts wait for (the benchmark reads the port from it).
  console.log(`sandbox listening on ${sandbox.url} (data ${resolve(values.data)}; face ${sandbox.parts.face ? 'on' : 'off'}, his ${sandbox.parts.his ? 'on' : 'off'})`);
  // The seed repeats a run's refusal wordings; the window bounds when a late request still counts.
  console.log(`platform: freshness window ${sandbox.tifWindowSeconds} s, wording seed ${sandbox.wordingSeed}`);
  const layout = sandbox.gateway.endpoint === 'per-transaction' ? 'a path per transaction' : 'one endpoint';
  console.log(`gateway: ${sandbox.gateway.profile ?? 'tif'}, ${layout}; paasId ${sandbox.paasId} (demo credentials${region?.profile === 'oauth-sm' ? ', demo-only SM2 key in sandbox/demoKeys.ts' : ''})`);
  const stop = () => {
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
