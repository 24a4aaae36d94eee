import type { FieldType } from './nhsaTypes';

/**
 * Data elements by name, as /work/shared/spec/nhsa-interface.md types them. NHSA messages draw on
 * one data dictionary, so an element keeps its type wherever it appears; the spec states most
 * types once, in the first table that carries the element, and that statement is used for every
 * transaction that names the element without repeating it. Each entry cites where the type is
 * stated. An element not listed here is `char` without a length: §2.10 names every numeric type
 * (money 16,2, `cnt` 16,4, `pric` 16,6, ratios 5,4, `age` 4,1), so the rest are codes and text.
 */
const char = (max?: number): FieldType => (max === undefined ? { kind: 'char' } : { kind: 'char', max });
const money: FieldType = { kind: 'number', precision: 16, scale: 2, money: true };
const DATE: FieldType = { kind: 'date' };
const DATETIME: FieldType = { kind: 'datetime' };

interface Element {
  type: FieldType;
  cite: string;
}

export const ELEMENTS: Readonly<Record<string, Element>> = {
  // Person and certificate.
  psn_no: { type: char(30), cite: '§2.3 2201 "psn_no 30"; §2.6 "psn_no 30"; §2.2 output "psn_no 30"' },
  insutype: { type: char(6), cite: '§2.3 2201 "insutype 6"' },
  mdtrt_cert_type: { type: char(3), cite: '§2.2 "mdtrt_cert_type char 3"' },
  mdtrt_cert_no: { type: char(50), cite: '§2.2 "mdtrt_cert_no char 50"' },
  psn_cert_type: { type: char(6), cite: '§2.2 "psn_cert_type char 6"' },
  certno: { type: char(50), cite: '§2.2 "certno char 50"' },
  psn_name: { type: char(50), cite: '§2.2 "psn_name char 50"' },

  // Visit, registration, doctors.
  mdtrt_id: { type: char(30), cite: '§2.3 2201 output "mdtrt_id 30"; §2.3 2208 "mdtrt_id 30"; §2.9' },
  ipt_otp_no: { type: char(30), cite: '§2.3 2201 "ipt_otp_no 30"' },
  atddr_no: { type: char(30), cite: '§2.3 2201 "atddr_no 30"' },
  dr_name: { type: char(50), cite: '§2.3 2201 "dr_name 50"' },
  dept_code: { type: char(30), cite: '§2.3 2201 "dept_code 30"' },
  dept_name: { type: char(100), cite: '§2.3 2201 "dept_name 100"' },
  caty: { type: char(6), cite: '§2.3 2201 "caty 6"' },

  // Fee lines.
  feedetl_sn: { type: char(30), cite: '§2.3 2204 "feedetl_sn 30"' },
  chrg_bchno: { type: char(30), cite: '§2.3 2204 "chrg_bchno 30"' },
  med_list_codg: { type: char(50), cite: '§2.3 2204 "med_list_codg 50"' },
  medins_list_codg: { type: char(150), cite: '§2.3 2204 "medins_list_codg 150"' },
  det_item_fee_sumamt: { type: money, cite: '§2.3 2204 "det_item_fee_sumamt 16,2"; §2.10' },
  cnt: { type: { kind: 'number', precision: 16, scale: 4 }, cite: '§2.3 2204 "cnt 16,4"; §2.10' },
  pric: { type: { kind: 'number', precision: 16, scale: 6 }, cite: '§2.3 2204 "pric 16,6"; §2.10' },
  prd_days: { type: { kind: 'number', precision: 4, scale: 2 }, cite: '§2.3 2204 "prd_days 4,2"' },

  // Settlement.
  setl_id: { type: char(30), cite: '§2.3 2208 "setl_id 30"; §2.9 "setl_id 30"' },
  invono: { type: char(20), cite: '§2.3 2207 "invono 20"' },
  medfee_sumamt: { type: money, cite: '§2.3 2206 "medfee_sumamt 16,2"; §2.8 3201' },
  fulamt_ownpay_amt: { type: money, cite: '§2.3 2207 "(all 16,2 Y …)"; §2.9' },
  overlmt_selfpay: { type: money, cite: '§2.3 2207 "(all 16,2 Y …)"; §2.9' },
  preselfpay_amt: { type: money, cite: '§2.3 2207 "(all 16,2 Y …)"; §2.9' },
  inscp_scp_amt: { type: money, cite: '§2.3 2207 "(all 16,2 Y …)"; §2.9' },
  fund_pay_sumamt: { type: money, cite: '§2.8 3201 "fund_pay_sumamt 16,2"' },
  acct_pay: { type: money, cite: '§2.8 3201 "acct_pay 16,2"' },
  acct_mulaid_pay: { type: money, cite: '§2.9 "acct_mulaid_pay 16,2 family-mutual-aid account payment"' },
  // Not in the spec: the sandbox's reading of how a request asks for 共济 (nhsaFields.ts "Readings").
  mulaid_psn_no: { type: char(30), cite: 'sandbox extension (sandbox/platform/family.ts); a psn_no, as §2.3 2201 "psn_no 30"' },
  // §2.8 gives 3202's cash_payamt no type; it is money, which §2.10 types 16,2.
  cash_payamt: { type: money, cite: '§2.8 3202 "cash_payamt"; §2.10 (money is 16,2)' },

  // Reversal, session, reconciliation, files.
  omsgid: { type: char(30), cite: '§2.6 "omsgid 30"' },
  // §2.6 says 4, while §1.1 #1 allows letter-suffixed codes (6); a reversible infno (§2.6 list) has no suffix but 2304A.
  oinfno: { type: char(4), cite: '§2.6 "oinfno 4"' },
  opter_no: { type: char(20), cite: '§2.1 9001 "opter_no char 20"' },
  mac: { type: char(20), cite: '§2.1 9001 "mac char 20"' },
  ip: { type: char(20), cite: '§2.1 9001 "ip char 20"' },
  sign_no: { type: char(30), cite: '§2.1 9001 output "sign_no char 30"; §1.1 #17' },
  setl_optins: { type: char(6), cite: '§2.8 3201 "setl_optins 6"' },
  fixmedins_setl_cnt: { type: { kind: 'count', max: 10 }, cite: '§2.8 3201 "fixmedins_setl_cnt 10" (char 10 or a number of 10 digits: both accepted)' },
  // §1.1 #15: 12 (BZ) or 30 (OH); both readings accepted.
  fixmedins_code: { type: char(30), cite: '§1.1 #15 "char 12 (BZ) / 30 (OH)"' },
  in: { type: { kind: 'bytes' }, cite: '§2.8 9101 "in = file bytes"' },

  // Times. §1.1 (last paragraph) gives the two formats; which members are dates and which
  // datetimes the spec shows by name only: `*time` is a datetime (inf_time, sign_time, setl_time
  // are typed so), `*date` a date. An inference from the naming, applied to every such member.
  begntime: { type: DATETIME, cite: '§1.1 last paragraph (datetime; by name, as inf_time/setl_time)' },
  endtime: { type: DATETIME, cite: '§1.1 last paragraph (datetime; by name)' },
  fee_ocur_time: { type: DATETIME, cite: '§1.1 last paragraph (datetime; by name)' },
  diag_time: { type: DATETIME, cite: '§1.1 last paragraph (datetime; by name)' },
  stmt_begndate: { type: DATE, cite: '§1.1 last paragraph (date; by name)' },
  stmt_enddate: { type: DATE, cite: '§1.1 last paragraph (date; by name)' },
  birctrl_matn_date: { type: DATE, cite: '§1.1 last paragraph (date; by name)' },
  die_date: { type: DATE, cite: '§1.1 last paragraph (date; by name)' },
};

/** The type of a member by name: the dictionary's, else char without a length (see above). */
export function elementType(name: string): { type: FieldType; cite: string } {
  return ELEMENTS[name] ?? { type: { kind: 'char' }, cite: '§2.10 (not numeric: char); no length in the spec' };
}
