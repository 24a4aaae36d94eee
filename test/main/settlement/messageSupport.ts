import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import axios from 'axios';
import { DB_FILE_NAME } from '../../../sandbox/db';
import type { HisBill, HisDiagnosis, HisLine, HisStay } from '../../../shared/his/schemas';
import { yuanToFen } from '../../../shared/money';
import type { Harness } from './harness';
import type { Sent } from './wireRecorder';

type Json = Record<string, any>;

/** The inputs of every request of one transaction, in the order they were sent. */
export const inputsOf = (sent: readonly Sent[], infno: string): Json[] =>
  sent.filter((s) => s.envelope.infno === infno).map((s) => s.envelope.input as Json);

/** The answers (`output`) of every request of one transaction. */
export const outputsOf = (sent: readonly Sent[], infno: string): Json[] =>
  sent.filter((s) => s.envelope.infno === infno).map((s) => (s.answer?.output ?? {}) as Json);

/** The one request of a transaction in `sent`: a test that expects one fails if there were more. */
export function onlyInput(sent: readonly Sent[], infno: string): Json {
  const inputs = inputsOf(sent, infno);
  if (inputs.length !== 1) throw new Error(`expected one ${infno}, sent ${inputs.length}`);
  return inputs[0]!;
}

/** The sandbox HIS's own record, over its HTTP port, as a second reader of what the engine read. */
export async function hisGet<T>(h: Harness, path: string): Promise<T> {
  return (await axios.get(`${h.sandbox.url}${path}`, { proxy: false })).data as T;
}

export async function hisPost<T>(h: Harness, path: string, body: unknown = {}): Promise<T> {
  return (await axios.post(`${h.sandbox.url}${path}`, body, { proxy: false })).data as T;
}

export const stayOf = (h: Harness, stayNo: string) => hisGet<HisStay>(h, `/his/stays/${stayNo}`);
export const billOf = (h: Harness, billNo: string) => hisGet<HisBill>(h, `/his/bills/${billNo}`);

/**
 * A change to the hospital's own records that its HTTP port cannot make (a discharge record
 * without a time, a stay without diagnoses): written into the sandbox HIS's database, as a HIS
 * with such data would hold it.
 */
export function editHisRecords(h: Harness, sql: string, ...params: string[]): number {
  const db = new DatabaseSync(join(h.sandbox.dataDir!, DB_FILE_NAME));
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    return Number(db.prepare(sql).run(...params).changes);
  } finally {
    db.close();
  }
}

/** A diagnosis as every diseinfo must carry it: the HIS's values, field for field. */
export const diagnosisOnWire = (d: HisDiagnosis) => ({
  diag_type: d.diagType,
  diag_srt_no: String(d.seq),
  diag_code: d.code,
  diag_name: d.name,
  diag_dept: d.deptCode,
  dise_dor_no: d.doctorCode,
  dise_dor_name: d.doctorName,
  diag_time: d.time,
});

/** What a fee line must carry from its HIS line (2204 / 2301). */
export const lineOnWire = (l: HisLine) => ({
  feedetl_sn: l.feedetlSn,
  fee_ocur_time: l.occurredAt,
  med_list_codg: l.medListCodg,
  bilg_dept_codg: l.orderedBy.deptCode,
  bilg_dept_name: l.orderedBy.deptName,
  bilg_dr_codg: l.orderedBy.doctorCode,
  bilg_dr_name: l.orderedBy.doctorName,
});

const SCOPE: ReadonlyArray<[string, string]> = [
  ['fulamt_ownpay_amt', 'fulamt_ownpay_amt'],
  ['overlmt_selfpay', 'overlmt_amt'],
  ['preselfpay_amt', 'preselfpay_amt'],
  ['inscp_scp_amt', 'inscp_scp_amt'],
];

/** The four scope amounts in fen, from a 2303 input. */
export const scopeOfInput = (data: Json) => Object.fromEntries(SCOPE.map(([field]) => [field, yuanToFen(data[field])]));

/** The same four, summed over the per-line split of a 2301 answer (`result`). */
export function scopeOfFeeAnswer(output: Json): Record<string, number> {
  const rows = output.result as Json[];
  return Object.fromEntries(SCOPE.map(([field, lineField]) => [field, rows.reduce((sum, row) => sum + yuanToFen(row[lineField]), 0)]));
}
