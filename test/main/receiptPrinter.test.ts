import { createReceiptPrinter } from '../../electron/main/printing/receiptPrinter';
import type { SettlementReceipt } from '../../shared/types/settlement';

const receipt: SettlementReceipt = {
  kind: 'settlement',
  institutionCode: 'H42120200001',
  institutionName: '咸宁市演示医院',
  terminalId: 'KIOSK-01',
  patientName: '欧*明',
  items: [{ name: '普通门诊诊查费', cnt: '1', amountFen: 1000 }],
  totalFen: 1000,
  fundFen: 600,
  accountFen: 400,
  cashFen: 0,
  hospitalFen: 0,
  balanceAfterFen: 351600,
  setlId: 'S1',
  msgid: 'H42120200001202611290800000001',
  time: '2026-11-29 08:00:00',
};

function contents(printSucceeds: boolean) {
  return {
    print: jest.fn((_options: unknown, callback: (success: boolean, reason: string) => void) => callback(printSucceeds, printSucceeds ? '' : 'Print job failed')),
    printToPDF: jest.fn(async () => Buffer.from('%PDF-1.7')),
  };
}

describe('receipt printer', () => {
  it('prints silently to the configured printer', async () => {
    const target = contents(true);
    const writeFile = jest.fn();
    const print = createReceiptPrinter({ contents: () => target as never, deviceName: 'EPSON_TM_T82', paper: '80mm', pdfDir: '/r', writeFile });
    expect(await print(receipt)).toEqual({ via: 'printer', detail: 'EPSON_TM_T82' });
    expect(target.print).toHaveBeenCalledWith(expect.objectContaining({ silent: true, deviceName: 'EPSON_TM_T82' }), expect.any(Function));
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('keeps a PDF when the print job fails, so the receipt is never lost', async () => {
    const target = contents(false);
    const writeFile = jest.fn(async () => undefined);
    const print = createReceiptPrinter({ contents: () => target as never, deviceName: 'EPSON_TM_T82', paper: '80mm', pdfDir: '/r', writeFile });
    expect(await print(receipt)).toEqual({ via: 'pdf', detail: '/r/settlement-H42120200001202611290800000001.pdf' });
    expect(writeFile).toHaveBeenCalledWith('/r/settlement-H42120200001202611290800000001.pdf', Buffer.from('%PDF-1.7'));
  });

  it('saves a PDF named by the reference when no printer is configured', async () => {
    const target = contents(true);
    const writeFile = jest.fn(async () => undefined);
    const print = createReceiptPrinter({ contents: () => target as never, deviceName: '', paper: '58mm', pdfDir: '/r', writeFile });
    const pending = { ...receipt, kind: 'pending' as const, reference: '../../etc/x', requestedFen: 1000, note: 'n' };
    expect(await print(pending as never)).toEqual({ via: 'pdf', detail: '/r/pending-etcx.pdf' });
    expect(target.print).not.toHaveBeenCalled();
    // The PDF takes the page size the print stylesheet gives the configured paper.
    expect(target.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ preferCSSPageSize: true }));
  });

  it('tells a sheet printer the sheet, and leaves a thermal roll its driver’s page', async () => {
    for (const [paper, pageSize] of [['A5', 'A5'], ['A4', 'A4'], ['80mm', undefined], ['58mm', undefined]] as const) {
      const target = contents(true);
      const print = createReceiptPrinter({ contents: () => target as never, deviceName: 'P', paper, pdfDir: '/r', writeFile: jest.fn() });
      await print(receipt);
      expect((target.print.mock.calls[0]![0] as { pageSize?: string }).pageSize).toBe(pageSize);
    }
  });
});
