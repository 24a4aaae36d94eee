import { readFileSync } from 'node:fs';
import { checkTerminalConfig, EMBEDDED_PLATFORM, REGION_PROFILES, SANDBOX_DEFAULTS, type RegionProfile, type TerminalConfig } from '../shared/config/terminalConfig';
import { embeddedPlatformFor, embeddedPlatformProblems, type EmbeddedPlatform } from './embedded';

/**
 * The gateway `npm run sandbox` puts in front of its platform: a profile by name with the demo
 * region's settings (`--profile csb`), or exactly the region of a kiosk's terminal.json
 * (`--config file`: profile, URL layout, CSB names and timestamp unit, OAuth client and
 * encryption, paasId, window), so a kiosk started with FACESETTLE_PLATFORM_URL talks to it with
 * the sandbox's demo credentials. Neither: TIF, as before.
 */
export interface RegionFlags {
  profile?: string;
  config?: string;
}

function configFrom(file: string): TerminalConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`--config ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // This sandbox is going to be the file's platform: checked as the embedded one (a real gateway's URL, and what only it requires, do not apply).
  const record = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const platform = record.platform !== null && typeof record.platform === 'object' ? record.platform : {};
  const check = checkTerminalConfig({ ...record, platform: { ...platform, url: EMBEDDED_PLATFORM } });
  if (!check.ok) throw new Error(`--config ${file}:\n  ${check.problems.join('\n  ')}`);
  return check.config;
}

/** The sandbox options for the flags, or undefined for the default (TIF, one endpoint). */
export function regionPlatform(flags: RegionFlags): (EmbeddedPlatform & { profile: RegionProfile }) | undefined {
  let config: TerminalConfig | undefined;
  if (flags.config !== undefined) {
    config = configFrom(flags.config);
    if (flags.profile !== undefined && flags.profile !== config.region.profile) {
      throw new Error(`--profile ${flags.profile} contradicts ${flags.config}'s region.profile ${config.region.profile}`);
    }
  } else if (flags.profile !== undefined) {
    if (!(REGION_PROFILES as readonly string[]).includes(flags.profile)) throw new Error(`--profile must be one of ${REGION_PROFILES.join(', ')}, not ${flags.profile}`);
    config = { ...SANDBOX_DEFAULTS, region: { ...SANDBOX_DEFAULTS.region, profile: flags.profile as RegionProfile } };
  }
  if (!config) return undefined;
  const problems = embeddedPlatformProblems(config);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { ...embeddedPlatformFor(config), profile: config.region.profile };
}
