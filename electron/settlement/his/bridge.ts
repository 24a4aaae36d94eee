import type {
  BillLine, Clinician, Diagnosis, HisBillLine, LineOrderer, PendingBill, RegistrationSlot, CatalogueProduct, InpatientStay,
} from '../../../shared/types/settlement';
import type { HisRefusalReason } from '../../../shared/his/schemas';
export type { BillLine, Clinician, Diagnosis, HisBillLine, LineOrderer, PendingBill, RegistrationSlot, CatalogueProduct, InpatientStay };

/**
 * What the settlement engine needs from the hospital information system (HIS). One HTTP client
 * (httpHis.ts) talks to any HIS that implements the documented port (shared/his, published as
 * build/his-openapi.json); the sandbox's mini HIS is one of them. Persons are named by psn_no,
 * the platform's id, which the HIS records at registration.
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
  /** After a discharge settlement cancel (2305): the stay is unpaid again. Idempotent. */
  reopenStay(stayNo: string, setlId: string): Promise<void>;
  /**
   * The platform visit (mdtrt_id) opened with 2201 for this HIS visit: the HIS keeps it, and every
   * bill of the visit carries it from then on. Idempotent; another one recorded already is a 409.
   */
  recordPlatformVisit(visitNo: string, mdtrtId: string): Promise<void>;
}

/** The statuses that are the HIS's decision about the request, not a failure to decide it. */
const REFUSALS = new Set([400, 404, 409, 410, 422]);

/**
 * The HIS did not answer, answered what the port does not allow, or refused: the use-case
 * boundary says why (refusalCodes.ts). `status` is the HTTP status of an answer the HIS gave,
 * absent when there was none or it was not a valid answer; `reason` is the refusal's reason when
 * the operation lists it for that status (a full slot, an unknown stay), never inferred.
 */
export class HisUnavailable extends Error {
  constructor(
    detail: string,
    readonly status?: number,
    readonly reason?: HisRefusalReason,
  ) {
    super(detail);
    this.name = 'HisUnavailable';
  }

  /** The HIS said no (unknown, invalid, conflicting): retrying the same request cannot help. 401/403/429 are not. */
  get refused(): boolean {
    return this.status !== undefined && REFUSALS.has(this.status);
  }
}
