import { z } from 'zod';
import { fenToYuan } from '../../../shared/money';
import { SettlementFailure } from '../errors';
import { parseSetlinfo, scopeAmountsForWire } from '../nhsa/setlinfo';
import { maskName } from '../../../shared/mask';
import { useCase, type UseCaseContext } from './context';
import { quoteFromAnswer } from './settle';
import { certificateFields, feeLine, now, receiptItem, sumFen } from './wire';

const admissionSubject = (iptNo: string) => `admit:${iptNo}`;

export const admitInpatientInput = z.object({ personRef: z.uuid(), iptNo: z.string().min(1).max(30) }).strict();

export type AdmissionResult =
  | { status: 'admitted'; iptNo: string; deptName: string; bed: string; reference: string }
  | { status: 'pending'; iptNo: string; reference: string };

/**
 * Admission (2401) of a stay the HIS has opened. Reversible, so journaled like a settlement;
 * the platform's visit id (mdtrt_id) lands in the journal, where discharge finds it.
 */
export const admitInpatient = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, admitInpatientInput, raw, async (input): Promise<AdmissionResult> => {
    const person = ctx.people.get(input.personRef);
    const stay = await ctx.his.inpatientStay(input.iptNo);
    if (!stay || stay.psnCertno !== person.certno) throw new SettlementFailure('NOTHING_TO_SETTLE');
    const diag = { diag_type: '1', maindiag_flag: '1', diag_srt_no: '1', diag_code: stay.admDiagCode, diag_name: stay.admDiagName };
    const mdtrtinfo = {
      ...certificateFields(person),
      begntime: stay.admittedAt,
      med_type: '21',
      ipt_no: stay.iptNo,
      medrcdno: stay.iptNo,
      atddr_no: stay.doctorCode,
      chfpdr_name: stay.doctorName,
      adm_diag_dscr: stay.admDiagName,
      adm_dept_codg: stay.deptCode,
      adm_dept_name: stay.deptName,
      adm_bed: stay.bed,
      dscg_maindiag_code: stay.admDiagCode,
      dscg_maindiag_name: stay.admDiagName,
      dise_codg: stay.admDiagCode,
      dise_name: stay.admDiagName,
    };
    try {
      const { row } = await ctx.gateway.reversible(
        {
          infno: '2401',
          subject: admissionSubject(stay.iptNo),
          psnNo: person.psnNo,
          insuplcAdmdvs: person.insuplcAdmdvs,
          maskedName: maskName(person.name),
          insutype: person.insutype,
          detail: { iptNo: stay.iptNo },
        },
        { mdtrtinfo, diseinfo: [{ psn_no: person.psnNo, ...diag, diag_dept: stay.deptName, dise_dor_no: stay.doctorCode, dise_dor_name: stay.doctorName, diag_time: stay.admittedAt }] },
        (answer) => {
          const mdtrtId = (answer.output.result as { mdtrt_id?: unknown } | undefined)?.mdtrt_id;
          if (typeof mdtrtId !== 'string' || !mdtrtId) throw new Error('no mdtrt_id in the admission answer');
          return { outcome: { mdtrtId }, value: mdtrtId };
        },
      );
      return { status: 'admitted', iptNo: stay.iptNo, deptName: stay.deptName, bed: stay.bed, reference: row.msgid };
    } catch (error) {
      if (error instanceof SettlementFailure && error.code === 'OUTCOME_UNKNOWN' && error.reference) {
        return { status: 'pending', iptNo: stay.iptNo, reference: error.reference };
      }
      throw error;
    }
  });

export const prepareDischargeInput = z.object({ personRef: z.uuid(), iptNo: z.string().min(1).max(30) }).strict();

/**
 * Discharge settlement up to the patient's confirmation: the stay's fee lines (2301, after
 * clearing any left open by an earlier attempt with 2302), discharge (2402), pre-settlement
 * (2303). The quote then settles with 2304 on confirmSettlement.
 */
export const prepareDischarge = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, prepareDischargeInput, raw, async (input) => {
    const person = ctx.people.get(input.personRef);
    const admission = ctx.journal
      .all()
      .find((r) => r.subject === admissionSubject(input.iptNo) && r.state === 'done' && r.psnNo === person.psnNo);
    const stay = await ctx.his.inpatientStay(input.iptNo);
    if (!admission?.mdtrtId || !stay || stay.lines.length === 0) throw new SettlementFailure('NOTHING_TO_SETTLE');
    const mdtrtId = admission.mdtrtId;
    const area = person.insuplcAdmdvs;
    await ignoring(/no unsettled fee line/, ctx.gateway.call('2302', { data: { feedetl_sn: '0000', mdtrt_id: mdtrtId, psn_no: person.psnNo } }, area));
    const feedetail = stay.lines.map((line) => ({
      ...feeLine(line, line.lineNo),
      mdtrt_id: mdtrtId,
      psn_no: person.psnNo,
      med_type: '21',
    }));
    await ctx.gateway.call('2301', { feedetail }, area);
    const endtime = stay.dischargedAt ?? now(ctx.clock);
    await ignoring(
      /stay is discharged/,
      ctx.gateway.call(
        '2402',
        {
          dscginfo: {
            mdtrt_id: mdtrtId,
            psn_no: person.psnNo,
            insutype: person.insutype,
            endtime,
            dise_codg: stay.admDiagCode,
            dise_name: stay.admDiagName,
            dscg_dept_codg: stay.deptCode,
            dscg_dept_name: stay.deptName,
            dscg_bed: stay.bed,
            dscg_way: '1',
          },
          diseinfo: [{ diag_type: '1', diag_code: stay.admDiagCode, diag_name: stay.admDiagName }],
        },
        area,
      ),
    );
    const data = {
      ...certificateFields(person),
      medfee_sumamt: fenToYuan(sumFen(stay.lines)),
      psn_setlway: '01',
      mdtrt_id: mdtrtId,
      acct_used_flag: '1',
      invono: '',
      mid_setl_flag: '0',
    };
    const answer = await ctx.gateway.call('2303', { data }, area);
    const preview = parseSetlinfo(answer.output.setlinfo);
    return quoteFromAnswer(ctx, answer.output, {
      kind: 'discharge',
      person,
      infno: '2304',
      mdtrtId,
      input: { data: { ...data, ...scopeAmountsForWire(preview) } },
      items: stay.lines.map(receiptItem),
      billIds: [],
    });
  });

/** A business step an earlier, abandoned attempt already did is not an error the second time. */
async function ignoring<T>(already: RegExp, call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof SettlementFailure && already.test(error.detail ?? '')) return undefined;
    throw error;
  }
}
