import type { BillLine, Clinician, PendingBill, RegistrationSlot, CatalogueProduct, InpatientStay } from '../../../shared/types/settlement';
export type { BillLine, Clinician, PendingBill, RegistrationSlot, CatalogueProduct, InpatientStay };

/**
 * What the settlement engine needs from the hospital information system (HIS). The sandbox's
 * mini HIS is the first implementation; a real hospital's system gets its own adapter.
 * Persons are named by psn_no, the platform's id, which the HIS records at registration.
 */
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
  /** The person's stays, newest first, as the admission desk picks one. */
  staysOf(psnNo: string): Promise<InpatientStay[]>;
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
