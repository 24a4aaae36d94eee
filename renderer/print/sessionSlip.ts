import { useCallback } from 'react';
import type { AdmissionSlip } from '../../shared/types/staffDesk';
import type { Receipt } from '../api/counter';
import { useKioskStore } from '../store';
import type { SlipStatus } from '../store/slices/printSlice';
import { usePrintSlip } from './slipPrinting';

/** What a screen says of the session's slip, the receipt's and the admission's alike. */
export const SLIP_STATUS_TEXT = {
  printing: 'print.printing',
  printed: 'receipt.printed',
  saved: 'print.saved',
  failed: 'receipt.printFailed',
} as const satisfies Record<SlipStatus, string>;

/**
 * Prints the session's slip, kept in the store under `key` so that every screen and the idle
 * wipe see how it is doing. The outcome is kept only while the same session lasts: a slip
 * finishing after the visit ended must not mark the next patient's.
 */
export function usePrintSessionSlip(): (key: string, slip: Receipt | AdmissionSlip, again: boolean) => Promise<void> {
  const printSlip = usePrintSlip();
  return useCallback(
    async (key, slip, again) => {
      const s = useKioskStore.getState();
      // One job per slip: a second render (or React's strict double effect) must not print it twice.
      if (!again && s.slip?.ref === key) return;
      const { generation } = s;
      s.setSlipStatus(key, 'printing');
      const outcome = await printSlip(slip);
      if (useKioskStore.getState().generation === generation) useKioskStore.getState().setSlipStatus(key, outcome);
    },
    [printSlip],
  );
}
