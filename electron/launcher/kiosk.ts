import { startKioskCore, type CoreOptions, type KioskCore } from '../core/startCore';
import { loadTerminalConfig, type LoadedConfig } from '../core/terminalConfigFile';
import type { RunningServices } from '../core/embeddedServices';
import { namesEmbedded, sandboxServicesAt, startEmbeddedSandbox } from './embeddedSandbox';

export type LaunchOptions = Omit<CoreOptions, 'embedded'>;

/**
 * What runs behind the configuration's `embedded` URLs, if anything: the sandbox started here, or
 * one started apart at FACESETTLE_PLATFORM_URL when no platform secret is given for it (a real
 * platform's URL always comes with its secret).
 */
export async function servicesFor(loaded: LoadedConfig, options: Pick<LaunchOptions, 'platformUrlOverride' | 'loadPlatformSecret' | 'dataDir'>): Promise<RunningServices | undefined> {
  const { config, source } = loaded;
  if (options.platformUrlOverride) {
    const secret = await options.loadPlatformSecret?.(config.platform.paasId);
    return secret ? undefined : { services: sandboxServicesAt(options.platformUrlOverride, config), close: async () => undefined };
  }
  return namesEmbedded(config) ? startEmbeddedSandbox(config, source, options.dataDir) : undefined;
}

/**
 * The kiosk core as the launcher (the browser bridge, the tests, the benches) starts it: the
 * configuration read once, the sandbox started when it names `embedded`, then the core handed
 * plain URLs. Closing the kiosk closes the sandbox after it.
 */
export async function startKiosk(options: LaunchOptions): Promise<KioskCore> {
  const loaded = options.loaded ?? loadTerminalConfig(options.configFile, options.configRequired);
  const running = await servicesFor(loaded, options);
  let core: KioskCore;
  try {
    core = await startKioskCore({ ...options, loaded, ...(running ? { embedded: running.services } : {}) });
  } catch (error) {
    await running?.close();
    throw error;
  }
  const closeCore = core.close;
  core.close = async () => {
    await closeCore();
    await running?.close();
  };
  return core;
}
