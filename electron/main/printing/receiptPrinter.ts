import path from 'node:path';
import type { WebContents } from 'electron';
import type { PaperSize } from '../../../shared/config/terminalConfig';
import type { PendingReceipt, SettlementReceipt } from '../../../shared/types/settlement';

export interface ReceiptPrinterOptions {
  /** The kiosk window's contents, showing the slip (its print CSS prints only #print-root). */
  contents: () => Pick<WebContents, 'print' | 'printToPDF'>;
  /** The system printer's name; empty: save a PDF. */
  deviceName: string;
  /** What the slip is laid out for (renderer/print/print.css gives each paper its @page size). */
  paper: PaperSize;
  pdfDir: string;
  writeFile: (file: string, data: Uint8Array) => Promise<void>;
}

export type PrintOutcome = { via: 'printer' | 'pdf'; detail: string };

/**
 * Prints the receipt on screen silently to the configured printer. A kiosk has no print
 * dialog to answer, so with no printer, or a failed job, the receipt is kept as a PDF instead
 * and the screen tells the patient where to collect it. Receipts carry masked names only.
 */
export function createReceiptPrinter(options: ReceiptPrinterOptions): (receipt: SettlementReceipt | PendingReceipt) => Promise<PrintOutcome> {
  return async (receipt) => {
    const contents = options.contents();
    if (options.deviceName) {
      // A sheet printer is told the sheet; a thermal roll keeps its driver's own page (its roll width).
      const sheet = options.paper === 'A4' || options.paper === 'A5' ? { pageSize: options.paper } : {};
      const printed = await new Promise<{ success: boolean; reason: string }>((resolve) =>
        contents.print({ silent: true, printBackground: true, deviceName: options.deviceName, ...sheet }, (success, reason) =>
          resolve({ success, reason }),
        ),
      );
      if (printed.success) return { via: 'printer', detail: options.deviceName };
    }
    const reference = receipt.kind === 'pending' ? receipt.reference : receipt.msgid;
    const file = path.join(options.pdfDir, `${receipt.kind}-${reference.replace(/[^A-Za-z0-9-]/g, '')}.pdf`);
    // The PDF takes the stylesheet's page for the configured paper (a roll's width, or the sheet).
    await options.writeFile(file, await contents.printToPDF({ printBackground: true, preferCSSPageSize: true }));
    return { via: 'pdf', detail: file };
  };
}
