import type { Fen } from '../../../shared/money';

/**
 * What the settlement engine needs from the hospital information system (HIS). The sandbox's
 * mini HIS is the first implementation; a real hospital's system gets its own adapter.
 * Persons are named by psn_no, the platform's id, which the HIS records at registration.
 */
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

export interface HisBridge {
  pendingBills(psnNo: string): Promise<PendingBill[]>;
  /** Idempotent for the same setl_id. */
  markPaid(billIds: readonly string[], setlId: string): Promise<void>;
  /** After a cancel (2208): the bills are pending again. Idempotent. */
  reopen(billIds: readonly string[], setlId: string): Promise<void>;
  registrationSlots(date?: string): Promise<RegistrationSlot[]>;
  /** Takes a place and raises the registration-fee bill. */
  register(psnNo: string, slotId: number): Promise<{ regNo: string; date: string; period: string; bill: PendingBill }>;
  cancelRegistration(regNo: string): Promise<void>;
  catalogueLookup(query: { barcode?: string | undefined; text?: string | undefined }): Promise<CatalogueProduct[]>;
  stay(stayNo: string): Promise<InpatientStay>;
  /** Closes the stay for new lines (idempotent once discharged). */
  dischargeStay(stayNo: string): Promise<InpatientStay>;
  markStayPaid(stayNo: string, setlId: string): Promise<void>;
}

/** The HIS did not answer, or refused: the use-case reports HIS_UNAVAILABLE or NOTHING_TO_SETTLE. */
export class HisUnavailable extends Error {
  constructor(
    detail: string,
    readonly status?: number,
  ) {
    super(detail);
    this.name = 'HisUnavailable';
  }
}
