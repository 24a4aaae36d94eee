import type { ResponseOf } from '../../shared/ipc/contract';
import type { Receipt } from '../api/counter';
import { yuan } from '../components/money';

/** The element print.css prints alone (PrintSlip puts the slip there). */
export const PRINT_ROOT_ID = 'print-root';

/** How this terminal prints, as main answered it in getAppInfo. */
export type Printing = ResponseOf<'getAppInfo'>['printing'];

/** Until getAppInfo answers: nothing prints by itself, and the slip is laid out for the common 80 mm roll. */
export const NO_PRINTING: Printing = { auto: false, paper: '80mm', nextStep: { cashDue: '', paid: '', pending: '', cancel: '' } };

/** Which slip this is: what staff type or scan to reprint it. */
export const slipRef = (receipt: Receipt): string => (receipt.kind === 'pending' ? receipt.reference : receipt.msgid);

/** What a slip's print status is kept under: a cancel's slip is another slip than the settlement's, whatever its reference. */
export const slipKey = (receipt: Receipt): string => `${receipt.kind}:${slipRef(receipt)}`;

/**
 * Where the patient goes next, in the terminal's own words (the configuration's `printer.nextStep`
 * for this mode), with the cash still due written in as the screen writes money.
 */
export function nextStepOf(receipt: Receipt, printing: Printing): string {
  const steps = printing.nextStep;
  if (receipt.kind === 'pending') return steps.pending;
  if (receipt.kind === 'cancel') return steps.cancel;
  return receipt.cashFen > 0 ? steps.cashDue.replaceAll('{cash}', yuan(receipt.cashFen)) : steps.paid;
}

/** The slip's title, on screen and on paper alike: pending, cancel, registration slip or receipt. */
export function slipHeadingKey(receipt: Receipt, registration: unknown): 'receipt.pendingTitle' | 'receipt.cancelHeading' | 'receipt.slip' | 'receipt.heading' {
  if (receipt.kind === 'pending') return 'receipt.pendingTitle';
  if (receipt.kind === 'cancel') return 'receipt.cancelHeading';
  return registration ? 'receipt.slip' : 'receipt.heading';
}
