import type { SettlementAmounts } from './nhsa/setlinfo';

/** The journal's vocabulary: what a row is and can become. The rules live in journal.ts, the table in journalRows.ts. */
export const REVERSIBLE_INFNOS = ['2102', '2103', '2207', '2208', '2304', '2305', '2401'] as const;
export type ReversibleInfno = (typeof REVERSIBLE_INFNOS)[number];

export type EntryState = 'pending' | 'done' | 'failed' | 'unknown' | 'reversed';
/** Who or what settled a row's outcome. `staff:<operator id>` for a staff resolution. */
export type ResolvedBy = 'answer' | '2601' | 'query' | 'time' | `staff:${string}`;

/** What the platform's own records showed about an unresolved attempt: what staff decide from. */
export interface PlatformView {
  /** When the platform was asked (ISO). */
  at: string;
  found: 'valid' | 'reversed' | 'absent' | 'unreadable';
  /** One Chinese sentence for the staff screen. */
  summary: string;
  /** Consecutive looks that found the same (valid or unreadable): what sends a row to staff. */
  rounds?: number;
  /** The platform's record, when it has one: what a "settled" resolution records. */
  record?: {
    setlId: string;
    setlTime: string | null;
    mdtrtId: string | null;
    amounts: SettlementAmounts | null;
    clrType: string | null;
    clrOptins: string | null;
    insutype: string | null;
  };
}
/** Whether the journal still owes the hospital system a "paid" mark for a done settlement. */
export type HisState = 'none' | 'owed' | 'marked';

export interface NewEntry {
  infno: ReversibleInfno;
  /** What the attempt acts on (a person's outpatient bills, a visit, a settlement): the lock key. */
  subject: string;
  psnNo: string;
  insuplcAdmdvs: string;
  maskedName: string;
  mdtrtId?: string;
  insutype?: string;
  /** What the kiosk asked the platform to settle, in fen (medfee_sumamt), for the pending receipt. */
  requestedFen?: number;
  /** Use-case data the outcome needs later: bill ids, receipt items, the settlement a cancel undoes. */
  detail?: Record<string, unknown>;
  /** Family payment (issue 15): the relative who acted for the patient (`psnNo` is the patient's). */
  payer?: JournalPayer;
}

/** The payer on a row: psn_no for the cap's count and 共济's records, masked name and relation for slips. */
export interface JournalPayer {
  psnNo: string;
  maskedName: string;
  relation: string;
}

export interface JournalEntry extends Required<Omit<NewEntry, 'mdtrtId' | 'insutype' | 'requestedFen' | 'payer'>> {
  msgid: string;
  payer: JournalPayer | null;
  state: EntryState;
  mdtrtId: string | null;
  insutype: string | null;
  requestedFen: number | null;
  setlId: string | null;
  /** The platform's settlement time, `yyyy-MM-dd HH:mm:ss` China time: reconciliation's day. */
  setlTime: string | null;
  amounts: SettlementAmounts | null;
  clrType: string | null;
  clrOptins: string | null;
  error: string | null;
  resolvedBy: string | null;
  hisState: HisState;
  attempts: number;
  nextAttemptAt: string | null;
  /** Recovery could not settle it from the platform's answers and records: staff must. */
  needsStaff: boolean;
  /** When recovery last sent 2601 for it (ISO), if ever. */
  lastReversalAt: string | null;
  platformView: PlatformView | null;
  createdAt: string;
  updatedAt: string;
}

export interface DoneOutcome {
  setlId?: string | null;
  setlTime?: string | null;
  mdtrtId?: string | null;
  amounts?: SettlementAmounts | null;
  clrType?: string;
  clrOptins?: string;
  insutype?: string;
  /** True when the hospital system must still be told the bills are paid. */
  hisOwed?: boolean;
}
