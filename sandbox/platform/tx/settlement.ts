import { checkCertificate, checkInsutype, insuredPerson, visitOf, type TxContext, type TxDefinition } from '../context';
import { CAUSES, visitStateText } from '../causes';
import { refuse } from '../errors';
import type { FieldReader } from '../fields';
import { baseRow, cancel, checkClaimedSplit, compute, openFees, record, setldetail, setlinfo } from '../ledger';
import { splitOfRow } from '../fees';
import { readMutualAid } from '../family';
import type { PersonRow, SettlementRow, VisitRow } from '../store';
import { readOutpatientMedType } from './outpatient';

/**
 * Outpatient (2206/2207/2208) and inpatient (2303/2304/2305) settlement: the same reading of
 * the request, the same arithmetic; they differ in which visit states they accept.
 */

interface SettlementRequest {
  data: FieldReader;
  person: PersonRow;
  visit: VisitRow;
  certType: string;
  medType: string;
  chrgBchno?: string;
  acctUsed: boolean;
  /** 共济: the relative whose account pays (family.ts). */
  payer?: PersonRow;
}

function readSettlementRequest(ctx: TxContext, kind: 'outpatient' | 'inpatient'): SettlementRequest {
  const data = ctx.input.node('data');
  const person = insuredPerson(ctx, data);
  checkInsutype(data, person);
  const certType = checkCertificate(ctx, data, person);
  const visit = visitOf(ctx, data, person, kind);
  data.str('psn_setlway', { max: 6, oneOf: ['01'] });
  const acctUsed = data.str('acct_used_flag', { max: 3, oneOf: ['0', '1'] }) === '1';
  const payer = readMutualAid(ctx, data, person);
  let medType: string;
  let chrgBchno: string | undefined;
  if (kind === 'outpatient') {
    if (visit.state !== 'registered') refuse(data.field('mdtrt_id'), `就诊状态为${visitStateText(visit.state)}`);
    if (!visit.info_uploaded) refuse(data.field('mdtrt_id'), '就诊信息（2203）尚未上传');
    medType = readOutpatientMedType(data);
    if (medType !== visit.med_type) refuse(data.field('med_type'), `须为本次就诊的医疗类别${visit.med_type}（见2203）`);
    chrgBchno = data.str('chrg_bchno', { max: 30, optional: true });
  } else {
    const midway = data.str('mid_setl_flag', { max: 3, optional: true, oneOf: ['0', '1'] }) === '1';
    if (visit.state === 'admitted' && !midway) refuse(data.field('mdtrt_id'), '患者尚未办理出院（2402），中途结算请传mid_setl_flag为1');
    if (visit.state !== 'admitted' && visit.state !== 'discharged') refuse(data.field('mdtrt_id'), `就诊状态为${visitStateText(visit.state)}`);
    medType = visit.med_type!;
  }
  return { data, person, visit, certType, medType, chrgBchno, acctUsed, ...(payer ? { payer } : {}) };
}

function figuresOf(ctx: TxContext, r: SettlementRequest) {
  const fees = openFees(ctx, r.visit.mdtrt_id, r.chrgBchno);
  if (fees.length === 0) refuse(r.data.field('mdtrt_id'), '没有可结算的未结算费用明细');
  return compute(ctx, r.person, r.medType, fees.map(splitOfRow), r.acctUsed, r.payer);
}

function preSettle(kind: 'outpatient' | 'inpatient'): TxDefinition {
  return {
    institution: 'hospital',
    handle(ctx) {
      const r = readSettlementRequest(ctx, kind);
      const figures = figuresOf(ctx, r);
      checkClaimedSplit(r.data, figures, false);
      const row = baseRow(ctx, r.person, figures, r.visit.mdtrt_id, r.medType, r.certType);
      return { setlinfo: setlinfo(r.person, row, { preview: true }), setldetail: setldetail(row) };
    },
  };
}

function doSettle(kind: 'outpatient' | 'inpatient'): TxDefinition {
  return {
    institution: 'hospital',
    handle(ctx) {
      const r = readSettlementRequest(ctx, kind);
      const invono = r.data.str('invono', { max: 20, optional: true });
      const figures = figuresOf(ctx, r);
      checkClaimedSplit(r.data, figures, true);
      const after = kind === 'outpatient' ? 'registered' : r.visit.state === 'discharged' ? 'settled' : 'admitted';
      const row = record(ctx, r.person, figures, {
        mdtrtId: r.visit.mdtrt_id, medType: r.medType, certType: r.certType, chrgBchno: r.chrgBchno, invono,
        visitStateBefore: r.visit.state, visitStateAfter: after,
      });
      return { setlinfo: setlinfo(r.person, row), setldetail: setldetail(row) };
    },
  };
}

/** The settlement named by setl_id, of this visit, person and kind. */
function settlementOf(ctx: TxContext, data: FieldReader, person: PersonRow, visit: VisitRow): SettlementRow {
  const setlId = data.str('setl_id', { max: 30 });
  const row = ctx.sql.get<SettlementRow>('SELECT * FROM platform_settlement WHERE setl_id = ?', setlId);
  if (!row || row.mdtrt_id !== visit.mdtrt_id || row.psn_no !== person.psn_no) {
    return refuse(data.field('setl_id'), CAUSES.settlementMissing('该人员本次就诊'));
  }
  return row;
}

export function cancelOf(kind: 'outpatient' | 'inpatient' | 'pharmacy'): TxDefinition {
  return {
    institution: kind === 'pharmacy' ? 'pharmacy' : 'hospital',
    handle(ctx) {
      const data = ctx.input.node('data');
      const person = insuredPerson(ctx, data, { allowUninsured: true });
      const visit = visitOf(ctx, data, person, kind);
      const original = settlementOf(ctx, data, person, visit);
      const row = cancel(ctx, original, data.field('setl_id'));
      return { setlinfo: setlinfo(person, row), setldetail: setldetail(row) };
    },
  };
}

export const settlementTransactions: Record<string, TxDefinition> = {
  '2206': preSettle('outpatient'),
  '2207': doSettle('outpatient'),
  '2208': cancelOf('outpatient'),
  '2303': preSettle('inpatient'),
  '2304': doSettle('inpatient'),
  '2305': cancelOf('inpatient'),
};
