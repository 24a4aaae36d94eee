import { SettlementFailure } from '../errors';
import type { PendingBill } from '../his/bridge';
import { billsOf } from '../his/debts';
import { wireAmount } from '../nhsa/amounts';
import type { KnownPerson } from '../people';
import { useCase, type Quote, type UseCaseContext } from './context';
import { hisDataMissing, mainDiagnosis, requireLineData, visitDiseinfo } from './hisData';
import { unlessRefused } from './refusals';
import type { VisitRelease } from '../visitUndo';
import { preSettle, type QuoteView } from './settle';
import { accountFlag, certificateFields, feeLine, prescription, receiptItem, sumFen } from './wire';
import { listPendingBillsInput, prepareOutpatientInput, listRegistrationSlotsInput, prepareRegistrationInput } from '../../../shared/ipc/settlementRequests';
import type { BillView } from '../../../shared/types/settlement';
export type { BillView };

/** Bills the platform already settled but the HIS has not yet been told about: never offered again. */
function settledButUnmarked(ctx: UseCaseContext): Set<string> {
  return new Set(ctx.journal.hisOwed().flatMap((row) => billsOf(row.detail)));
}

async function pendingBillsOf(ctx: UseCaseContext, person: KnownPerson): Promise<PendingBill[]> {
  const owed = settledButUnmarked(ctx);
  return (await ctx.his.pendingBills(person.psnNo)).filter((bill) => !owed.has(bill.billId));
}

export const listPendingBills = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, listPendingBillsInput, raw, async (input): Promise<BillView[]> =>
    (await pendingBillsOf(ctx, ctx.people.get(input.personRef))).map((bill) => ({
      billId: bill.billId,
      visitNo: bill.visitNo,
      kind: bill.kind,
      deptName: bill.deptName,
      doctorName: bill.doctorName,
      totalFen: bill.totalFen,
      items: bill.lines.map(receiptItem),
    })),
  );

/**
 * What 2203 says about the visit, from the HIS: when it began (the registration time) and the
 * doctor's diagnoses, the main one as dise_codg / dise_name. A registration fee is paid before the
 * doctor has seen the patient, so its visit may have no diagnosis yet: 2203 then carries none
 * (the spec marks neither dise_codg nor diseinfo required) rather than an invented one. A
 * doctor's bill without a main diagnosis is refused before anything is sent.
 */
function visitInfoOf(ctx: UseCaseContext, first: PendingBill, medType: string) {
  const diagnoses = first.diagnoses;
  const main = mainDiagnosis(diagnoses);
  if (!first.begntime) hisDataMissing(ctx, `就诊 ${first.visitNo} 的就诊开始时间（begntime）`);
  if (medType !== '12' && !main) hisDataMissing(ctx, `就诊 ${first.visitNo} 的主诊断`);
  return {
    mdtrtinfo: { med_type: medType, begntime: first.begntime, ...(main ? { dise_codg: main.code, dise_name: main.name } : {}) },
    diseinfo: visitDiseinfo(diagnoses),
  };
}

/**
 * One visit's bills up to the patient's confirmation: the platform visit (the one the HIS
 * recorded for the visit, or 2201, recorded in the HIS), visit information (2203), fee lines (2204, after
 * clearing lines an earlier attempt left open, 2205) and pre-settlement (2206). The 2207
 * input is the 2206 input plus the four scope amounts of the 2206 answer. What the HIS lacks is
 * refused before the first call.
 */
async function quoteVisit(
  ctx: UseCaseContext,
  person: KnownPerson,
  bills: PendingBill[],
  registration?: Quote['registration'],
): Promise<QuoteView> {
  const first = bills[0]!;
  const area = person.insuplcAdmdvs;
  const medType = first.kind === 'registration' ? '12' : '11';
  const visit = visitInfoOf(ctx, first, medType);
  const lines = bills.flatMap((bill) => bill.lines);
  requireLineData(ctx, lines, `就诊 ${first.visitNo}`);
  // The HIS keeps the visit's platform visit, whichever terminal opened it; this terminal's map
  // covers an attempt whose record in the HIS did not get through.
  let mdtrtId = first.mdtrtId ?? ctx.visits.get(first.visitNo, person.psnNo);
  if (!mdtrtId) {
    const answer = await ctx.gateway.call(
      '2201',
      {
        data: {
          ...certificateFields(person),
          begntime: first.begntime,
          ipt_otp_no: first.visitNo,
          atddr_no: first.doctorCode,
          dr_name: first.doctorName,
          dept_code: first.deptCode,
          dept_name: first.deptName,
          caty: first.caty,
        },
      },
      area,
    );
    mdtrtId = String((answer.output.data as { mdtrt_id?: unknown } | undefined)?.mdtrt_id ?? '');
    if (!mdtrtId) throw new SettlementFailure('PLATFORM_REJECTED');
    ctx.visits.put(first.visitNo, person.psnNo, mdtrtId, ctx.clock());
  }
  if (first.mdtrtId !== mdtrtId) await ctx.his.recordPlatformVisit(first.visitNo, mdtrtId);
  const chrgBchno = first.visitNo;
  await unlessRefused(ctx.gateway.call('2205', { data: { mdtrt_id: mdtrtId, chrg_bchno: '0000', psn_no: person.psnNo } }, area, { expectRefusal: true }));
  ctx.undo.supersede(mdtrtId);
  await ctx.gateway.call('2203', { mdtrtinfo: { mdtrt_id: mdtrtId, psn_no: person.psnNo, ...visit.mdtrtinfo }, diseinfo: visit.diseinfo }, area);
  const feedetail = lines.map((line) => ({
    ...feeLine(line, ctx.config.region.amounts),
    ...prescription(line.rxno, line.rxCirculation),
    mdtrt_id: mdtrtId,
    psn_no: person.psnNo,
    chrg_bchno: chrgBchno,
  }));
  await ctx.gateway.call('2204', { feedetail }, area);
  const data = {
    ...certificateFields(person),
    med_type: medType,
    medfee_sumamt: wireAmount(sumFen(lines), ctx.config.region.amounts),
    psn_setlway: '01',
    mdtrt_id: mdtrtId,
    chrg_bchno: chrgBchno,
    acct_used_flag: accountFlag(ctx.config.settlement.useAccountByDefault),
  };
  return preSettle(ctx, { infno: '2206', node: 'data', input: { data }, settleExtra: { invono: '' } }, {
    kind: registration ? 'registration' : 'outpatient',
    person,
    infno: '2207',
    mdtrtId,
    items: lines.map(receiptItem),
    hisDebt: { action: 'pay-bills', billIds: bills.map((b) => b.billId) },
    ...(registration ? { registration } : {}),
    release: releaseOf(person, first.visitNo, mdtrtId, registration),
  });
}

function releaseOf(person: KnownPerson, visitNo: string, mdtrtId: string, registration?: Quote['registration']): VisitRelease {
  return {
    kind: registration ? 'registration' : 'outpatient',
    mdtrtId,
    visitNo,
    psnNo: person.psnNo,
    insuplcAdmdvs: person.insuplcAdmdvs,
    ...(registration ? { regNo: registration.regNo } : {}),
  };
}

/** Cashier: the patient's chosen pending bills (all of one visit) → quote to confirm. */
export const prepareOutpatientSettlement = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, prepareOutpatientInput, raw, async (input) => {
    const person = ctx.people.get(input.personRef);
    const pending = await pendingBillsOf(ctx, person);
    const chosen = input.billIds.map((id) => pending.find((bill) => bill.billId === id));
    if (chosen.some((bill) => !bill)) throw new SettlementFailure('NOTHING_TO_SETTLE');
    const bills = chosen as PendingBill[];
    if (new Set(bills.map((b) => b.visitNo)).size !== 1) throw new SettlementFailure('INVALID_INPUT');
    return quoteVisit(ctx, person, bills);
  });

export const listRegistrationSlots = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, listRegistrationSlotsInput, raw, (input) => ctx.his.registrationSlots(input.date));

/**
 * Registration: the HIS books the place and raises the fee bill; the fee is then quoted like
 * any outpatient bill. Declining the quote gives the place back.
 */
export const prepareRegistration = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, prepareRegistrationInput, raw, async (input) => {
    const person = ctx.people.get(input.personRef);
    const { regNo, date, period, bill } = await ctx.his.register(person.psnNo, input.slotId);
    const registration = { regNo, deptName: bill.deptName, doctorName: bill.doctorName, date, period };
    try {
      return await quoteVisit(ctx, person, [bill], registration);
    } catch (error) {
      // The place goes back either way; the platform visit only if 2201 got far enough to name it.
      const mdtrtId = ctx.visits.get(bill.visitNo, person.psnNo);
      if (mdtrtId) await ctx.undo.release({ msgid: null, release: releaseOf(person, bill.visitNo, mdtrtId, registration) });
      else await ctx.his.cancelRegistration(regNo).catch(() => ctx.log(`his: registration ${regNo} left booked`));
      throw error;
    }
  });
