import type { UseCaseContext } from './context';
import { cancelSettlement } from './cancel';
import { confirmCashTaken } from './cashTaken';
import { findTodaySettlements } from './todaySettlements';
import { confirmCashTakenInput, endShiftInput, findTodaySettlementsInput } from '../../../shared/ipc/staffDeskRequests';
import { checkShiftEnd } from './staffDesk';
import { actForFamilyInput, attachPayerInput, listFamilyInput, passSecondFactorInput } from '../../../shared/ipc/settlementRequests';
import { actForFamily, listFamily } from '../family';
import { passSecondFactor } from '../secondFactor';
import { attachPayer } from '../familyAttach';
import { endSession, identifyByCard, identifyByIdNumber, identifyByVoucher } from './identify';
import { admitInpatient, listInpatientStays, prepareDischarge } from './inpatient';
import { listPendingBills, listRegistrationSlots, prepareOutpatientSettlement, prepareRegistration } from './outpatient';
import { lookupCatalogue, preparePharmacySettlement } from './pharmacy';
import { exportDayCsv, reconcileDay } from './reconcile';
import { findReceipt } from './reprint';
import { reverseOrphan } from './reverseOrphan';
import { confirmSettlement, declineQuote, requoteSettlement } from './settle';
import { listUnresolved, resolveUnresolved } from './staffResolution';
import {
  admitInpatientInput,
  cancelSettlementInput,
  confirmSettlementInput,
  declineQuoteInput,
  requoteSettlementInput,
  endSessionInput,
  identifyByCardInput,
  identifyByIdNumberInput,
  identifyByVoucherInput,
  listInpatientStaysInput,
  listPendingBillsInput,
  listRegistrationSlotsInput,
  lookupCatalogueInput,
  prepareDischargeInput,
  prepareOutpatientInput,
  preparePharmacyInput,
  prepareRegistrationInput,
  reconcileDayInput,
  listUnresolvedInput,
  resolveUnresolvedInput,
  exportDayCsvInput,
  reverseOrphanInput,
  findReceiptInput,
} from '../../../shared/ipc/settlementRequests';

/**
 * The settlement use-cases, one async call each, taking unvalidated input (each validates it
 * with the schema below) and answering an Outcome with a stable error code: what the IPC
 * contract exposes to the renderer, method by method.
 */
export const SETTLEMENT_USE_CASES = {
  identifyByVoucher: [identifyByVoucherInput, identifyByVoucher],
  identifyByIdNumber: [identifyByIdNumberInput, identifyByIdNumber],
  identifyByCard: [identifyByCardInput, identifyByCard],
  endSession: [endSessionInput, endSession],
  listPendingBills: [listPendingBillsInput, listPendingBills],
  prepareOutpatientSettlement: [prepareOutpatientInput, prepareOutpatientSettlement],
  listRegistrationSlots: [listRegistrationSlotsInput, listRegistrationSlots],
  prepareRegistration: [prepareRegistrationInput, prepareRegistration],
  lookupCatalogue: [lookupCatalogueInput, lookupCatalogue],
  preparePharmacySettlement: [preparePharmacyInput, preparePharmacySettlement],
  listInpatientStays: [listInpatientStaysInput, listInpatientStays],
  admitInpatient: [admitInpatientInput, admitInpatient],
  prepareDischarge: [prepareDischargeInput, prepareDischarge],
  confirmSettlement: [confirmSettlementInput, confirmSettlement],
  declineQuote: [declineQuoteInput, declineQuote],
  requoteSettlement: [requoteSettlementInput, requoteSettlement],
  cancelSettlement: [cancelSettlementInput, cancelSettlement],
  reconcileDay: [reconcileDayInput, reconcileDay],
  listUnresolved: [listUnresolvedInput, listUnresolved],
  resolveUnresolved: [resolveUnresolvedInput, resolveUnresolved],
  exportDayCsv: [exportDayCsvInput, exportDayCsv],
  reverseOrphan: [reverseOrphanInput, reverseOrphan],
  findReceipt: [findReceiptInput, findReceipt],
  confirmCashTaken: [confirmCashTakenInput, confirmCashTaken],
  findTodaySettlements: [findTodaySettlementsInput, findTodaySettlements],
  checkShiftEnd: [endShiftInput, checkShiftEnd],
  // Family payment and the password-free cap (issue 15).
  listFamily: [listFamilyInput, listFamily],
  actForFamily: [actForFamilyInput, actForFamily],
  attachPayer: [attachPayerInput, attachPayer],
  passSecondFactor: [passSecondFactorInput, passSecondFactor],
} as const;

export type SettlementUseCase = keyof typeof SETTLEMENT_USE_CASES;

type Api = {
  [K in SettlementUseCase]: (raw: unknown) => ReturnType<(typeof SETTLEMENT_USE_CASES)[K][1]>;
};

/** The use-cases bound to one engine's context. */
export function settlementApi(ctx: UseCaseContext): Api {
  const bind = <K extends SettlementUseCase>(name: K) => {
    const run = SETTLEMENT_USE_CASES[name][1] as (c: UseCaseContext, raw: unknown) => ReturnType<Api[K]>;
    return (raw: unknown) => run(ctx, raw);
  };
  return Object.fromEntries((Object.keys(SETTLEMENT_USE_CASES) as SettlementUseCase[]).map((name) => [name, bind(name)])) as Api;
}
