import { randomInt } from 'node:crypto';
import type { KioskHandlers } from '../../shared/ipc/contract';
import type { TerminalConfig } from '../../shared/config/terminalConfig';
import { probePlatform, type Fetch } from './platformHealth';

export interface CoreDeps {
  config: TerminalConfig;
  /** The platform actually used: the embedded sandbox's URL or the configured one. */
  platformUrl: string;
  shell: 'electron' | 'browser-bridge';
  version: string;
  clock: () => Date;
  fetch: Fetch;
  /** Raises the counter's staff call (light, sound, staff screen); returns when raised. */
  raiseStaffCall(ticket: string, reason: string, screen: string): void;
}

/** The kiosk API as the main process implements it, free of Electron so the bridge runs it too. */
export function createHandlers(deps: CoreDeps): KioskHandlers {
  const { config } = deps;
  return {
    getAppInfo: async () => ({
      version: deps.version,
      mode: config.terminal.mode,
      institutionCode: config.institution.code,
      institutionName: config.institution.name,
      terminalId: config.terminal.id,
      defaultLocale: config.locale,
      idleTimeoutSeconds: config.idleTimeoutSeconds,
      shell: deps.shell,
    }),
    getHealth: async () => ({ platform: await probePlatform(deps.platformUrl, deps.fetch) }),
    callStaff: async ({ reason, screen }) => {
      const ticket = `S${String(randomInt(0, 1000)).padStart(3, '0')}`;
      deps.raiseStaffCall(ticket, reason, screen);
      return { ticket, raisedAt: deps.clock().toISOString() };
    },
  };
}
