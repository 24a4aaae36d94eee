import type { TerminalConfig } from '../../../../shared/config/terminalConfig';
import { hospitalConfig, pharmacyConfig } from '../engineOptions';
import type { FlowSpec } from './flows';
import { SKEW_SECONDS, WINDOW_SECONDS } from './plan';

/**
 * The campaign's terminals: two per institution, each with its own id, msgid slot and journal,
 * all on the short gateway window the campaign's sandboxes use. The slots are deliberately not
 * 01/02, so nothing can pass by counting terminals instead of reading their configuration.
 */
const region: TerminalConfig['region'] = { ...hospitalConfig.region, freshnessWindowSeconds: WINDOW_SECONDS, clockSkewSeconds: SKEW_SECONDS };

function terminal(base: TerminalConfig, id: string, name: string, slot: string): TerminalConfig {
  return { ...base, region, terminal: { ...base.terminal, id, name, slot } };
}

export const TERMINALS: Record<FlowSpec['counter'], [TerminalConfig, TerminalConfig]> = {
  hospital: [terminal(hospitalConfig, 'KIOSK-07', '自助终端07', '07'), terminal(hospitalConfig, 'KIOSK-31', '自助终端31', '31')],
  pharmacy: [terminal(pharmacyConfig, 'PHARM-02', '药房终端02', '02'), terminal(pharmacyConfig, 'PHARM-05', '药房终端05', '05')],
};

export const ALL_TERMINALS: TerminalConfig[] = [...TERMINALS.hospital, ...TERMINALS.pharmacy];
