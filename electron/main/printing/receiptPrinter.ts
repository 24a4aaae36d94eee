import path from 'node:path';
import type { WebContents } from 'electron';
import type { PendingReceipt, SettlementReceipt } from '../../../shared/types/settlement';

export interface ReceiptPrinterOptions {
  /** The kiosk window's contents, showing the receipt page (its print CSS shows only the receipt). */
  contents: () => Pick<WebContents, 'print' | 'printToPDF'>;
  /** The system printer's name; empty: save a PDF. */
  deviceName: string;
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
      const printed = await new Promise<{ success: boolean; reason: string }>((resolve) =>
        contents.print({ silent: true, printBackground: true, deviceName: options.deviceName }, (success, reason) => resolve({ success, reason })),
      );
      if (printed.success) return { via: 'printer', detail: options.deviceName };
    }
    const reference = receipt.kind === 'pending' ? receipt.reference : receipt.msgid;
    const file = path.join(options.pdfDir, `${receipt.kind}-${reference.replace(/[^A-Za-z0-9-]/g, '')}.pdf`);
    await options.writeFile(file, await contents.printToPDF({ printBackground: true }));
    return { via: 'pdf', detail: file };
  };
}
