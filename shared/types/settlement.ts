import type { Fen } from '../money';

/**
 * What the settlement engine answers the screens, in fen and masked: the response half of the
 * IPC contract's settlement methods, defined once for the engine and the renderer.
 */
export type QuoteKind = 'registration' | 'outpatient' | 'pharmacy' | 'discharge';

/** Shown on the slip of a registration; cancelled in the HIS if the patient declines. */
export interface RegistrationInfo {
  regNo: string;
  deptName: string;
  doctorName: string;
  date: string;
  period: string;
}

/** One printed line; kept in the journal row so a receipt can be reprinted after recovery. */
export interface ReceiptItem {
  name: string;
  cnt: string;
  amountFen: Fen;
}

export interface SettlementReceipt {
  kind: 'settlement' | 'cancel';
  institutionCode: string;
  institutionName: string;
  terminalId: string;
  patientName: string;
  items: ReceiptItem[];
  totalFen: Fen;
  fundFen: Fen;
  accountFen: Fen;
  cashFen: Fen;
  hospitalFen: Fen;
  balanceAfterFen: Fen | null;
  setlId: string;
  msgid: string;
  time: string;
}

/** What the patient takes away when the platform's answer was lost: a reference, not a promise. */
export interface PendingReceipt {
  kind: 'pending';
  institutionCode: string;
  institutionName: string;
  terminalId: string;
  patientName: string;
  items: ReceiptItem[];
  requestedFen: Fen | null;
  reference: string;
  time: string;
  note: string;
}

/** One fee line as the hospital system has it. */
export interface BillLine {
  /** Unique within the visit: what 2204 / 2301 carry as feedetl_sn. */
  feedetlSn: string;
  medListCodg: string;
  medinsListCodg: string;
  name: string;
  /** Quantity as exact decimal text (16,4 on the wire). */
  cnt: string;
  /** Unit price as exact decimal yuan text (16,6 on the wire). */
  pric: string;
  amountFen: Fen;
  /** When the line was ordered, `yyyy-MM-dd HH:mm:ss`. */
  occurredAt: string;
}

export interface Clinician {
  deptCode: string;
  deptName: string;
  /** Department category code (caty) of the platform's dictionary. */
  caty: string;
  doctorCode: string;
  doctorName: string;
}

export interface PendingBill extends Clinician {
  billId: string;
  kind: 'registration' | 'outpatient';
  /** The HIS visit number, 2201's ipt_otp_no; bills of one visit settle together. */
  visitNo: string;
  totalFen: Fen;
  lines: BillLine[];
}

export interface RegistrationSlot extends Clinician {
  slotId: number;
  date: string;
  period: 'AM' | 'PM';
  doctorTitle: string;
  feeFen: Fen;
  remaining: number;
}

export interface CatalogueProduct {
  medListCodg: string;
  medinsListCodg: string;
  barcode: string | null;
  name: string;
  unit: string;
  priceFen: Fen;
}

export interface InpatientStay extends Clinician {
  stayNo: string;
  psnNo: string;
  bed: string;
  /** `yyyy-MM-dd` */
  admittedOn: string;
  dischargedOn: string | null;
  status: 'admitted' | 'discharged' | 'paid';
  lines: BillLine[];
}

/** What the screen may show about the patient: masked, plus an opaque handle for later calls. */
export interface IdentifiedPerson {
  personRef: string;
  maskedName: string;
  maskedCertno: string;
  gender: string;
  age: number | null;
  insutype: string;
  /** Personal account balance before this visit, in fen (0 for residents). */
  balanceFen: number;
}

export interface BillView {
  billId: string;
  visitNo: string;
  kind: PendingBill['kind'];
  deptName: string;
  doctorName: string;
  totalFen: number;
  items: ReceiptItem[];
}

/** What the patient is asked to confirm: the platform's pre-settlement split, in fen. */
export interface QuoteView {
  quoteId: string;
  kind: QuoteKind;
  items: ReceiptItem[];
  totalFen: number;
  fundFen: number;
  accountFen: number;
  cashFen: number;
  hospitalFen: number;
  registration?: RegistrationInfo;
}

export type SettleResult =
  | { status: 'settled'; receipt: SettlementReceipt }
  | { status: 'pending'; receipt: PendingReceipt };

export type AdmissionResult =
  | { status: 'admitted'; stayNo: string; deptName: string; bed: string; reference: string }
  | { status: 'pending'; stayNo: string; reference: string };

export type ReconcileVerdict = 'balanced' | 'platform-has-more' | 'kiosk-has-more' | 'amounts-differ' | 'unexpected';

export interface ReconcileGroup {
  insutype: string;
  clrType: string;
  clrOptins: string;
  count: number;
  medfeeFen: Fen;
  fundFen: Fen;
  accountFen: Fen;
  verdict: ReconcileVerdict;
  /** The platform's own words, for the staff member who follows up. */
  platformSays: string;
}

export interface ReconcileReport {
  day: string;
  groups: ReconcileGroup[];
  /** Attempts of the day still being resolved: totals are provisional while this is not 0. */
  unresolved: number;
  explanation: string;
}

/** A stay as the admission desk picks it: no fee lines, just what tells stays apart. */
export interface InpatientStayView {
  stayNo: string;
  deptName: string;
  doctorName: string;
  bed: string;
  admittedOn: string;
  status: InpatientStay['status'];
  totalFen: Fen;
}
