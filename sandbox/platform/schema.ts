import type { DatabaseSync } from 'node:sqlite';
import { DEMO_PERSONS } from '../seed/demoPersons';
import { migrateFamily } from './family';

/** Designated institutions of the demo region. */
export const DEMO_INSTITUTIONS = [
  { code: 'H42120200001', name: '咸宁市演示医院', kind: 'hospital', area: '421200' },
  { code: 'P42120200001', name: '咸宁市演示大药房', kind: 'pharmacy', area: '421200' },
] as const;

// Indexes are only those the request path reads by: every index is one more page per commit.
// Fee lines are found through their visit (the key's prefix); 3201 scans the settlements.
const TABLES = `
CREATE TABLE IF NOT EXISTS platform_institution (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, area TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS platform_person (
  psn_no TEXT PRIMARY KEY, name TEXT NOT NULL, certno TEXT NOT NULL UNIQUE, gender TEXT NOT NULL,
  birthday TEXT NOT NULL, card_no TEXT NOT NULL UNIQUE, card_sn TEXT NOT NULL, insutype TEXT NOT NULL,
  insuplc_admdvs TEXT NOT NULL, insured INTEGER NOT NULL, balance_fen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS platform_annual (
  psn_no TEXT NOT NULL, year INTEGER NOT NULL, setting TEXT NOT NULL,
  deductible_used_fen INTEGER NOT NULL DEFAULT 0, fund_paid_fen INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (psn_no, year, setting)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS platform_signin (
  sign_no TEXT PRIMARY KEY, fixmedins_code TEXT NOT NULL, opter_no TEXT NOT NULL,
  sign_time TEXT NOT NULL, signed_out_at TEXT);
CREATE TABLE IF NOT EXISTS platform_nonce (nonce TEXT PRIMARY KEY, seen_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS platform_nonce_seen ON platform_nonce (seen_at);
CREATE TABLE IF NOT EXISTS platform_message (
  msgid TEXT PRIMARY KEY, infno TEXT NOT NULL, fixmedins_code TEXT NOT NULL, psn_no TEXT,
  infcode INTEGER NOT NULL, err_msg TEXT, received_at TEXT NOT NULL, reversed_by TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS platform_visit (
  id INTEGER PRIMARY KEY, mdtrt_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, psn_no TEXT NOT NULL,
  fixmedins_code TEXT NOT NULL, insutype TEXT NOT NULL, med_type TEXT, ipt_otp_no TEXT,
  begntime TEXT, endtime TEXT, state TEXT NOT NULL, info_uploaded INTEGER NOT NULL DEFAULT 0,
  dise_codg TEXT, created_msgid TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS platform_visit_psn ON platform_visit (psn_no, state);
CREATE INDEX IF NOT EXISTS platform_visit_his_no ON platform_visit (fixmedins_code, ipt_otp_no);
CREATE TABLE IF NOT EXISTS platform_fee (
  mdtrt_id TEXT NOT NULL, feedetl_sn TEXT NOT NULL, chrg_bchno TEXT NOT NULL, med_list_codg TEXT NOT NULL,
  cnt4 INTEGER NOT NULL, pric6 INTEGER NOT NULL, amount_fen INTEGER NOT NULL,
  fulamt_fen INTEGER NOT NULL, overlmt_fen INTEGER NOT NULL, preself_fen INTEGER NOT NULL,
  inscp_fen INTEGER NOT NULL, selfpay_prop_bp INTEGER NOT NULL, setl_id TEXT, settled INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (mdtrt_id, feedetl_sn)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS platform_settlement (
  id INTEGER PRIMARY KEY, setl_id TEXT NOT NULL UNIQUE, msgid TEXT NOT NULL UNIQUE, infno TEXT NOT NULL,
  mdtrt_id TEXT NOT NULL, psn_no TEXT NOT NULL, fixmedins_code TEXT NOT NULL, insutype TEXT NOT NULL,
  med_type TEXT NOT NULL, setting TEXT NOT NULL, year INTEGER NOT NULL, mdtrt_cert_type TEXT NOT NULL,
  clr_type TEXT NOT NULL, clr_optins TEXT NOT NULL, setl_time TEXT NOT NULL, invono TEXT,
  medfee_fen INTEGER NOT NULL, fulamt_fen INTEGER NOT NULL, overlmt_fen INTEGER NOT NULL,
  preself_fen INTEGER NOT NULL, inscp_fen INTEGER NOT NULL, dedc_fen INTEGER NOT NULL,
  hifp_fen INTEGER NOT NULL, pool_prop_bp INTEGER NOT NULL, fund_fen INTEGER NOT NULL,
  psn_part_fen INTEGER NOT NULL, acct_fen INTEGER NOT NULL, cash_fen INTEGER NOT NULL,
  hosp_part_fen INTEGER NOT NULL, balc_fen INTEGER NOT NULL, cap_remaining_fen INTEGER NOT NULL,
  fee_count INTEGER NOT NULL, visit_state_before TEXT NOT NULL, visit_state_after TEXT NOT NULL,
  refd_setl_flag INTEGER NOT NULL DEFAULT 0, original_setl_id TEXT, state TEXT NOT NULL,
  cancelled_by TEXT);
CREATE INDEX IF NOT EXISTS platform_settlement_visit ON platform_settlement (mdtrt_id);
-- 9101 uploads (kind 'upload') and 3202 results (kind 'result'), both fetched with 9102.
CREATE TABLE IF NOT EXISTS platform_file (
  id INTEGER PRIMARY KEY, file_qury_no TEXT NOT NULL UNIQUE, fixmedins_code TEXT NOT NULL, filename TEXT NOT NULL,
  kind TEXT NOT NULL, content BLOB NOT NULL, created_at TEXT NOT NULL, dld_endtime TEXT NOT NULL);
`;

/** Creates the platform's tables and, on first start, the demo region's institutions and persons. */
export function migratePlatform(db: DatabaseSync): void {
  db.exec(TABLES);
  const institution = db.prepare('INSERT OR IGNORE INTO platform_institution (code, name, kind, area) VALUES (?, ?, ?, ?)');
  for (const i of DEMO_INSTITUTIONS) institution.run(i.code, i.name, i.kind, i.area);
  const person = db.prepare(
    `INSERT OR IGNORE INTO platform_person (psn_no, name, certno, gender, birthday, card_no, card_sn, insutype,
       insuplc_admdvs, insured, balance_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of DEMO_PERSONS) {
    person.run(p.psnNo, p.name, p.certno, p.gender, p.birthday, p.cardNo, p.cardSn, p.insutype, p.insuplcAdmdvs, p.insured ? 1 : 0, p.accountBalanceFen);
  }
  migrateFamily(db);
}
