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
  /** On a cancel's receipt: the settlement it undoes (its slip prints the original setl_id). */
  cancels?: { setlId: string; msgid: string };
  /** 个人账户家庭共济 (acct_mulaid_pay; negative on a cancel), when a relative's account paid. */
  mutualAidFen?: Fen;
  /** The relative who paid or acted (masked), and what the patient is to them. */
  payer?: { maskedName: string; relation: string };
  /** The password-free cap and its use today, including this settlement. */
  passwordFree?: { perTransactionFen: Fen; perDayFen: Fen; usedTodayFen: Fen; secondFactor: 'id-digits' | 'staff-pin' | null };
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
  /** By when (platform time, `yyyy-MM-dd HH:mm:ss`) the outcome is decided: the gateway's window has closed. */
  confirmBy: string;
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

/**
 * A diagnosis as the hospital's doctor recorded it: what 2203 / 2401 / 2402 carry in `diseinfo`.
 * Always the HIS's own record, never filled in by the kiosk.
 */
export interface Diagnosis {
  /** NHSA diag_type: '1' western medicine, '2' TCM disease, '3' TCM syndrome. */
  diagType: string;
  /** Order within the list (diag_srt_no), from 1. */
  seq: number;
  code: string;
  name: string;
  /** The main diagnosis (maindiag_flag). */
  main: boolean;
  deptCode: string;
  deptName: string;
  doctorCode: string;
  doctorName: string;
  /** When it was made, `yyyy-MM-dd HH:mm:ss` China time. */
  time: string;
}

/** Who ordered a line (2204 / 2301 bilg_dept_* and bilg_dr_*). */
export interface LineOrderer {
  deptCode: string;
  deptName: string;
  doctorCode: string;
  doctorName: string;
}

/** A fee line from the hospital system: a bill line plus what the doctor's order says about it. */
export interface HisBillLine extends BillLine {
  /** The prescription number (2204 rxno) when the line comes from a prescription, else null. */
  rxno: string | null;
  /** Whether that prescription is circulated to outside pharmacies (rx_circ_flag); false otherwise. */
  rxCirculation: boolean;
  orderedBy: LineOrderer;
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
  lines: HisBillLine[];
  /** When the visit began (the registration time for a registered visit), `yyyy-MM-dd HH:mm:ss`: 2201/2203 begntime. */
  begntime: string;
  /** The visit's diagnoses so far (empty before the doctor has seen the patient). */
  diagnoses: Diagnosis[];
  /**
   * The platform visit (mdtrt_id) the HIS has recorded for this visit, from whichever terminal
   * opened it with 2201; null until one did. Bills of one visit share it.
   */
  mdtrtId: string | null;
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

/** `doctorCode` / `doctorName` are the attending doctor (2401 atddr_no / chfpdr_name). */
export interface InpatientStay extends Clinician {
  stayNo: string;
  psnNo: string;
  bed: string;
  /** `yyyy-MM-dd` */
  admittedOn: string;
  dischargedOn: string | null;
  status: 'admitted' | 'discharged' | 'paid';
  lines: HisBillLine[];
  /** The real admission time, `yyyy-MM-dd HH:mm:ss` (2401 begntime). */
  admittedAt: string;
  /** The real discharge time (2402 endtime); null while admitted. */
  dischargedAt: string | null;
  /** Diagnoses on admission (2401 diseinfo). */
  admissionDiagnoses: Diagnosis[];
  /** Diagnoses on discharge (2402 diseinfo); empty while admitted. */
  dischargeDiagnoses: Diagnosis[];
  /** NHSA dscg_way ('1' discharged on the doctor's order, '2' transferred, … '9' other); null while admitted. */
  dischargeWay: string | null;
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
  /** Family payment (issue 15): present when a relative identified at the counter acts for this patient. */
  payer?: PayerView;
}

/** Family payment (issue 15): one bound member the identified person may act for, masked. */
export interface FamilyMemberView {
  /** Opaque, for actForFamily; valid for this counter session only. */
  memberRef: string;
  maskedName: string;
  /** What the member is to the payer, in Chinese: 配偶, 父亲, 母亲, 子女, 其他亲属. */
  relation: string;
  /** The payer's employee account may pay this member's personal part (个人账户家庭共济). */
  canMutualAid: boolean;
}

/**
 * The relative acting for the patient, as screens show them: "为 欧*明（父亲）结算" names the
 * patient and `relation` (what the patient is to the payer); `maskedName` is the payer's.
 */
export interface PayerView {
  maskedName: string;
  relation: string;
  mutualAidAvailable: boolean;
}

/**
 * The password-free cap of the region (issue 15) as it applies to one quote or slip. Counted per
 * authorising person (the payer, else the patient) per platform day from this terminal's journal.
 */
export interface PasswordFreeView {
  perTransactionFen: number;
  perDayFen: number;
  /** Settled (and not cancelled) today before this one, by the same person on this terminal. */
  usedTodayFen: number;
  /** This amount goes above a cap: confirmSettlement needs passSecondFactor first. */
  secondFactorRequired: boolean;
  /** How the second factor was given for this quote, if it was. */
  secondFactor: 'id-digits' | 'staff-pin' | null;
}

/**
 * passSecondFactor's answer. A wrong set of digits leaves `attemptsLeft` tries (then only a staff
 * PIN is taken for that quote); a wrong PIN is a NOT_AUTHORISED error, counted by the PIN lockout.
 */
export type SecondFactorResult =
  | { passed: true; via: 'id-digits' | 'staff-pin' }
  | { passed: false; attemptsLeft: number };

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
  /** Whether this split pays the personal part from the personal account (acct_used_flag 1). */
  useAccount: boolean;
  registration?: RegistrationInfo;
  /** 个人账户家庭共济: paid from the payer's account (acct_mulaid_pay); 0 without a payer. */
  mutualAidFen?: number;
  /** Whether this split asks for 共济 (requoteSettlement's useMutualAid). */
  useMutualAid?: boolean;
  /** The relative paying, when one acts for the patient. */
  payer?: { maskedName: string; relation: string };
  /** The region's password-free cap, when it has one and this identification is by face or e-voucher. */
  passwordFree?: PasswordFreeView;
}

export type SettleResult =
  | { status: 'settled'; receipt: SettlementReceipt }
  | { status: 'pending'; receipt: PendingReceipt };

export type AdmissionResult =
  | { status: 'admitted'; stayNo: string; deptName: string; bed: string; reference: string }
  | { status: 'pending'; stayNo: string; reference: string };

/**
 * What 3201 answered for a group: the platform's records of the whole institution (every
 * terminal and staffed counter) against this terminal's totals. Not this terminal's verdict.
 */
export type TotalsVerdict = 'balanced' | 'platform-has-more' | 'kiosk-has-more' | 'amounts-differ' | 'unexpected';

/**
 * This terminal's own settlements against the platform's records of them: balanced when 3201
 * balanced, or when the per-settlement check (3202) found nothing wrong with them and no
 * orphan; `unchecked` when 3201 did not balance and the per-settlement check could not be done.
 */
export type TerminalVerdict = 'balanced' | 'problems' | 'unchecked';

export interface ReconcileGroup {
  insutype: string;
  clrType: string;
  clrOptins: string;
  /** This terminal's done settlements and cancels of the group that day. */
  count: number;
  medfeeFen: Fen;
  fundFen: Fen;
  accountFen: Fen;
  verdict: TerminalVerdict;
  totals: TotalsVerdict;
  /** 3201's own words, for the staff member who follows up. */
  platformSays: string;
  /** Whether the per-settlement check ran for the group's clearing type and agency. */
  detailChecked: boolean;
  /** Why the per-settlement check could not be done (`unchecked` only). */
  detailProblem: string | null;
}

export interface ReconcileAmounts {
  medfeeFen: Fen;
  fundFen: Fen;
  accountFen: Fen;
}

/** One of this terminal's settlements the platform records differently, named for staff (masked). */
export interface ReconcileProblem {
  /** only-on-terminal: the platform has no valid record; amounts-differ; platform-differs: the platform's record of our msgid is another settlement. */
  kind: 'only-on-terminal' | 'amounts-differ' | 'platform-differs';
  msgid: string;
  setlId: string;
  /** First and last 4 digits of psn_no, e.g. 4212…0017. */
  maskedPsnNo: string;
  maskedName: string;
  /** Settlement time, or the request time its msgid carries; yyyy-MM-dd HH:mm:ss. */
  time: string | null;
  refund: boolean;
  terminal: ReconcileAmounts | null;
  platform: ReconcileAmounts | null;
  /** The platform's memo on the line. */
  platformSays: string;
}

/**
 * A valid platform settlement carrying this terminal's msgid that its journal does not hold as
 * done: money moved with no record at this terminal. Offered to staff for reversal.
 */
export interface ReconcileOrphan extends ReconcileAmounts {
  msgid: string;
  setlId: string;
  maskedPsnNo: string;
  /** From the journal when it knows the person; empty otherwise. */
  maskedName: string;
  /** The request time the msgid carries. */
  time: string | null;
  refund: boolean;
  /** What this terminal's journal holds of the msgid: nothing, or an attempt it took as failed or reversed. */
  journalState: 'none' | 'failed' | 'reversed';
  platformSays: string;
}

/** A platform settlement with this terminal's msgid whose outcome recovery is still confirming (确认中). */
export interface ReconcilePending {
  msgid: string;
  setlId: string;
  maskedPsnNo: string;
  maskedName: string;
  time: string | null;
  medfeeFen: Fen;
}

export interface ReconcileReport {
  day: string;
  groups: ReconcileGroup[];
  /** This terminal's verdict for the day: every group balanced for it, no problem, no orphan. */
  balanced: boolean;
  /** Settlements of other terminals or staffed counters of the institution met in the check: theirs, not a problem. */
  otherTerminals: number;
  problems: ReconcileProblem[];
  orphans: ReconcileOrphan[];
  pending: ReconcilePending[];
  /** Attempts of the day still being resolved: totals are provisional while this is not 0. */
  unresolved: number;
  explanation: string;
}

/** What became of an orphan staff handed to recovery: reversed, or still unknown (recovery keeps trying). */
export interface OrphanReversal {
  msgid: string;
  state: 'pending' | 'done' | 'failed' | 'unknown' | 'reversed';
  explanation: string;
}

/** This terminal's done settlements and cancels of a day, for the finance office to add up. */
export interface DayCsvExport {
  day: string;
  filename: string;
  /** UTF-8 with BOM, CRLF, a Chinese header row and a totals row. */
  csv: string;
  count: number;
  medfeeFen: Fen;
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

/** An attempt whose outcome is not final yet, as staff see it in diagnostics. */
export interface UnresolvedAttemptView {
  msgid: string;
  /** What it was: 门诊结算, 药店结算, … */
  what: string;
  maskedName: string;
  requestedFen: Fen | null;
  /** When it was sent (ISO). */
  sentAt: string;
  /** After this (ISO) "no record on the platform" means it never happened. */
  decidableAt: string;
  /** Recovery cannot settle it from the platform's answers: staff must. */
  needsStaff: boolean;
  /** What the platform's records showed at the last look, in Chinese; null before the first look. */
  platformSays: string | null;
  /**
   * Whether the platform holds a valid record a "settled" resolution can record: read after any
   * reversal of ours could still have arrived.
   */
  platformHasRecord: boolean;
  /** Staff may resolve it now: it is listed for staff, or its window has closed. */
  staffMayResolve: boolean;
  attempts: number;
}
