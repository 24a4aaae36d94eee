import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { ConfigError } from '../terminalConfigFile';

/** Where the health server (/health, /metrics) listens and what it asks of a caller. */
export interface MonitoringSettings {
  /** An IP address; loopback unless configured. */
  host: string;
  /** The bearer token every request must carry; none on a loopback-only server. */
  token?: string;
}

export const MONITORING_ENV = { bind: 'FACESETTLE_HEALTH_BIND', token: 'FACESETTLE_METRICS_TOKEN' } as const;

/** A token a fleet's Prometheus holds in its config: long enough that guessing it is not a plan. */
const MIN_TOKEN_CHARS = 16;

export const isLoopback = (host: string) => host === '::1' || /^127\./.test(host);

/** Why a token cannot be the bearer token, or undefined when it can. */
export function metricsTokenProblem(token: string): string | undefined {
  return token.length < MIN_TOKEN_CHARS || /\s/.test(token)
    ? `metrics token: must be at least ${MIN_TOKEN_CHARS} characters without spaces (e.g. openssl rand -hex 24)`
    : undefined;
}

/**
 * The monitoring settings from the environment, else the configuration's `monitoring` section:
 * FACESETTLE_HEALTH_BIND over `monitoring.bind`; for the token FACESETTLE_METRICS_TOKEN, else
 * `stored` (Electron's encrypted secret store, `facesettle --set-metrics-token`), else the file
 * `monitoring.tokenFile` (a secret the installer writes, readable by the kiosk's user only).
 * Returns the problems instead when the result would be unsafe or unusable: a non-loopback
 * address without a token would show the terminal's state to the whole network.
 */
export function monitoringSettings(
  section: TerminalConfig['monitoring'],
  env: Record<string, string | undefined>,
  readFile: (file: string) => string = (file) => readFileSync(file, 'utf8'),
  stored?: string,
): { settings: MonitoringSettings } | { problems: string[] } {
  const problems: string[] = [];
  const host = env[MONITORING_ENV.bind] || section?.bind || '127.0.0.1';
  if (isIP(host) === 0) problems.push(`${MONITORING_ENV.bind}: must be an IP address, not "${host}"`);
  let token = env[MONITORING_ENV.token]?.trim() || stored?.trim();
  if (!token && section?.tokenFile) {
    try {
      token = readFile(section.tokenFile).trim();
    } catch (error) {
      problems.push(`monitoring.tokenFile: cannot read ${section.tokenFile} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const unfit = token ? metricsTokenProblem(token) : undefined;
  if (unfit) problems.push(unfit);
  if (!token && !isLoopback(host) && problems.length === 0) {
    problems.push(`monitoring: binding ${host} needs a bearer token (${MONITORING_ENV.token}, facesettle --set-metrics-token or monitoring.tokenFile)`);
  }
  if (problems.length > 0) return { problems };
  return { settings: { host, ...(token ? { token } : {}) } };
}

/**
 * The settings for a start-up: the caller's own (tests), else resolved here, with the secret
 * store's token if the shell has one; a ConfigError names what is wrong.
 */
export function monitoringFor(
  source: string,
  section: TerminalConfig['monitoring'],
  env: Record<string, string | undefined>,
  given?: MonitoringSettings,
  stored?: string,
): MonitoringSettings {
  if (given) return given;
  const resolved = monitoringSettings(section, env, undefined, stored);
  if ('problems' in resolved) throw new ConfigError(source, resolved.problems);
  return resolved.settings;
}
