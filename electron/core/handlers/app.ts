import { randomInt } from 'node:crypto';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import type { KioskHandlers } from '../../../shared/ipc/contract';
import { knownScreen } from '../../../shared/staffCalls';
import { IDENTIFYING_SCREENS } from '../../../shared/metrics/events';
import { probePlatform } from '../platformHealth';
import type { CoreDeps } from './deps';

type AppHandlers = Pick<
  KioskHandlers,
  'getAppInfo' | 'getHealth' | 'getOperator' | 'callStaff' | 'printReceipt' | 'log' | 'reportDevices' | 'recordMetric'
>;

/**
 * Slips print themselves where configured and where the shell can print without asking: Electron
 * always can (the named printer, or a kept PDF); the bridge's page print only goes silently to a
 * printer when one is named (Chromium started with --kiosk-printing), else it would open a dialog.
 */
export function printingOf(config: TerminalConfig, shell: CoreDeps['shell']) {
  const { autoPrint, paper, nextStep, deviceName } = config.printer;
  const { cashDue, paid } = nextStep[config.terminal.mode];
  return {
    auto: autoPrint && (shell === 'electron' || deviceName !== ''),
    paper,
    nextStep: { cashDue, paid, pending: nextStep.pending, cancel: nextStep.cancel },
  };
}

/** What the terminal is and does for anyone at it: no patient data here. */
export function appHandlers(deps: CoreDeps): AppHandlers {
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
      face: config.face,
      operators: config.operators.map(({ id, name }) => ({ id, name })),
      demo: deps.isDemo,
      cardReader: deps.cardReader !== undefined,
      printing: printingOf(config, deps.shell),
    }),
    getHealth: async () => ({ platform: await probePlatform(deps.platformUrl, deps.fetch) }),
    // Not behind the admin PIN: the home screen opens a staffed counter only with someone signed in.
    getOperator: async () => ({ operator: deps.currentOperator() ?? null }),
    callStaff: async ({ reason, screen }) => {
      const ticket = `S${String(randomInt(0, 1000)).padStart(3, '0')}`;
      const raisedAt = deps.clock().toISOString();
      // `screen` is the page's free text: only a known screen's name goes on, to the log or the webhook.
      const where = knownScreen(screen);
      deps.raiseStaffCall(ticket, reason, where ?? 'unknown screen');
      // A call while being identified is a way in too: the inclusion metrics count it as one.
      if ((IDENTIFYING_SCREENS as readonly (string | null)[]).includes(where)) deps.metrics.record({ type: 'fallback', via: 'staff' });
      const { id: terminalId, name: terminalName, mode } = config.terminal;
      const delivered = await deps.staffCalls.raise({ ticket, terminalId, terminalName, mode, reason, screen: where, raisedAt });
      return { ticket, raisedAt, delivered };
    },
    printReceipt: ({ receipt }) => deps.printReceipt(receipt),
    log: async (entry) => ({ logged: deps.logger.fromRenderer(entry) }),
    reportDevices: async (report) => {
      deps.devices.report(report);
      return { accepted: true };
    },
    recordMetric: async (event) => {
      deps.metrics.record(event);
      return { recorded: true };
    },
  };
}
