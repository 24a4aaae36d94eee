import { dispatch } from '../../electron/core/dispatch';
import { appHandlers, printingOf } from '../../electron/core/handlers/app';
import type { CoreDeps } from '../../electron/core/handlers/deps';
import { checkTerminalConfig, DEFAULT_NEXT_STEPS, SANDBOX_DEFAULTS } from '../../shared/config/terminalConfig';
import type { KioskHandlers } from '../../shared/ipc/contract';
import type { PendingReceipt, SettlementReceipt } from '../../shared/types/settlement';

/** The terminal's `printer` section, and what the page learns of it from getAppInfo. */
describe('printer configuration', () => {
  it('prints by itself on an 80 mm roll by default, with the built-in next steps', () => {
    const check = checkTerminalConfig({});
    expect(check).toMatchObject({ ok: true, config: { printer: { deviceName: '', autoPrint: true, paper: '80mm', nextStep: DEFAULT_NEXT_STEPS } } });
  });

  it('keeps the defaults for what a file leaves out, section by section', () => {
    const check = checkTerminalConfig({
      printer: { deviceName: 'EPSON_TM_T82', paper: '58mm', nextStep: { registration: { cashDue: '请到二楼收费处付现金 {cash}', paid: '请到二楼候诊' } } },
    });
    if (!check.ok) throw new Error(check.problems.join('; '));
    expect(check.config.printer).toEqual({
      deviceName: 'EPSON_TM_T82',
      autoPrint: true,
      paper: '58mm',
      nextStep: { ...DEFAULT_NEXT_STEPS, registration: { cashDue: '请到二楼收费处付现金 {cash}', paid: '请到二楼候诊' } },
    });
  });

  it('names the field of a wrong paper, an unknown placeholder and an empty sentence', () => {
    const check = checkTerminalConfig({
      printer: { deviceName: '', paper: '76mm', nextStep: { pharmacy: { cashDue: '请付 {amount}', paid: '' } } },
    });
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^printer\.paper: /),
        'printer.nextStep.pharmacy.cashDue: the only placeholder is {cash} (the cash still due)',
        'printer.nextStep.pharmacy.paid: must not be empty',
      ]),
    );
  });

  it('tells the page this mode’s sentences, and prints by itself only where the shell can without asking', () => {
    const cashier = { ...SANDBOX_DEFAULTS, terminal: { ...SANDBOX_DEFAULTS.terminal, mode: 'cashier' as const } };
    expect(printingOf(cashier, 'electron')).toEqual({
      auto: true,
      paper: '80mm',
      nextStep: { ...DEFAULT_NEXT_STEPS.cashier, pending: DEFAULT_NEXT_STEPS.pending, cancel: DEFAULT_NEXT_STEPS.cancel },
    });
    // Electron always has somewhere to print: the named printer, or a kept PDF.
    expect(printingOf(SANDBOX_DEFAULTS, 'electron').auto).toBe(true);
    // The bridge's page print opens a dialog unless a printer is named (Chromium with --kiosk-printing).
    expect(printingOf(SANDBOX_DEFAULTS, 'browser-bridge').auto).toBe(false);
    const named = { ...SANDBOX_DEFAULTS, printer: { ...SANDBOX_DEFAULTS.printer, deviceName: 'POS80' } };
    expect(printingOf(named, 'browser-bridge').auto).toBe(true);
    const off = { ...named, printer: { ...named.printer, autoPrint: false } };
    expect(printingOf(off, 'electron').auto).toBe(false);
  });

  it('in Electron the page learns it prints by itself, and its printReceipt reaches the shell’s printer', async () => {
    const jobs: Array<SettlementReceipt | PendingReceipt> = [];
    // The printer is hardware: the shell's print function is what Electron injects (bootstrap.ts, receiptPrinter.ts).
    const deps = {
      config: { ...SANDBOX_DEFAULTS, printer: { ...SANDBOX_DEFAULTS.printer, deviceName: 'EPSON_TM_T82' } },
      shell: 'electron',
      version: 't',
      isDemo: false,
      printReceipt: async (receipt: SettlementReceipt | PendingReceipt) => {
        jobs.push(receipt);
        return { via: 'printer' as const, detail: 'EPSON_TM_T82' };
      },
    } as unknown as CoreDeps;
    const handlers = appHandlers(deps) as unknown as KioskHandlers;
    const info = await dispatch(handlers, 'getAppInfo', {});
    expect(info).toMatchObject({ ok: true, value: { printing: { auto: true, paper: '80mm' } } });
    const receipt = { kind: 'settlement', msgid: 'H42120200001202611290800000001', patientName: '欧*明' };
    expect(await dispatch(handlers, 'printReceipt', { receipt })).toEqual({ ok: true, value: { via: 'printer', detail: 'EPSON_TM_T82' } });
    expect(jobs).toEqual([receipt]);
  });
});
