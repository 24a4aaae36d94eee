import path from 'node:path';
import type { KioskHandlers } from '../../shared/ipc/contract';
import { EMBEDDED_PLATFORM, type TerminalConfig } from '../../shared/config/terminalConfig';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { createHandlers, type CoreDeps } from './handlers';
import { loadTerminalConfig } from './terminalConfigFile';

export interface CoreOptions {
  /** FACESETTLE_CONFIG, or the per-OS default location (see README). */
  configFile: string | undefined;
  configRequired: boolean;
  /** FACESETTLE_PLATFORM_URL: an already running platform (the launcher's sandbox). */
  platformUrlOverride: string | undefined;
  /** Where the embedded sandbox keeps its state. */
  dataDir: string;
  shell: CoreDeps['shell'];
  version: string;
  raiseStaffCall: CoreDeps['raiseStaffCall'];
  log: (line: string) => void;
}

export interface KioskCore {
  config: TerminalConfig;
  configSource: string;
  platformUrl: string;
  handlers: KioskHandlers;
  close(): Promise<void>;
}

/**
 * Everything the kiosk is, minus its window: configuration, the platform it talks to (starting
 * the embedded sandbox when configured so), and the API handlers. Electron's main process and
 * the browser-bridge launcher both start exactly this.
 */
export async function startKioskCore(options: CoreOptions): Promise<KioskCore> {
  const { config, source } = loadTerminalConfig(options.configFile, options.configRequired);
  let sandbox: RunningSandbox | undefined;
  let platformUrl: string;
  if (options.platformUrlOverride) {
    platformUrl = options.platformUrlOverride;
  } else if (config.platform.url === EMBEDDED_PLATFORM) {
    sandbox = await startSandbox({ dataDir: path.join(options.dataDir, 'sandbox') });
    platformUrl = sandbox.url;
  } else {
    platformUrl = config.platform.url;
  }
  options.log(`config: ${source}; mode ${config.terminal.mode}; platform ${platformUrl}${sandbox ? ' (embedded sandbox)' : ''}`);
  const handlers = createHandlers({
    config,
    platformUrl,
    shell: options.shell,
    version: options.version,
    clock: () => new Date(),
    fetch: (url, init) => fetch(url, init),
    raiseStaffCall: options.raiseStaffCall,
  });
  return {
    config,
    configSource: source,
    platformUrl,
    handlers,
    close: async () => {
      await sandbox?.close();
    },
  };
}
