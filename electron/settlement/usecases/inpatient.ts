import { maskName } from '../../../shared/mask';
import { SettlementFailure } from '../errors';
import type { InpatientStay } from '../his/bridge';
import { wireAmount } from '../nhsa/amounts';
import { parseSetlinfo, scopeAmountsForWire } from '../nhsa/setlinfo';
import type { KnownPerson } from '../people';
import { unlessRefused } from './refusals';
import { useCase, type UseCaseContext } from './context';
import { quoteFromAnswer } from './settle';
import { certificateFields, feeLine, now, receiptItem, sumFen } from './wire';
import { admitInpatientInput, listInpatientStaysInput, prepareDischargeInput } from '../../../shared/ipc/settlementRequests';
import type { InpatientStayView } from '../../../shared/types/settlement';
import type { AdmissionResult } from '../../../shared/types/settlement';
export type { AdmissionResult };

const admissionSubject = (stayNo: string) => `admit:${stayNo}`;

async function stayOf(ctx: UseCaseContext, person: KnownPerson, stayNo: string): Promise<InpatientStay> {
  const stay = await ctx.his.stay(stayNo);
  if (stay.psnNo !== person.psnNo) throw new SettlementFailure('NOTHING_TO_SETTLE');
  return stay;
}

/**
 * Admission (2401) of a stay the HIS has opened. Reversible, so journaled like a settlement;
 * the platform's visit id (mdtrt_id) is kept in the journal row, where discharge finds it.
 */
export const admitInpatient = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, admitInpatientInput, raw, async (input): Promise<AdmissionResult> => {
    const person = ctx.people.get(input.personRef);
    const stay = await stayOf(ctx, person, input.stayNo);
    if (stay.status !== 'admitted') throw new SettlementFailure('NOTHING_TO_SETTLE');
    const begntime = `${stay.admittedOn} 08:00:00`;
    const mdtrtinfo = {
      ...certificateFields(person),
      begntime,
      med_type: '21',
      ipt_no: stay.stayNo,
      medrcdno: stay.stayNo,
      atddr_no: stay.doctorCode,
      chfpdr_name: stay.doctorName,
      adm_diag_dscr: input.diagName,
      adm_dept_codg: stay.deptCode,
      adm_dept_name: stay.deptName,
      adm_bed: stay.bed,
      dscg_maindiag_code: input.diagCode,
      dscg_maindiag_name: input.diagName,
    };
    const diseinfo = [
      {
        psn_no: person.psnNo,
        diag_type: '1',
        maindiag_flag: '1',
        diag_srt_no: '1',
        diag_code: input.diagCode,
        diag_name: input.diagName,
        diag_dept: stay.deptName,
        dise_dor_no: stay.doctorCode,
        dise_dor_name: stay.doctorName,
        diag_time: begntime,
      },
    ];
    try {
      const { row } = await ctx.gateway.reversible(
        {
          infno: '2401',
          subject: admissionSubject(stay.stayNo),
          psnNo: person.psnNo,
          insuplcAdmdvs: person.insuplcAdmdvs,
          maskedName: maskName(person.name),
          insutype: person.insutype,
          detail: { stayNo: stay.stayNo, diagCode: input.diagCode, diagName: input.diagName },
        },
        { mdtrtinfo, diseinfo },
        (answer) => {
          const mdtrtId = (answer.output.result as { mdtrt_id?: unknown } | undefined)?.mdtrt_id;
          if (typeof mdtrtId !== 'string' || !mdtrtId) throw new Error('no mdtrt_id in the admission answer');
          return { outcome: { mdtrtId }, value: mdtrtId };
        },
      );
      return { status: 'admitted', stayNo: stay.stayNo, deptName: stay.deptName, bed: stay.bed, reference: row.msgid };
    } catch (error) {
      if (error instanceof SettlementFailure && error.code === 'OUTCOME_UNKNOWN' && error.reference) {
        return { status: 'pending', stayNo: stay.stayNo, reference: error.reference };
      }
      throw error;
    }
  });

/**
 * Discharge settlement up to the patient's confirmation: the HIS closes the stay, its fee
 * lines go up (2301, after clearing lines an abandoned attempt left open, 2302), the platform
 * discharges (2402) and pre-settles (2303). confirmSettlement then settles with 2304.
 */
export const prepareDischarge = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, prepareDischargeInput, raw, async (input) => {
    const person = ctx.people.get(input.personRef);
    const admission = ctx.journal.doneFor(admissionSubject(input.stayNo));
    await stayOf(ctx, person, input.stayNo);
    if (!admission?.mdtrtId) throw new SettlementFailure('NOTHING_TO_SETTLE');
    const stay = await ctx.his.dischargeStay(input.stayNo);
    if (stay.status === 'paid' || stay.lines.length === 0) throw new SettlementFailure('NOTHING_TO_SETTLE');
    const mdtrtId = admission.mdtrtId;
    const area = person.insuplcAdmdvs;
    const diag = { code: String(admission.detail.diagCode ?? ''), name: String(admission.detail.diagName ?? '') };
    await unlessRefused(ctx.gateway.call('2302', { data: { feedetl_sn: '0000', mdtrt_id: mdtrtId, psn_no: person.psnNo } }, area, { expectRefusal: true }));
    const feedetail = stay.lines.map((line) => ({ ...feeLine(line, stay, ctx.config.region.amounts), mdtrt_id: mdtrtId, psn_no: person.psnNo, med_type: '21' }));
    await ctx.gateway.call('2301', { feedetail }, area);
    const dscginfo = {
      mdtrt_id: mdtrtId,
      psn_no: person.psnNo,
      insutype: person.insutype,
      endtime: stay.dischargedOn ? `${stay.dischargedOn} 10:00:00` : now(ctx.clock),
      dise_codg: diag.code,
      dise_name: diag.name,
      dscg_dept_codg: stay.deptCode,
      dscg_dept_name: stay.deptName,
      dscg_bed: stay.bed,
      dscg_way: '1',
    };
    const diseinfo = [{ diag_type: '1', diag_code: diag.code, diag_name: diag.name }];
    await unlessRefused(ctx.gateway.call('2402', { dscginfo, diseinfo }, area, { expectRefusal: true }));
    const data = {
      ...certificateFields(person),
      medfee_sumamt: wireAmount(sumFen(stay.lines), ctx.config.region.amounts),
      psn_setlway: '01',
      mdtrt_id: mdtrtId,
      acct_used_flag: '1',
      invono: '',
      mid_setl_flag: '0',
    };
    const answer = await ctx.gateway.call('2303', { data }, area);
    return quoteFromAnswer(ctx, answer.output, {
      kind: 'discharge',
      person,
      infno: '2304',
      mdtrtId,
      input: { data: { ...data, ...scopeAmountsForWire(parseSetlinfo(answer.output.setlinfo), ctx.config.region.amounts) } },
      items: stay.lines.map(receiptItem),
      hisDebt: { action: 'pay-stay', stayNo: stay.stayNo },
    });
  });

/** The admission desk picks the patient's stay from the HIS instead of typing its number. */
export const listInpatientStays = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, listInpatientStaysInput, raw, async (input): Promise<InpatientStayView[]> =>
    (await ctx.his.staysOf(ctx.people.get(input.personRef).psnNo)).map((stay) => ({
      stayNo: stay.stayNo,
      deptName: stay.deptName,
      doctorName: stay.doctorName,
      bed: stay.bed,
      admittedOn: stay.admittedOn,
      status: stay.status,
      totalFen: sumFen(stay.lines),
    })),
  );
