import type { DatabaseSync } from 'node:sqlite';
import { DEMO_FAMILY, MUTUAL_AID_RELATIONS, RELATIONS, type RelationCode } from '../seed/demoFamily';
import type { TxContext } from './context';
import { CAUSES } from './causes';
import { refuse } from './errors';
import type { FieldReader } from './fields';
import { schemeOf } from './policy/rules';
import type { PersonRow, Statements } from './store';

/**
 * Family bindings (亲情账户) and 个人账户家庭共济 on the platform. The spec (§2.9) names the output
 * `acct_mulaid_pay` but not how a request asks for it; the sandbox's reading is an extension
 * field `mulaid_psn_no` (the paying relative's psn_no) beside `acct_used_flag` in the
 * settlement inputs (2206/2207, 2303/2304, 2101/2102):
 * - `acct_used_flag` 1: the patient's own account pays first, the payer's the rest;
 * - `acct_used_flag` 0: the payer's account alone pays the personal part;
 * - whatever the payer's balance cannot cover is cash: a short balance is never a refusal.
 */

export interface BindingRow {
  payer_psn_no: string;
  member_psn_no: string;
  relation_code: string;
  may_act_for: number;
  may_mutual_aid: number;
}

/**
 * Each refusal a client may want to tell apart, with a code of its own. A real platform answers
 * infcode -1 and free text for all of them (spec §1.2, §4), so the code is not on the wire: it
 * is kept with the message record (`platform_refusal_cause`, admin read `/messages`) for tests
 * and for the people who reconcile, and the wording varies like every other refusal.
 */
export const FAMILY_REFUSALS = {
  FAMILY_SELF: ['共济人员不能是患者本人', '家庭共济须由他人账户支付，不能为本人', '本人不能为自己办理家庭共济'],
  FAMILY_NOT_BOUND: [
    '共济人员与患者未建立亲情绑定关系',
    '未查询到两人之间的家庭绑定',
    '该人员不在共济人员的亲情账户中',
    '双方无家庭共济绑定记录，请先到医保经办机构办理绑定',
  ],
  FAMILY_NOT_ALLOWED: [
    '共济人员无权为该患者支付（绑定关系不含家庭共济）',
    '该绑定关系不允许使用个人账户共济',
    '家庭共济仅限配偶、父母、子女，且须已开通共济',
    '共济人员未获授权为该人员支付医疗费用',
  ],
  FAMILY_PAYER_NOT_INSURED: ['共济人员参保状态异常，不能共济', '共济人员已停保，个人账户不能使用', '共济人员无有效参保，不予共济'],
  FAMILY_PAYER_RESIDENT: [
    '共济人员为城乡居民医保，无个人账户，不能共济',
    '居民医保没有个人账户，不能为家人支付',
    '家庭共济须使用职工医保个人账户，共济人员不是职工参保',
    '共济人员险种无个人账户（城乡居民），不支持家庭共济',
  ],
  FAMILY_OTHER_AREA: ['共济人员与患者不在同一统筹区，不能共济', '跨统筹区不支持家庭共济', '共济人员参保地与患者不同，不予共济'],
} as const;
export type FamilyRefusal = keyof typeof FAMILY_REFUSALS;

const TABLES = `
CREATE TABLE IF NOT EXISTS platform_family (
  payer_psn_no TEXT NOT NULL, member_psn_no TEXT NOT NULL, relation_code TEXT NOT NULL,
  may_act_for INTEGER NOT NULL, may_mutual_aid INTEGER NOT NULL,
  PRIMARY KEY (payer_psn_no, member_psn_no)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS platform_refusal_cause (msgid TEXT PRIMARY KEY, cause TEXT NOT NULL) WITHOUT ROWID;
`;

/** Columns later than the first settlement table: added in place to a database an older sandbox wrote. */
const SETTLEMENT_COLUMNS: ReadonlyArray<[string, string]> = [
  ['mulaid_psn_no', 'TEXT'],
  ['mulaid_fen', 'INTEGER NOT NULL DEFAULT 0'],
];

/** Family tables, the 共济 columns of settlements, and the demo bindings (once). */
export function migrateFamily(db: DatabaseSync): void {
  db.exec(TABLES);
  const have = new Set((db.prepare('PRAGMA table_info(platform_settlement)').all() as Array<{ name: string }>).map((c) => c.name));
  for (const [name, type] of SETTLEMENT_COLUMNS) if (!have.has(name)) db.exec(`ALTER TABLE platform_settlement ADD COLUMN ${name} ${type}`);
  const insert = db.prepare(
    'INSERT OR IGNORE INTO platform_family (payer_psn_no, member_psn_no, relation_code, may_act_for, may_mutual_aid) VALUES (?, ?, ?, ?, ?)',
  );
  for (const b of DEMO_FAMILY) insert.run(b.payer, b.member, b.relation, b.mayActFor ? 1 : 0, b.mayMutualAid ? 1 : 0);
}

export const relationName = (code: string): string => RELATIONS[code as RelationCode] ?? '亲属';

/** The persons `payerPsnNo` may act for, in a stable order. */
export function bindingsOf(sql: Statements, payerPsnNo: string): BindingRow[] {
  return sql.all<BindingRow>('SELECT * FROM platform_family WHERE payer_psn_no = ? AND may_act_for = 1 ORDER BY member_psn_no', payerPsnNo);
}

/** Whether the payer's own account may pay for this binding: the binding allows it and the payer holds an account. */
export function mayPayFor(payer: Pick<PersonRow, 'insutype' | 'insured'>, binding: BindingRow): boolean {
  return binding.may_mutual_aid === 1 && MUTUAL_AID_RELATIONS.includes(binding.relation_code as RelationCode)
    && payer.insured === 1 && schemeOf(payer.insutype)?.account != null;
}

/**
 * The paying relative named by `mulaid_psn_no`, checked against the patient; undefined when the
 * request asks for no 共济. Refused, with its cause, when the two are not bound, the binding does
 * not allow paying, or the payer's account cannot pay (resident, not insured, another area).
 */
export function readMutualAid(ctx: TxContext, reader: FieldReader, patient: PersonRow): PersonRow | undefined {
  const payerNo = reader.str('mulaid_psn_no', { max: 30, optional: true });
  if (payerNo === undefined) return undefined;
  const where = reader.field('mulaid_psn_no');
  const payer = ctx.sql.get<PersonRow>('SELECT * FROM platform_person WHERE psn_no = ?', payerNo);
  if (!payer) return refuse(where, CAUSES.personMissing('共济人员编号'));
  const refuseFor = (cause: FamilyRefusal): never => refuse(where, FAMILY_REFUSALS[cause], cause);
  if (payer.psn_no === patient.psn_no) refuseFor('FAMILY_SELF');
  const binding = ctx.sql.get<BindingRow>(
    'SELECT * FROM platform_family WHERE payer_psn_no = ? AND member_psn_no = ?', payer.psn_no, patient.psn_no,
  );
  if (!binding || binding.may_act_for !== 1) refuseFor('FAMILY_NOT_BOUND');
  if (binding!.may_mutual_aid !== 1 || !MUTUAL_AID_RELATIONS.includes(binding!.relation_code as RelationCode)) refuseFor('FAMILY_NOT_ALLOWED');
  if (payer.insured !== 1) refuseFor('FAMILY_PAYER_NOT_INSURED');
  if (!schemeOf(payer.insutype)?.account) refuseFor('FAMILY_PAYER_RESIDENT');
  if (payer.insuplc_admdvs !== patient.insuplc_admdvs) refuseFor('FAMILY_OTHER_AREA');
  return payer;
}
