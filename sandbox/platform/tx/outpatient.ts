import {
  checkCertificate, checkInsutype, insuredPerson, newVisitId, setVisitState, visitOf, type TxContext, type TxDefinition,
} from '../context';
import { visitStateText } from '../causes';
import { refuse } from '../errors';
import { checkUniqueLines, insertFees, lineResult, readFeeLine, requireClinicalFields } from '../fees';
import type { FieldReader } from '../fields';

/** Outpatient visits: registration (2201/2202), visit info (2203), fee lines (2204/2205). */

export const OUTPATIENT_MED_TYPES = ['11', '12', '13', '14'];

export function readOutpatientMedType(reader: FieldReader): string {
  return reader.str('med_type', { max: 6, oneOf: OUTPATIENT_MED_TYPES });
}

const register: TxDefinition = {
  institution: 'hospital',
  handle(ctx: TxContext) {
    const data = ctx.input.node('data');
    const person = insuredPerson(ctx, data);
    const insutype = checkInsutype(data, person);
    const begntime = data.datetime('begntime');
    checkCertificate(ctx, data, person);
    const iptOtpNo = data.str('ipt_otp_no', { max: 30 });
    data.str('atddr_no', { max: 30 });
    data.str('dr_name', { max: 50 });
    data.str('dept_code', { max: 30 });
    data.str('dept_name', { max: 100 });
    data.str('caty', { max: 6 });
    if (ctx.sql.get("SELECT 1 AS x FROM platform_visit WHERE fixmedins_code = ? AND ipt_otp_no = ? AND kind = 'outpatient' AND state = 'registered'", ctx.envelope.fixmedins_code, iptOtpNo)) {
      refuse(data.field('ipt_otp_no'), '该门诊号在本机构已挂号');
    }
    const { id, text: mdtrtId } = newVisitId(ctx);
    ctx.sql.run(
      `INSERT INTO platform_visit (id, mdtrt_id, kind, psn_no, fixmedins_code, insutype, ipt_otp_no, begntime, state, created_msgid)
       VALUES (?, ?, 'outpatient', ?, ?, ?, ?, ?, 'registered', ?)`,
      id, mdtrtId, person.psn_no, ctx.envelope.fixmedins_code, insutype, iptOtpNo, begntime, ctx.envelope.msgid,
    );
    return { data: { mdtrt_id: mdtrtId, psn_no: person.psn_no, ipt_otp_no: iptOtpNo } };
  },
};

/** A registered outpatient visit of the person named in `reader`. */
function openOutpatientVisit(ctx: TxContext, reader: FieldReader) {
  const person = insuredPerson(ctx, reader, { allowUninsured: true });
  const visit = visitOf(ctx, reader, person, 'outpatient');
  if (visit.state !== 'registered') refuse(reader.field('mdtrt_id'), `就诊状态为${visitStateText(visit.state)}`);
  return { person, visit };
}

const cancelRegistration: TxDefinition = {
  institution: 'hospital',
  handle(ctx: TxContext) {
    const data = ctx.input.node('data');
    const { visit } = openOutpatientVisit(ctx, data);
    const iptOtpNo = data.str('ipt_otp_no', { max: 30 });
    if (iptOtpNo !== visit.ipt_otp_no) refuse(data.field('ipt_otp_no'), '与挂号信息不符');
    if (ctx.sql.get("SELECT 1 AS x FROM platform_settlement WHERE mdtrt_id = ? AND state = 'valid' AND refd_setl_flag = 0", visit.mdtrt_id)) {
      refuse(data.field('mdtrt_id'), '已有有效结算，请先撤销结算（2208）');
    }
    if (ctx.sql.get('SELECT 1 AS x FROM platform_fee WHERE mdtrt_id = ? AND settled = 0', visit.mdtrt_id)) {
      refuse(data.field('mdtrt_id'), '已上传费用明细，请先撤销费用明细（2205）');
    }
    setVisitState(ctx, visit.mdtrt_id, 'cancelled');
    return null;
  },
};

const visitInfo: TxDefinition = {
  institution: 'hospital',
  handle(ctx: TxContext) {
    const info = ctx.input.node('mdtrtinfo');
    const { visit } = openOutpatientVisit(ctx, info);
    const medType = readOutpatientMedType(info);
    info.datetime('begntime');
    for (const name of ['main_cond_dscr', 'dise_name']) info.str(name, { max: 1000, optional: true });
    const diseCodg = info.str('dise_codg', { max: 30, optional: true });
    const diagnoses = ctx.input.has('diseinfo') ? ctx.input.list('diseinfo', { min: 0, max: 50 }) : [];
    for (const diag of diagnoses) {
      diag.str('diag_type', { max: 3 });
      diag.str('diag_srt_no', { max: 2 });
      diag.str('diag_code', { max: 20 });
      diag.str('diag_name', { max: 100 });
      diag.str('vali_flag', { max: 3, oneOf: ['0', '1'] });
    }
    ctx.sql.run(
      'UPDATE platform_visit SET med_type = ?, dise_codg = ?, info_uploaded = 1 WHERE mdtrt_id = ?',
      medType, diseCodg ?? null, visit.mdtrt_id,
    );
    return null;
  },
};

const uploadFees: TxDefinition = {
  institution: 'hospital',
  handle(ctx: TxContext) {
    const lines = ctx.input.list('feedetail', { max: 500 });
    const first = lines[0]!;
    const { visit } = openOutpatientVisit(ctx, first);
    const fees = lines.map((line) => {
      if (line.str('mdtrt_id', { max: 30 }) !== visit.mdtrt_id) refuse(line.field('mdtrt_id'), '所有明细须属于同一次就诊');
      if (line.str('psn_no', { max: 30 }) !== visit.psn_no) refuse(line.field('psn_no'), '所有明细须属于同一人员');
      const chrgBchno = line.str('chrg_bchno', { max: 30 });
      line.str('rx_circ_flag', { max: 3, oneOf: ['0', '1'] });
      line.str('hosp_appr_flag', { max: 3 });
      requireClinicalFields(line);
      return readFeeLine(line, chrgBchno);
    });
    checkUniqueLines(ctx, visit.mdtrt_id, fees, 'input.feedetail');
    insertFees(ctx, visit.mdtrt_id, fees);
    return { result: fees.map((fee) => lineResult(fee, fee.medListCodg, fee.cnt4, fee.pric6)) };
  },
};

const cancelFees: TxDefinition = {
  institution: 'hospital',
  handle(ctx: TxContext) {
    const data = ctx.input.node('data');
    const { visit } = openOutpatientVisit(ctx, data);
    const chrgBchno = data.str('chrg_bchno', { max: 30 });
    const removed = chrgBchno === '0000'
      ? ctx.sql.run('DELETE FROM platform_fee WHERE mdtrt_id = ? AND settled = 0', visit.mdtrt_id)
      : ctx.sql.run('DELETE FROM platform_fee WHERE mdtrt_id = ? AND settled = 0 AND chrg_bchno = ?', visit.mdtrt_id, chrgBchno);
    if (removed === 0) refuse(data.field('chrg_bchno'), '该批次无未结算的费用明细');
    return null;
  },
};

export const outpatientTransactions: Record<string, TxDefinition> = {
  '2201': register,
  '2202': cancelRegistration,
  '2203': visitInfo,
  '2204': uploadFees,
  '2205': cancelFees,
};
