import { maskName } from '../../../shared/mask';
import { SettlementFailure } from '../errors';
import type { InpatientStay } from '../his/bridge';
import { wireAmount } from '../nhsa/amounts';
import type { KnownPerson } from '../people';
import { unlessRefused } from './refusals';
import { useCase, type UseCaseContext } from './context';
import { preSettle } from './settle';
import { admissionMessage, dischargeMessage, scopeOfFeeAnswer } from './stayRecord';
import { accountFlag, certificateFields, feeLine, prescription, receiptItem, sumFen } from './wire';
import { admitInpatientInput, listInpatientStaysInput, prepareDischargeInput } from '../../../shared/ipc/settlementRequests';
import type { InpatientStayView } from '../../../shared/types/settlement';
import type { AdmissionResult } from '../../../shared/types/settlement';
export type { AdmissionResult };

const admissionSubject = (stayNo: string) => `admit:${stayNo}`;

async function stayOf(ctx: UseCaseContext, person: KnownPerson, stayNo: string): Promise<InpatientStay> {
  const stay = await ctx.his.stay(stayNo);
  // Another patient's number is told as not found under this one: the same words, and no more said about it.
  if (stay.psnNo !== person.psnNo) throw new SettlementFailure('STAY_NOT_FOUND');
  return stay;
}

/**
 * Admission (2401) of a stay the HIS has opened, as the HIS records it (stayRecord.ts). Reversible,
 * so journaled like a settlement; the platform's visit id (mdtrt_id) is kept in the journal row,
 * where discharge finds it.
 */
export const admitInpatient = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, admitInpatientInput, raw, async (input): Promise<AdmissionResult> => {
    const person = ctx.people.get(input.personRef);
    const stay = await stayOf(ctx, person, input.stayNo);
    if (stay.status !== 'admitted') throw new SettlementFailure('NOTHING_TO_SETTLE');
    const typed = input.diagCode && input.diagName ? { code: input.diagCode, name: input.diagName } : undefined;
    const { mdtrtinfo, diseinfo, main, from } = admissionMessage(ctx, person, stay, typed);
    try {
      const { row } = await ctx.gateway.reversible(
        {
          infno: '2401',
          subject: admissionSubject(stay.stayNo),
          psnNo: person.psnNo,
          insuplcAdmdvs: person.insuplcAdmdvs,
          maskedName: maskName(person.name),
          insutype: person.insutype,
          detail: { stayNo: stay.stayNo, diagCode: main.code, diagName: main.name, diagnosisFrom: from },
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
 * Discharge settlement up to the patient's confirmation: the HIS closes the stay, and once its
 * discharge record is complete (refused before any message otherwise) its fee lines go up (2301,
 * after clearing lines an abandoned attempt left open, 2302), the platform discharges (2402) and
 * pre-settles (2303) with the four scope amounts of the 2301 answer's per-line split.
 * confirmSettlement then settles with 2304.
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
    const amounts = ctx.config.region.amounts;
    const discharge = dischargeMessage(ctx, person, stay, mdtrtId);
    await unlessRefused(ctx.gateway.call('2302', { data: { feedetl_sn: '0000', mdtrt_id: mdtrtId, psn_no: person.psnNo } }, area, { expectRefusal: true }));
    const feedetail = stay.lines.map((line) => ({
      ...feeLine(line, amounts),
      // 2301's table lists no prescription fields: sent only for a line the HIS says is one.
      ...(line.rxno ? prescription(line.rxno, line.rxCirculation) : {}),
      mdtrt_id: mdtrtId,
      psn_no: person.psnNo,
      med_type: '21',
    }));
    const uploaded = await ctx.gateway.call('2301', { feedetail }, area);
    const totalFen = sumFen(stay.lines);
    const scope = scopeOfFeeAnswer(uploaded.output.result, stay.lines.map((line) => line.feedetlSn), totalFen);
    await unlessRefused(ctx.gateway.call('2402', discharge, area, { expectRefusal: true }));
    const data = {
      ...certificateFields(person),
      medfee_sumamt: wireAmount(totalFen, amounts),
      psn_setlway: '01',
      mdtrt_id: mdtrtId,
      acct_used_flag: accountFlag(ctx.config.settlement.useAccountByDefault),
      invono: '',
      mid_setl_flag: '0',
      fulamt_ownpay_amt: wireAmount(scope.fulamtOwnpay, amounts),
      overlmt_selfpay: wireAmount(scope.overlmtSelfpay, amounts),
      preselfpay_amt: wireAmount(scope.preselfpay, amounts),
      inscp_scp_amt: wireAmount(scope.inscpScp, amounts),
    };
    return preSettle(ctx, { infno: '2303', node: 'data', input: { data } }, {
      kind: 'discharge',
      person,
      infno: '2304',
      mdtrtId,
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
