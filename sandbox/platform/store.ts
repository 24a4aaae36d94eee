import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

/**
 * Prepared statements of the platform, compiled once per SQL text. Rows come back as plain
 * objects typed by the caller; the SQL stays next to the one function that needs it.
 */
export class Statements {
  private readonly cache = new Map<string, StatementSync>();
  constructor(readonly db: DatabaseSync) {}

  private prepared(sql: string): StatementSync {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.prepared(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.prepared(sql).all(...params) as T[];
  }

  run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.prepared(sql).run(...params).changes);
  }
}

export interface PersonRow {
  psn_no: string;
  name: string;
  certno: string;
  gender: string;
  birthday: string;
  card_no: string;
  card_sn: string;
  insutype: string;
  insuplc_admdvs: string;
  insured: number;
  balance_fen: number;
}

export interface VisitRow {
  mdtrt_id: string;
  kind: 'outpatient' | 'inpatient' | 'pharmacy';
  psn_no: string;
  fixmedins_code: string;
  insutype: string;
  med_type: string | null;
  ipt_otp_no: string | null;
  begntime: string | null;
  endtime: string | null;
  state: string;
  info_uploaded: number;
  created_msgid: string;
}

export interface FeeRow {
  mdtrt_id: string;
  feedetl_sn: string;
  chrg_bchno: string;
  med_list_codg: string;
  cnt4: number;
  pric6: number;
  amount_fen: number;
  fulamt_fen: number;
  overlmt_fen: number;
  preself_fen: number;
  inscp_fen: number;
  selfpay_prop_bp: number;
  setl_id: string | null;
  settled: number;
}

export interface SettlementRow {
  setl_id: string;
  msgid: string;
  infno: string;
  mdtrt_id: string;
  psn_no: string;
  fixmedins_code: string;
  insutype: string;
  med_type: string;
  setting: string;
  year: number;
  mdtrt_cert_type: string;
  clr_type: string;
  clr_optins: string;
  setl_time: string;
  invono: string | null;
  medfee_fen: number;
  fulamt_fen: number;
  overlmt_fen: number;
  preself_fen: number;
  inscp_fen: number;
  dedc_fen: number;
  hifp_fen: number;
  pool_prop_bp: number;
  fund_fen: number;
  psn_part_fen: number;
  acct_fen: number;
  cash_fen: number;
  hosp_part_fen: number;
  balc_fen: number;
  cap_remaining_fen: number;
  fee_count: number;
  visit_state_before: string;
  visit_state_after: string;
  refd_setl_flag: number;
  original_setl_id: string | null;
  state: 'valid' | 'cancelled' | 'reversed';
  cancelled_by: string | null;
  /** 共济: the relative whose account paid `mulaid_fen` (family.ts); null without it. */
  mulaid_psn_no: string | null;
  mulaid_fen: number;
}

export interface MessageRow {
  msgid: string;
  infno: string;
  fixmedins_code: string;
  psn_no: string | null;
  infcode: number;
  err_msg: string | null;
  received_at: string;
  reversed_by: string | null;
}

/** Issues 30-character ids: area (6) + yyyyMMddHHmmss (14) + a 10-digit serial that never repeats. */
export class IdSequence {
  private last: number;
  constructor(statements: Statements, table: 'platform_visit' | 'platform_settlement') {
    this.last = statements.get<{ top: number }>(`SELECT coalesce(max(id), 0) AS top FROM ${table}`)?.top ?? 0;
  }
  next(area: string, compactTime: string): { id: number; text: string } {
    this.last += 1;
    return { id: this.last, text: `${area}${compactTime}${String(this.last).padStart(10, '0')}` };
  }
}
