import type { Page } from 'playwright-core';

/** A desk that prints its slips by itself (printer.autoPrint), on the common 80 mm roll. */
export const AUTO_PRINTER = { printer: { deviceName: 'POS80', autoPrint: true, paper: '80mm' } };

export interface RecordedPrint {
  text: string;
  /** The slip's data-slip-kind: which slip went to paper. */
  kind: string | null;
}

/**
 * From now on the page's print is recorded, not printed: what was in #print-root (the only thing
 * print.css prints) each time. The page reloads so that the recording is in place before it prints.
 */
export async function recordPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { prints: RecordedPrint[] };
    w.prints = [];
    window.print = () => {
      const slip = document.querySelector('#print-root .slip');
      w.prints.push({ text: slip?.textContent ?? '', kind: slip?.getAttribute('data-slip-kind') ?? null });
    };
  });
  await page.reload();
}

/** Every print since the page last loaded. */
export const prints = (page: Page) => page.evaluate(() => (window as unknown as { prints: RecordedPrint[] }).prints);
