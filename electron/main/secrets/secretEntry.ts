import path from 'node:path';
import type * as Electron from 'electron';
import { loadTerminalConfig } from '../../core/terminalConfigFile';
import { runSecretCommand, secretCommand, type SecretInput } from './secretCli';
import { createSecretStore } from './secretStore';

export interface SecretEntryEnv {
  FACESETTLE_CONFIG?: string;
  /** `1`: accept Linux's basic_text key store, a hospital's explicit decision (build/INSTALL.md). */
  FACESETTLE_ALLOW_BASIC_TEXT_SECRETS?: string;
}

export interface SecretEntryIo {
  input: SecretInput;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The platform secret store as the app uses it: the kiosk account's userData, its key store. */
export function appSecretStore(electron: Pick<typeof Electron, 'app' | 'safeStorage'>, env: SecretEntryEnv) {
  return createSecretStore({
    safeStorage: electron.safeStorage,
    dir: electron.app.getPath('userData'),
    allowBasicText: env.FACESETTLE_ALLOW_BASIC_TEXT_SECRETS === '1',
  });
}

/**
 * When started with --set-platform-secret or --check-platform-secret, runs that instead of the
 * kiosk (no window, no single-instance lock, so it works while the kiosk runs) and exits with
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
      code = await runSecretCommand(command, { store: appSecretStore(electron, env), paasId: config.platform.paasId, ...io });
    } catch (error) {
      // A configuration error names fields, never the secret.
      io.err(error instanceof Error ? error.message : String(error));
      code = 1;
    }
    electron.app.exit(code);
  });
  return true;
}
