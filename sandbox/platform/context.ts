import type { EcTokenResolver } from '../parts';
import type { Envelope } from './envelope';
import { CAUSES, visitKindText } from './causes';
import { refuse } from './errors';
import { FieldReader, type Json } from './fields';
import { DEMO_POLICY } from './policy/rules';
import type { IdSequence, PersonRow, Statements, VisitRow } from './store';
import { cstCompact, cstDateTime } from './wire';

/** What one transaction handler may use; it runs inside the request's database transaction. */
export interface TxContext {
  envelope: Envelope;
  input: FieldReader;
  sql: Statements;
  now: Date;
  tokens: EcTokenResolver | undefined;
  visitIds: IdSequence;
  settlementIds: IdSequence;
  /** Remembered on the message record so reversals and admin reads can find the person. */
  notePerson(psnNo: string): void;
}

export type TxHandler = (ctx: TxContext) => Json | null;

export interface TxDefinition {
  handle: TxHandler;
  /** Which institutions may call it; both when absent. */
  institution?: 'hospital' | 'pharmacy';
}

export const nowText = (ctx: TxContext) => cstDateTime(ctx.now);
export const newVisitId = (ctx: TxContext) => ctx.visitIds.next(DEMO_POLICY.area, cstCompact(ctx.now));
export const newSettlementId = (ctx: TxContext) => ctx.settlementIds.next(DEMO_POLICY.area, cstCompact(ctx.now));

/**
 * The person named by `psn_no` in `reader`: known, insured, and insured where the envelope says
 * (insuplc_admdvs is mandatory whenever the input names a person).
 */
export function insuredPerson(ctx: TxContext, reader: FieldReader, options: { allowUninsured?: boolean } = {}): PersonRow {
  const psnNo = reader.str('psn_no', { max: 30 });
  const person = ctx.sql.get<PersonRow>('SELECT * FROM platform_person WHERE psn_no = ?', psnNo);
  if (!person) return refuse(reader.field('psn_no'), CAUSES.personMissing('人员编号'));
  ctx.notePerson(person.psn_no);
  const area = ctx.envelope.insuplc_admdvs;
  if (!area) refuse('insuplc_admdvs', '入参含人员编号（psn_no）时必填');
  if (area !== person.insuplc_admdvs) refuse('insuplc_admdvs', `须为该人员的参保地${person.insuplc_admdvs}`);
  if (!person.insured && !options.allowUninsured) refuse(reader.field('psn_no'), CAUSES.notInsured);
  return person;
}

/** When the input carries `insutype`, it must be the person's. */
export function checkInsutype(reader: FieldReader, person: PersonRow, required = true): string {
  const insutype = reader.str('insutype', { max: 6, optional: !required });
  if (insutype !== undefined && insutype !== person.insutype) {
    refuse(reader.field('insutype'), `须为该人员的险种类型${person.insutype}`);
  }
  return person.insutype;
}

/** Resolves a medical-treatment certificate (mdtrt_cert_type/no, plus card_sn for cards) to a person. */
export function personByCertificate(ctx: TxContext, reader: FieldReader): PersonRow {
  const type = reader.str('mdtrt_cert_type', { max: 3, oneOf: ['01', '02', '03'] });
  const no = reader.str('mdtrt_cert_no', { max: 50 });
  const where = reader.field('mdtrt_cert_no');
  if (type === '01') {
    if (!ctx.tokens) return refuse(where, '电子凭证无法核验：人脸服务未运行');
    const resolved = ctx.tokens.resolve(no);
    if (!resolved.ok) return refuse(where, resolved.reason === 'expired' ? '电子凭证令牌已过期' : '无效的电子凭证令牌');
    const person = ctx.sql.get<PersonRow>('SELECT * FROM platform_person WHERE psn_no = ?', resolved.psnNo);
    return person ?? refuse(where, CAUSES.personMissing('电子凭证'));
  }
  if (type === '02') {
    if (!/^\d{17}[\dX]$/.test(no)) refuse(where, '证件类型为02时须为18位身份证号码');
    const person = ctx.sql.get<PersonRow>('SELECT * FROM platform_person WHERE certno = ?', no);
    return person ?? refuse(where, CAUSES.personMissing('身份证号码'));
  }
  const cardSn = reader.str('card_sn', { max: 32 });
  const person = ctx.sql.get<PersonRow>('SELECT * FROM platform_person WHERE card_no = ?', no);
  if (!person) return refuse(where, CAUSES.personMissing('社保卡号'));
  if (person.card_sn !== cardSn) refuse(reader.field('card_sn'), '与社保卡不匹配');
  return person;
}

/** The certificate of a later call must name the same person as its psn_no. */
export function checkCertificate(ctx: TxContext, reader: FieldReader, person: PersonRow): string {
  const holder = personByCertificate(ctx, reader);
  if (holder.psn_no !== person.psn_no) refuse(reader.field('mdtrt_cert_no'), '与psn_no不是同一人员');
  return reader.str('mdtrt_cert_type', { max: 3 });
}

export function visitOf(ctx: TxContext, reader: FieldReader, person: PersonRow, kind: VisitRow['kind']): VisitRow {
  const mdtrtId = reader.str('mdtrt_id', { max: 30 });
  const visit = ctx.sql.get<VisitRow>('SELECT * FROM platform_visit WHERE mdtrt_id = ?', mdtrtId);
  const where = reader.field('mdtrt_id');
  if (!visit || visit.fixmedins_code !== ctx.envelope.fixmedins_code) return refuse(where, '本机构无此就诊记录');
  if (visit.psn_no !== person.psn_no) refuse(where, '该就诊不属于psn_no对应的人员');
  if (visit.kind !== kind) refuse(where, `是${visitKindText(visit.kind)}就诊，不是${visitKindText(kind)}就诊`);
  return visit;
}

export function setVisitState(ctx: TxContext, mdtrtId: string, state: string): void {
  ctx.sql.run('UPDATE platform_visit SET state = ? WHERE mdtrt_id = ?', state, mdtrtId);
}
