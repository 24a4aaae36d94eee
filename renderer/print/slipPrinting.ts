import { useCallback } from 'react';
import type { AdmissionSlip } from '../../shared/types/staffDesk';
import type { Receipt } from '../api/counter';
import { useApi } from '../app/apiContext';
import type { KioskState } from '../store';
import type { SlipStatus } from '../store/slices/printSlice';
import { PRINT_ROOT_ID, slipKey } from './slip';

/** Statuses after which the session may be wiped: the slip is out, on paper or as a PDF. */
const OUT: readonly SlipStatus[] = ['printed', 'saved'];

/**
 * A receipt in the session whose slip is not out holds the idle wipe: the session ends only once
 * it has printed (the receipt screen prints it first). The patient declines a slip by tapping
 * 完成 without printing, which ends the session directly, not through here.
 */
export function slipHoldsWipe(s: Pick<KioskState, 'receipt' | 'slip'>): boolean {
  if (!s.receipt) return false;
  return !(s.slip?.ref === slipKey(s.receipt) && OUT.includes(s.slip.status));
}

/** How long printing waits for the slip's fonts before it prints with whatever it has. */
const FONT_WAIT_MS = 3000;

/**
 * Loads the font slices the slip's characters need. Noto Sans SC comes in unicode-range slices
 * that the browser fetches only for characters it lays out on screen, and #print-root is never
 * on screen: printed at once, a slip's own labels came out as empty boxes.
 */
export async function loadSlipFonts(doc: Document = document): Promise<void> {
  const text = doc.getElementById(PRINT_ROOT_ID)?.textContent ?? '';
  const fonts = doc.fonts as FontFaceSet | undefined;
  if (!text || !fonts?.load) return;
  const loaded = Promise.all(['400', '700'].map((weight) => fonts.load(`${weight} 16px "Noto Sans SC"`, text))).catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([loaded, new Promise<void>((resolve) => (timer = setTimeout(resolve, FONT_WAIT_MS)))]);
  clearTimeout(timer);
}

/**
 * Prints a slip the way this shell prints: main sends the window (its print stylesheet shows only
 * #print-root) to the configured printer or keeps a PDF; in the browser bridge main answers
 * `browser` and the page prints itself (silently where Chromium runs with --kiosk-printing).
 */
export function usePrintSlip(): (receipt: Receipt | AdmissionSlip) => Promise<Exclude<SlipStatus, 'printing'>> {
  const api = useApi();
  return useCallback(
    async (receipt) => {
      await loadSlipFonts();
      const result = await api.printReceipt({ receipt });
      if (!result.ok) return 'failed';
      if (result.value.via === 'browser') window.print();
      return result.value.via === 'pdf' ? 'saved' : 'printed';
    },
    [api],
  );
}
