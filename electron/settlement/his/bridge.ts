import type { Fen } from '../../../shared/money';

/**
 * What the settlement engine needs from the hospital information system (HIS). The sandbox's
 * mini HIS is the first implementation; a real hospital's system gets its own adapter.
 */
export interface BillLine {
  /** Unique within the visit (feedetl_sn). */
  lineNo: string;
  medListCodg: string;
  medinsListCodg: string;
  name: string;
  /** Quantity as the exact decimal text the HIS holds (16,4 on the wire). */
  cnt: string;
  /** Unit price as exact decimal yuan text (16,6 on the wire). */
  pric: string;
  amountFen: Fen;
  /** When the line was ordered, `yyyy-MM-dd HH:mm:ss`. */
  occurredAt: string;
  deptCode: string;
  deptName: string;
  doctorCode: string;
  doctorName: string;
  rxno?: string;
}

export interface PendingBill {
  billId: string;
  psnCertno: string;
  deptCode: string;
  deptName: string;
  doctorCode: string;
  doctorName: string;
  diseCodg?: string;
  diseName?: string;
  totalFen: Fen;
  lines: BillLine[];
}

export interface RegistrationSlot {
  slotId: string;
  deptCode: string;
  deptName: string;
  /** Department category code (caty) as the platform's dictionary has it. */
  caty: string;
  doctorCode: string;
  doctorName: string;
  doctorTitle: string;
  feeFen: Fen;
  /** The registration fee's catalogue codes, to upload as its fee line. */
  feeMedListCodg: string;
  feeMedinsListCodg: string;
  feeName: string;
  remaining: number;
}

export interface CatalogueProduct {
  medListCodg: string;
  medinsListCodg: string;
  barcode?: string;
  name: string;
  unit: string;
  priceFen: Fen;
}

export interface InpatientStay {
  iptNo: string;
  psnCertno: string;
  deptCode: string;
  deptName: string;
  bed: string;
  doctorCode: string;
  doctorName: string;
  admDiagCode: string;
  admDiagName: string;
  admittedAt: string;
  dischargedAt?: string;
  lines: BillLine[];
}

export interface MarkPaid {
  billIds: string[];
  setlId: string;
  msgid: string;
}

export interface HisBridge {
  pendingBills(certno: string): Promise<PendingBill[]>;
  /** Idempotent: marking a bill paid twice with the same settlement is not an error. */
  markPaid(paid: MarkPaid): Promise<void>;
  registrationSlots(): Promise<RegistrationSlot[]>;
  /** Takes a slot for the patient; returns the HIS's outpatient serial (ipt_otp_no). */
  bookSlot(slotId: string, certno: string): Promise<{ iptOtpNo: string }>;
  catalogueLookup(query: { barcode?: string; text?: string }): Promise<CatalogueProduct[]>;
  inpatientStay(iptNo: string): Promise<InpatientStay | undefined>;
}

/** The HIS did not answer or answered nonsense; the use-case reports HIS_UNAVAILABLE. */
export class HisUnavailable extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'HisUnavailable';
  }
}
