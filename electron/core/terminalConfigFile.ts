import { existsSync, readFileSync } from 'node:fs';
import { checkTerminalConfig, SANDBOX_DEFAULTS, type TerminalConfig } from '../../shared/config/terminalConfig';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`terminal configuration ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: TerminalConfig;
  /** Where it came from, for the start-up log line and the diagnostics page. */
  source: string;
  /** Settings the file still carries that were replaced (shared/config/legacyConfig.ts); absent when none. */
  warnings?: string[];
}

/**
 * Reads the terminal configuration. No file means the sandbox defaults (zero configuration);
 * a file that exists but is wrong stops the start with one line per problem.
 */
export function loadTerminalConfig(file: string | undefined, required = false): LoadedConfig {
  if (!file || !existsSync(file)) {
    if (file && required) throw new ConfigError(file, ['file not found']);
    return { config: SANDBOX_DEFAULTS, source: 'built-in sandbox defaults' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(file, [`not readable JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const check = checkTerminalConfig(parsed);
  if (!check.ok) throw new ConfigError(file, check.problems);
  return { config: check.config, source: file, ...(check.warnings.length > 0 ? { warnings: check.warnings } : {}) };
}
