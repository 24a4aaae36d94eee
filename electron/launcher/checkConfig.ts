import { ConfigError, loadTerminalConfig } from '../core/terminalConfigFile';

/** `npm run config:check -- <file>`: what the kiosk would say about a configuration at start. */
const file = process.argv[2];
if (!file) {
  console.error('usage: npm run config:check -- <terminal.json>');
  process.exit(2);
}
try {
  const { config } = loadTerminalConfig(file, true);
  console.log(`${file} is valid: ${config.institution.name} (${config.institution.code}), terminal ${config.terminal.id} (msgid slot ${config.terminal.slot}), mode ${config.terminal.mode}, platform ${config.platform.url}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(1);
}
