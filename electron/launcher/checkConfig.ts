import { existsSync, readFileSync } from 'node:fs';
import { placeholderProblems, signInProblems } from '../../shared/config/readiness';
import { ConfigError, loadTerminalConfig } from '../core/terminalConfigFile';

/**
 * `npm run config:check -- <file>`: what the kiosk would say about a configuration at start,
 * and, beyond that, every placeholder left from the example and every value the platform's
 * sign-in would refuse (shared/config/readiness.ts): one line per problem, exit 1 if any.
 */
const file = process.argv[2];
if (!file) {
  console.error('usage: npm run config:check -- <terminal.json>');
  process.exit(2);
}

const problems: string[] = [];
let summary = '';
try {
  const { config } = loadTerminalConfig(file, true);
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
if (problems.length > 0) {
  console.error(new ConfigError(file, [...new Set(problems)]).message);
  process.exit(1);
}
console.log(`${file} is valid: ${summary}`);
