import type { SettlementAmounts } from './nhsa/setlinfo';
import type { EntryState, HisState, JournalEntry, PlatformView, ReversibleInfno } from './journalTypes';

/** The journal's table and the mapping of its rows; the rules live in journal.ts. */
export interface Row {
  msgid: string;
  infno: string;
  subject: string;
  state: string;
  psn_no: string;
  insuplc_admdvs: string;
  masked_name: string;
  mdtrt_id: string | null;
  insutype: string | null;
  requested_fen: number | null;
  setl_id: string | null;
  setl_time: string | null;
  amounts: string | null;
  clr_type: string | null;
  clr_optins: string | null;
  detail: string;
  error: string | null;
  resolved_by: string | null;
  his_state: string;
  attempts: number;
  next_attempt_at: string | null;
  needs_staff: number;
  platform_view: string | null;
  last_reversal_at: string | null;
  created_at: string;
  updated_at: string;
  payer_psn_no: string | null;
  payer_masked_name: string | null;
  payer_relation: string | null;
}

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS journal (
  msgid TEXT PRIMARY KEY,
  infno TEXT NOT NULL,
  subject TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed', 'unknown', 'reversed')),
  psn_no TEXT NOT NULL,
  insuplc_admdvs TEXT NOT NULL,
  masked_name TEXT NOT NULL,
  mdtrt_id TEXT,
  insutype TEXT,
  requested_fen INTEGER,
  setl_id TEXT,
  setl_time TEXT,
  amounts TEXT,
  clr_type TEXT,
  clr_optins TEXT,
  detail TEXT NOT NULL,
  error TEXT,
  resolved_by TEXT,
  his_state TEXT NOT NULL DEFAULT 'none',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS journal_one_unresolved_per_subject
  ON journal (subject) WHERE state IN ('pending', 'unknown');
CREATE INDEX IF NOT EXISTS journal_setl_id ON journal (setl_id);
CREATE INDEX IF NOT EXISTS journal_created ON journal (created_at);
CREATE TABLE IF NOT EXISTS journal_resolution (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  msgid TEXT NOT NULL,
  at TEXT NOT NULL,
  operator_id TEXT NOT NULL,
  resolution TEXT NOT NULL,
  reason TEXT NOT NULL,
  platform_view TEXT
);
`;

/** Columns added after the first release: added in place to a journal an older version wrote. */
export const LATER_COLUMNS: ReadonlyArray<[string, string]> = [
  ['needs_staff', 'INTEGER NOT NULL DEFAULT 0'],
  ['platform_view', 'TEXT'],
  ['last_reversal_at', 'TEXT'],
  // Family payment (issue 15): the relative who acted and paid, beside the patient.
  ['payer_psn_no', 'TEXT'],
  ['payer_masked_name', 'TEXT'],
  ['payer_relation', 'TEXT'],
];

export function toEntry(row: Row): JournalEntry {
  return {
    msgid: row.msgid,
    infno: row.infno as ReversibleInfno,
    subject: row.subject,
    state: row.state as EntryState,
    psnNo: row.psn_no,
    insuplcAdmdvs: row.insuplc_admdvs,
    maskedName: row.masked_name,
    mdtrtId: row.mdtrt_id,
    insutype: row.insutype,
    requestedFen: row.requested_fen,
    setlId: row.setl_id,
    setlTime: row.setl_time,
    amounts: row.amounts ? (JSON.parse(row.amounts) as SettlementAmounts) : null,
    clrType: row.clr_type,
    clrOptins: row.clr_optins,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    error: row.error,
    resolvedBy: row.resolved_by,
    hisState: row.his_state as HisState,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    needsStaff: row.needs_staff === 1,
    lastReversalAt: row.last_reversal_at,
    platformView: row.platform_view ? (JSON.parse(row.platform_view) as PlatformView) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    payer: row.payer_psn_no ? { psnNo: row.payer_psn_no, maskedName: row.payer_masked_name ?? '', relation: row.payer_relation ?? '' } : null,
  };
}
