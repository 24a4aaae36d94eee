import path from 'node:path';
import type * as Electron from 'electron';
import { loadTerminalConfig } from '../../core/terminalConfigFile';
import { runSecretCommand, secretCommand, secretKindOf, type SecretInput } from './secretCli';
import { createSecretStore, type SecretKind, type SecretStore } from './secretStore';

export interface SecretEntryEnv {
  FACESETTLE_CONFIG?: string;
  /** `1`: accept Linux's basic_text key store, a hospital's explicit decision (build/INSTALL.md). */
  FACESETTLE_ALLOW_BASIC_TEXT_SECRETS?: string;
  /** Overrides the stored staff-call webhook secret (a service manager's environment file). */
  FACESETTLE_STAFF_CALL_SECRET?: string;
  /** The health server's bearer token; wins over the stored one (README "Monitoring"). */
  FACESETTLE_METRICS_TOKEN?: string;
}

export interface SecretEntryIo {
  input: SecretInput;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The secret store (the platform's, or the HIS key's) as the app uses it: the kiosk account's userData, its key store. */
export function appSecretStore(electron: Pick<typeof Electron, 'app' | 'safeStorage'>, env: SecretEntryEnv, kind: SecretKind = 'platform') {
  return createSecretStore({
    safeStorage: electron.safeStorage,
    dir: electron.app.getPath('userData'),
    allowBasicText: env.FACESETTLE_ALLOW_BASIC_TEXT_SECRETS === '1',
    kind,
  });
}

/**
 * The staff-call webhook's signing secret for `webhookUrl`: FACESETTLE_STAFF_CALL_SECRET when the
 * environment sets it (an override, e.g. from the service manager), else the encrypted store's
 * (`facesettle --set-staff-call-secret`), whose errors say what to do.
 */
export function staffCallSecretLoader(store: () => Pick<SecretStore, 'load'>, env: Pick<SecretEntryEnv, 'FACESETTLE_STAFF_CALL_SECRET'>) {
  return async (webhookUrl: string): Promise<string> => {
    const override = env.FACESETTLE_STAFF_CALL_SECRET?.trim();
    if (override) return override;
    return (await store().load(webhookUrl)).secret;
  };
}

/**
 * The health server's bearer token as the secret store holds it for `terminal.id`
 * (`facesettle --set-metrics-token`), or undefined when none is stored: the token is optional
 * (a loopback-only server needs none, `monitoring.tokenFile` may name one). The store is not
 * read when FACESETTLE_METRICS_TOKEN is set, which wins anyway (prometheusConfig.ts); a stored
 * token that cannot be read, or was set for another terminal, stops the start with what to do.
 */
export function metricsTokenLoader(store: () => Pick<SecretStore, 'exists' | 'load'>, env: Pick<SecretEntryEnv, 'FACESETTLE_METRICS_TOKEN'>) {
  return async (terminalId: string): Promise<string | undefined> => {
    if (env.FACESETTLE_METRICS_TOKEN?.trim()) return undefined;
    const secrets = store();
    if (!(await secrets.exists())) return undefined;
    return (await secrets.load(terminalId)).secret;
  };
}

/**
 * When started with --set-platform-secret or --check-platform-secret (or the --…-his-secret
 * pair, for the HIS auth header's value, --…-staff-call-secret, for the staff-call webhook's, or
 * --set-metrics-token / --check-metrics-token, for the health server's bearer token),
 * runs that instead of the kiosk (no window, no single-instance lock, so it works while the kiosk runs) and exits with
 * its status; returns false otherwise. safeStorage needs the app ready, hence the wait.
 */
export function runSecretCommandIfAsked(
  electron: Pick<typeof Electron, 'app' | 'safeStorage'>,
  argv: readonly string[],
  env: SecretEntryEnv,
  io: SecretEntryIo,
): boolean {
  const command = secretCommand(argv);
  if (!command) return false;
  void electron.app.whenReady().then(async () => {
    let code: number;
    try {
      const configFile = env.FACESETTLE_CONFIG ?? path.join(electron.app.getPath('userData'), 'terminal.json');
      const { config } = loadTerminalConfig(configFile, env.FACESETTLE_CONFIG !== undefined);
      const kind = secretKindOf(argv);
      const id =
        kind === 'his'
          ? config.his.authHeader
          : kind === 'staff-call'
            ? config.staffCall.webhookUrl || undefined
            : kind === 'metrics'
              ? config.terminal.id
              : config.platform.paasId;
      if (id === undefined) {
        io.err(
          kind === 'his'
            ? 'his.authHeader is not set in the configuration: the HIS needs no key, nothing to store'
            : 'staffCall.webhookUrl is not set in the configuration: no webhook to sign for, nothing to store',
        );
        code = 1;
      } else {
        code = await runSecretCommand(command, { store: appSecretStore(electron, env, kind), paasId: id, kind, ...io });
      }
    } catch (error) {
      // A configuration error names fields, never the secret.
      io.err(error instanceof Error ? error.message : String(error));
      code = 1;
    }
    electron.app.exit(code);
  });
  return true;
}
