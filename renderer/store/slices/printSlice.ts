import type { StateCreator } from 'zustand';
import type { SessionSlice } from './sessionSlice';

/** How the patient's slip is doing: printing, out on paper, kept as a PDF, or failed. */
export type SlipStatus = 'printing' | 'printed' | 'saved' | 'failed';

/** The patient's slip printing. resetSession() puts it back to initial with the rest of the patient. */
export interface PrintSlice {
  /** Which slip (print/slip.ts `slipKey`) and how its printing went; null until it starts. */
  slip: { ref: string; status: SlipStatus } | null;
  /** The session is over (done while printing, or walked away) but the slip is not out yet: wipe once it is. */
  wipeWhenPrinted: boolean;
  setSlipStatus(ref: string, status: SlipStatus): void;
  /** Ends the session as soon as the slip is out: back to the receipt, which prints it if nobody has. */
  wipeOnceOut(): void;
}

export const initialPrint = {
  slip: null as PrintSlice['slip'],
  wipeWhenPrinted: false,
};

export const createPrintSlice: StateCreator<PrintSlice & SessionSlice, [], [], PrintSlice> = (set) => ({
  ...initialPrint,
  setSlipStatus: (ref, status) => set({ slip: { ref, status } }),
  wipeOnceOut: () => set({ wipeWhenPrinted: true, idlePromptOpen: false, screen: 'receipt' }),
});
