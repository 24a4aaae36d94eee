import path from 'node:path';
import { EMBEDDED_PLATFORM, type TerminalConfig } from '../../shared/config/terminalConfig';
import { maskName } from '../../shared/mask';
import { DEMO_STAFF_CALL_SECRET } from '../../shared/staffCalls';
import { startSandbox } from '../../sandbox';
import { embeddedPlatformFor, embeddedPlatformProblems } from '../../sandbox/embedded';
import { ENROL_PATH, ENROLLED_PATH } from '../../sandbox/face/routes';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { STAFF_CALLS_PATH } from '../../sandbox/staffCalls/routes';
import type { EmbeddedServices, RunningServices } from '../core/embeddedServices';
import { ConfigError } from '../core/terminalConfigFile';

/*
 * The launcher's demo wiring: the one place that starts the sandbox and turns it into the plain
 * URLs and secrets the core is handed (electron/core/embeddedServices.ts).
 */

const isEmbedded = (url: string) => url === EMBEDDED_PLATFORM;

/** Whether the configuration names `embedded` anywhere, so that a sandbox must run for it. */
export const namesEmbedded = (config: TerminalConfig): boolean => [config.platform.url, config.his.url, config.evoucher.url].some(isEmbedded);

/**
 * A sandbox at `url` (started here, or apart with `npm run sandbox -- --config <terminal.json>`):
 * its public demo credentials for the region's profile (sandbox/README.md), its staff-call
 * receiver and its face enrolment.
 */
export function sandboxServicesAt(url: string, config: TerminalConfig): EmbeddedServices {
  return {
    url,
    platformSecret: embeddedPlatformFor(config).kioskSecret,
    staffCallUrl: `${url}${STAFF_CALLS_PATH}`,
    staffCallSecret: DEMO_STAFF_CALL_SECRET,
    enrolment: {
      persons: DEMO_PERSONS.map((p) => ({ psnNo: p.psnNo, maskedName: maskName(p.name) })),
      enrolledUrl: `${url}${ENROLLED_PATH}`,
      enrolUrl: `${url}${ENROL_PATH}`,
    },
  };
}

/**
 * Starts the sandbox for what the configuration calls `embedded`, with the region's door when
 * the platform is one of them. What it cannot be is said before anything starts.
 */
export async function startEmbeddedSandbox(config: TerminalConfig, source: string, dataDir: string): Promise<RunningServices> {
  const platformEmbedded = isEmbedded(config.platform.url);
  const unservable = platformEmbedded ? embeddedPlatformProblems(config) : [];
  if (unservable.length > 0) throw new ConfigError(source, unservable);
  const sandbox = await startSandbox({
    dataDir: path.join(dataDir, 'sandbox'),
    log: () => undefined,
    ...(platformEmbedded ? embeddedPlatformFor(config).options : {}),
    // The face service loads its models on start: only when the e-voucher channel is the sandbox's.
    parts: { face: isEmbedded(config.evoucher.url), his: isEmbedded(config.his.url) },
  });
  return { services: sandboxServicesAt(sandbox.url, config), close: () => sandbox.close() };
}
