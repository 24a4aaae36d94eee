import { existsSync, readFileSync } from 'node:fs';
import { placeholderProblems, signInProblems } from '../../shared/config/readiness';
import { EMBEDDED_PLATFORM, SUGGESTED_PASSWORD_FREE_CAP, type TerminalConfig } from '../../shared/config/terminalConfig';
import { ConfigError, loadTerminalConfig } from '../core/terminalConfigFile';

/**
 * The region's password-free cap is the one amount setting (face step and payment); a file for a
 * real gateway that leaves it out runs with none, which hospital IT should have chosen, not missed.
 */
function capWarnings(config: TerminalConfig): string[] {
  if (config.platform.url === EMBEDDED_PLATFORM || config.region.passwordFreeCap !== undefined) return [];
  return [
    `region.passwordFreeCap: not written, so face and e-voucher payments have no password-free cap and the face step asks no ID digits for the amount; write the region's cap (e.g. ${JSON.stringify(SUGGESTED_PASSWORD_FREE_CAP)}), or null if the region has none`,
  ];
}

/**
 * `npm run config:check -- <file>`: what the kiosk would say about a configuration at start,
 * and, beyond that, every placeholder left from the example and every value the platform's
 * sign-in would refuse (shared/config/readiness.ts): one line per problem, exit 1 if any. A
 * setting that was replaced (shared/config/legacyConfig.ts) is a `warning:` line, not a problem.
 */
const file = process.argv[2];
if (!file) {
  console.error('usage: npm run config:check -- <terminal.json>');
  process.exit(2);
}

const problems: string[] = [];
let summary = '';
let warnings: string[] = [];
try {
  const { config, warnings: replaced = [] } = loadTerminalConfig(file, true);
  warnings = [...replaced, ...capWarnings(config)];
  problems.push(...signInProblems(config));
  summary = `${config.institution.name} (${config.institution.code}), terminal ${config.terminal.id} (msgid slot ${config.terminal.slot}), mode ${config.terminal.mode}, platform ${config.platform.url}`;
} catch (error) {
  if (!(error instanceof ConfigError)) {
    console.error(String(error));
    process.exit(1);
  }
  problems.push(...error.problems);
}
// Placeholders are named even when the schema refused the file, so one run lists them all.
if (existsSync(file)) {
  try {
    problems.push(...placeholderProblems(JSON.parse(readFileSync(file, 'utf8'))));
  } catch {
    // Unreadable JSON is already one of the problems above.
  }
}
// A replaced setting still starts the kiosk: said, not refused.
for (const warning of warnings) console.warn(`warning: ${warning}`);
if (problems.length > 0) {
  console.error(new ConfigError(file, [...new Set(problems)]).message);
  process.exit(1);
}
console.log(`${file} is valid: ${summary}`);
