import {
  checkCertificate, checkInsutype, insuredPerson, newVisitId, setVisitState, visitOf, type TxContext, type TxDefinition,
} from '../context';
import { visitStateText } from '../causes';
import { refuse } from '../errors';
import { checkUniqueLines, insertFees, lineResult, readFeeLine, requireClinicalFields } from '../fees';
import type { FieldReader } from '../fields';

/** Inpatient stays: admission (2401/2404), discharge (2402/2405), fee lines (2301/2302). */

const ADMISSION_REQUIRED_30 = ['ipt_no', 'atddr_no', 'adm_dept_codg', 'adm_bed', 'dscg_maindiag_code'];
const ADMISSION_REQUIRED_100 = ['chfpdr_name', 'adm_diag_dscr', 'adm_dept_name', 'dscg_maindiag_name'];

function readDiagnoses(ctx: TxContext): void {
  if (!ctx.input.has('diseinfo')) return;
  for (const diag of ctx.input.list('diseinfo', { min: 0, max: 50 })) {
    diag.str('diag_type', { max: 3 });
    diag.str('diag_code', { max: 20 });
    diag.str('diag_name', { max: 100 });
  }
}

const admit: TxDefinition = {
  institution: 'hospital',
  handle(ctx) {
    const info = ctx.input.node('mdtrtinfo');
    const person = insuredPerson(ctx, info);
    const insutype = checkInsutype(info, person);
    const begntime = info.datetime('begntime');
    checkCertificate(ctx, info, person);
    info.str('med_type', { max: 6, oneOf: ['21'] });
    for (const name of ADMISSION_REQUIRED_30) info.str(name, { max: 30 });
    for (const name of ADMISSION_REQUIRED_100) info.str(name, { max: 100 });
    readDiagnoses(ctx);
    const open = ctx.sql.get<{ mdtrt_id: string }>(
      "SELECT mdtrt_id FROM platform_visit WHERE psn_no = ? AND kind = 'inpatient' AND state IN ('admitted', 'discharged')",
      person.psn_no,
    );
    if (open) refuse(info.field('psn_no'), `已有未结束的住院（${open.mdtrt_id}），请先结算或撤销`);
    const { id, text: mdtrtId } = newVisitId(ctx);
    ctx.sql.run(
      `INSERT INTO platform_visit (id, mdtrt_id, kind, psn_no, fixmedins_code, insutype, med_type, ipt_otp_no, begntime, state, info_uploaded, created_msgid)
       VALUES (?, ?, 'inpatient', ?, ?, ?, '21', ?, ?, 'admitted', 1, ?)`,
      id, mdtrtId, person.psn_no, ctx.envelope.fixmedins_code, insutype, info.str('ipt_no', { max: 30 }), begntime, ctx.envelope.msgid,
    );
    return { result: { mdtrt_id: mdtrtId } };
  },
};

function stay(ctx: TxContext, reader: FieldReader, states: string[]) {
  const person = insuredPerson(ctx, reader, { allowUninsured: true });
  const visit = visitOf(ctx, reader, person, 'inpatient');
  if (!states.includes(visit.state)) refuse(reader.field('mdtrt_id'), `住院状态为${visitStateText(visit.state)}，须为${states.map(visitStateText).join('或')}`);
  return { person, visit };
}

/** 2404, and 2601 of a 2401: refused while the stay has fee lines or settlements. */
export function cancelAdmission(ctx: TxContext, mdtrtId: string, field: string, finalState: 'cancelled' | 'reversed'): void {
  if (ctx.sql.get('SELECT 1 AS x FROM platform_fee WHERE mdtrt_id = ?', mdtrtId)) {
    refuse(field, '住院已有费用明细，请先撤销费用明细（2302）');
  }
  setVisitState(ctx, mdtrtId, finalState);
}

const cancelAdmit: TxDefinition = {
  institution: 'hospital',
  handle(ctx) {
    const data = ctx.input.node('data');
    const { visit } = stay(ctx, data, ['admitted']);
    cancelAdmission(ctx, visit.mdtrt_id, data.field('mdtrt_id'), 'cancelled');
    return null;
  },
};

const discharge: TxDefinition = {
  institution: 'hospital',
  handle(ctx) {
    const info = ctx.input.node('dscginfo');
    const { person, visit } = stay(ctx, info, ['admitted']);
    checkInsutype(info, person);
    const endtime = info.datetime('endtime');
    if (visit.begntime && endtime < visit.begntime) refuse(info.field('endtime'), '不能早于入院时间');
    info.str('dscg_dept_codg', { max: 30 });
    info.str('dscg_dept_name', { max: 100 });
    info.str('dscg_way', { max: 6 });
    readDiagnoses(ctx);
    ctx.sql.run("UPDATE platform_visit SET state = 'discharged', endtime = ? WHERE mdtrt_id = ?", endtime, visit.mdtrt_id);
    return null;
  },
};

const cancelDischarge: TxDefinition = {
  institution: 'hospital',
  handle(ctx) {
    const data = ctx.input.node('data');
    const { visit } = stay(ctx, data, ['discharged']);
    ctx.sql.run("UPDATE platform_visit SET state = 'admitted', endtime = NULL WHERE mdtrt_id = ?", visit.mdtrt_id);
    return null;
  },
};

const uploadFees: TxDefinition = {
  institution: 'hospital',
  handle(ctx) {
    const lines = ctx.input.list('feedetail', { max: 500 });
    const { visit } = stay(ctx, lines[0]!, ['admitted', 'discharged']);
    const fees = lines.map((line) => {
      if (line.str('mdtrt_id', { max: 30 }) !== visit.mdtrt_id) refuse(line.field('mdtrt_id'), '所有明细须属于同一次住院');
      if (line.str('psn_no', { max: 30 }) !== visit.psn_no) refuse(line.field('psn_no'), '所有明细须属于同一人员');
      line.str('med_type', { max: 6, oneOf: ['21'] });
      if (line.has('init_feedetl_sn')) refuse(line.field('init_feedetl_sn'), '不支持退费明细，请用2302撤销该明细');
      requireClinicalFields(line);
      return readFeeLine(line, line.str('drord_no', { max: 30, optional: true }) ?? '');
    });
    checkUniqueLines(ctx, visit.mdtrt_id, fees, 'input.feedetail');
    insertFees(ctx, visit.mdtrt_id, fees);
    return { result: fees.map((fee) => lineResult(fee, fee.medListCodg, fee.cnt4, fee.pric6)) };
  },
};

const cancelFees: TxDefinition = {
  institution: 'hospital',
  handle(ctx) {
    const data = ctx.input.node('data');
    const { visit } = stay(ctx, data, ['admitted', 'discharged']);
    const sn = data.str('feedetl_sn', { max: 30 });
    const removed = sn === '0000'
      ? ctx.sql.run('DELETE FROM platform_fee WHERE mdtrt_id = ? AND settled = 0', visit.mdtrt_id)
      : ctx.sql.run('DELETE FROM platform_fee WHERE mdtrt_id = ? AND settled = 0 AND feedetl_sn = ?', visit.mdtrt_id, sn);
    if (removed === 0) refuse(data.field('feedetl_sn'), '无此未结算的费用明细');
    return null;
  },
};

export const inpatientTransactions: Record<string, TxDefinition> = {
  '2401': admit,
  '2402': discharge,
  '2404': cancelAdmit,
  '2405': cancelDischarge,
  '2301': uploadFees,
  '2302': cancelFees,
};
