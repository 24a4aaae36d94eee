import { EMBEDDED_PLATFORM, type TerminalConfig } from '../../shared/config/terminalConfig';
import type { HisBridge } from '../settlement/his/bridge';
import type { EmbeddedServices } from './embeddedServices';
import { connectHis } from './hisConnection';
import { ConfigError } from './terminalConfigFile';

export interface EndpointOptions {
  /** FACESETTLE_PLATFORM_URL: the platform, HIS and e-voucher channel all at this URL. */
  platformUrlOverride: string | undefined;
  /** What the launcher started for `embedded` (a demo); absent in a production start. */
  embedded?: EmbeddedServices;
  loadPlatformSecret?: (paasId: string) => Promise<string | undefined>;
  loadHisSecret?: (header: string) => Promise<string | undefined>;
  loadStaffCallSecret?: (webhookUrl: string) => Promise<string | undefined>;
  /** The health server's bearer token the shell keeps for `terminal.id` (Electron: the encrypted store), if any. */
  loadMetricsToken?: (terminalId: string) => Promise<string | undefined>;
}

/** Where the kiosk's calls go and what they are signed with, all checked before anything starts. */
export interface CoreEndpoints {
  platformUrl: string;
  evoucherUrl: string;
  secret: string;
  his: HisBridge;
  staffCallUrl: string;
  staffCallSecret: string;
  /** The stored bearer token of the health server, if any (below FACESETTLE_METRICS_TOKEN, above `monitoring.tokenFile`). */
  metricsToken?: string;
  /** Running against services the launcher started (the sandbox): the demo menu is offered. */
  isDemo: boolean;
}

const EMBEDDED_NEEDS_LAUNCHER =
  'is `embedded`, but nothing was started for it: the embedded sandbox is started by the launcher (npm start) or a demo build, ' +
  'never by a production package; configure the real URL';

/**
 * Turns the configuration's URLs into plain ones: `embedded` becomes what the launcher started,
 * everything else stays as configured (or FACESETTLE_PLATFORM_URL, when given). Secrets come from
 * the launcher for its own services and from the shell's store for real ones.
 */
export async function resolveEndpoints(config: TerminalConfig, source: string, options: EndpointOptions): Promise<CoreEndpoints> {
  const { embedded, platformUrlOverride } = options;
  const isEmbedded = (url: string) => url === EMBEDDED_PLATFORM;
  const missing = (['platform', 'his', 'evoucher'] as const).filter((part) => !platformUrlOverride && !embedded && isEmbedded(config[part].url));
  if (missing.length > 0) throw new ConfigError(source, missing.map((part) => `${part}.url ${EMBEDDED_NEEDS_LAUNCHER}`));
  const resolve = (url: string) => (isEmbedded(url) ? embedded!.url : url);
  const platformUrl = platformUrlOverride ?? resolve(config.platform.url);
  const problem = (part: string, error: unknown) => new ConfigError(source, [`${part}: ${error instanceof Error ? error.message : String(error)}`]);

  let secret: string | undefined;
  try {
    secret = embedded && platformUrl === embedded.url ? embedded.platformSecret : await options.loadPlatformSecret?.(config.platform.paasId);
  } catch (error) {
    throw problem('platform', error);
  }
  if (!secret) throw new ConfigError(source, [`platform: no secret stored for ${config.platform.url} (build/INSTALL.md: facesettle --set-platform-secret)`]);

  let his: HisBridge;
  try {
    his = await connectHis(config.his, { urlOverride: platformUrlOverride, resolve, loadSecret: options.loadHisSecret });
  } catch (error) {
    throw problem('his', error);
  }

  // A demo's calls go to the launcher's reference receiver; a real kiosk's only where configured.
  const staffCallUrl = config.staffCall.webhookUrl || (embedded?.staffCallUrl ?? '');
  let staffCallSecret: string | undefined;
  try {
    staffCallSecret = config.staffCall.webhookUrl ? await options.loadStaffCallSecret?.(config.staffCall.webhookUrl) : embedded?.staffCallSecret;
  } catch (error) {
    throw problem('staffCall', error);
  }
  if (!staffCallSecret && staffCallUrl) {
    throw new ConfigError(source, ['staffCall: no webhook secret given (facesettle --set-staff-call-secret, or FACESETTLE_STAFF_CALL_SECRET)']);
  }
  let metricsToken: string | undefined;
  try {
    metricsToken = await options.loadMetricsToken?.(config.terminal.id);
  } catch (error) {
    throw problem('monitoring', error);
  }
  return {
    ...(metricsToken ? { metricsToken } : {}),
    platformUrl,
    evoucherUrl: platformUrlOverride ?? resolve(config.evoucher.url),
    secret,
    his,
    staffCallUrl,
    staffCallSecret: staffCallSecret ?? '',
    isDemo: embedded !== undefined,
  };
}
