import type { Fen } from '../money';
import type { PendingReceipt, RegistrationInfo, SettlementReceipt } from './settlement';

/**
 * The staff side of a counter's day: the cashier confirming cash taken, today's settlements
 * looked up to reprint or cancel, and the admission desk's slip. Masked names only.
 */

/** The signed-in operator confirmed with their PIN that the patient's cash part was handed over. */
export interface CashTaken {
  setlId: string;
  msgid: string;
  cashFen: Fen;
  operator: { id: string; name: string };
  /** ISO time of the first confirmation (a second one answers the first). */
  at: string;
}

/** What one of today's journal rows is now, in words staff act on. */
export type TodayState = 'settled' | 'cancelled' | 'pending' | 'not-charged';

export interface TodaySettlement {
  msgid: string;
  /** A payment, or the cancel of one. */
  kind: 'settlement' | 'cancel';
  state: TodayState;
  /** When the attempt began, `yyyy-MM-dd HH:mm:ss` platform (China) time, as slips print it and the lookup's window counts. */
  at: string;
  maskedName: string;
  /** The platform's total when settled, else what was asked; null when unknown. */
  totalFen: Fen | null;
  cashFen: Fen | null;
  setlId: string | null;
  /** A settlement undone by a cancel: the cancel's setl_id. */
  cancelledBy: string | null;
  /** A cancel: the setl_id it undid. */
  cancels: string | null;
  /** Cash confirmed taken by the signed-in operator, for a cashier settlement with cash due. */
  cashTaken: { operatorId: string; at: string } | null;
  /** The slip to reprint (settled, cancelled or pending), rebuilt from the journal; null when nothing was charged. */
  slip: { receipt: SettlementReceipt | PendingReceipt; registration: RegistrationInfo | null } | null;
}

export interface TodayLookup {
  /** The platform day searched, `yyyy-MM-dd`. */
  day: string;
  rows: TodaySettlement[];
  /** More matched than are listed: narrow the search. */
  more: boolean;
  /** When this answer was made, `yyyy-MM-dd HH:mm:ss` platform time: what a reprint says. */
  reprintedAt: string;
}

/** The admission desk's slip: printed through the receipts' path (printReceipt), named by its msgid. */
export interface AdmissionSlip {
  kind: 'admission';
  status: 'admitted' | 'pending';
  institutionCode: string;
  institutionName: string;
  terminalId: string;
  patientName: string;
  stayNo: string;
  deptName: string;
  bed: string;
  /** The admission's msgid (2401): what staff quote to find it. */
  msgid: string;
  /** ISO time the slip was made. */
  time: string;
}
