import { join } from 'node:path';
import { SANDBOX_DEFAULTS as TERMINAL_DEFAULTS, type TerminalConfig } from '../../../shared/config/terminalConfig';
import type { EngineOptions } from '../../../electron/settlement/engine';
import { createHttpHis } from '../../../electron/settlement/his/httpHis';
import { hashPin, pinAuthoriser } from '../../../electron/settlement/usecases/operators';

/** How every test engine is built, in the test process and in the campaign's child processes alike. */
export const OPERATOR = { operatorId: 'staff-01', pin: '2468' };

/**
 * The gateway window tests run with: the harness starts the sandbox with the same window, so
 * "no record once the window has closed" means "never happened" on both sides, in seconds.
 */
export const TEST_WINDOW_SECONDS = 5;
const region: TerminalConfig['region'] = { ...TERMINAL_DEFAULTS.region, freshnessWindowSeconds: TEST_WINDOW_SECONDS, clockSkewSeconds: 1 };

export const hospitalConfig: TerminalConfig = { ...TERMINAL_DEFAULTS, region, terminal: { ...TERMINAL_DEFAULTS.terminal, mode: 'cashier' } };
export const pharmacyConfig: TerminalConfig = {
  ...TERMINAL_DEFAULTS,
  region,
  institution: { code: 'P42120200001', name: '咸宁市演示大药房' },
  terminal: { id: 'PHARM-01', name: '药房终端01', mode: 'pharmacy', slot: '01' },
};

export interface SandboxAddress {
  url: string;
  paasId: string;
  secret: string;
}

/** One journal database per terminal: terminals of one institution share nothing but the platform. */
export function journalPath(dir: string, config: Pick<TerminalConfig, 'institution' | 'terminal'>): string {
  return join(dir, `kiosk-${config.institution.code}-${config.terminal.id}.db`);
}

export function engineOptions(sandbox: SandboxAddress, dir: string, config: TerminalConfig, extra: Partial<EngineOptions> = {}): EngineOptions {
  return {
    config,
    platformUrl: sandbox.url,
    credentials: { paasId: sandbox.paasId, secret: sandbox.secret },
    dbPath: journalPath(dir, config),
    his: createHttpHis({ baseUrl: sandbox.url }),
    operators: pinAuthoriser({ [OPERATOR.operatorId]: hashPin(OPERATOR.pin, 'salt') }),
    timeouts: { default: 5_000 },
    backoff: () => 50,
    recoveryIntervalMs: 0,
    // Unexpected errors are what a test most needs to see; routine recovery lines only on demand.
    log: (line) => {
      if (process.env.SETTLEMENT_LOG || line.startsWith('internal')) console.error(line);
    },
    ...extra,
  };
}
