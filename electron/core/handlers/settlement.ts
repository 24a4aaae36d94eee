import type { KioskHandlers } from '../../../shared/ipc/contract';
import type { CoreDeps } from './deps';
import { unwrap } from './outcome';

type SettlementHandlers = Pick<
  KioskHandlers,
  | 'listRegistrationSlots'
  | 'prepareRegistration'
  | 'listPendingBills'
  | 'prepareOutpatientSettlement'
  | 'lookupCatalogue'
  | 'preparePharmacySettlement'
  | 'admitInpatient'
  | 'prepareDischarge'
  | 'confirmSettlement'
  | 'declineQuote'
  | 'cancelSettlement'
>;

/** The settlement use-cases as they are: validated twice (here and inside), answered as Results. */
export function settlementHandlers({ settlement: api }: CoreDeps): SettlementHandlers {
  return {
    listRegistrationSlots: async (r) => unwrap(await api.listRegistrationSlots(r)),
    prepareRegistration: async (r) => unwrap(await api.prepareRegistration(r)),
    listPendingBills: async (r) => unwrap(await api.listPendingBills(r)),
    prepareOutpatientSettlement: async (r) => unwrap(await api.prepareOutpatientSettlement(r)),
    lookupCatalogue: async (r) => unwrap(await api.lookupCatalogue(r)),
    preparePharmacySettlement: async (r) => unwrap(await api.preparePharmacySettlement(r)),
    admitInpatient: async (r) => unwrap(await api.admitInpatient(r)),
    prepareDischarge: async (r) => unwrap(await api.prepareDischarge(r)),
    confirmSettlement: async (r) => unwrap(await api.confirmSettlement(r)),
    declineQuote: async (r) => unwrap(await api.declineQuote(r)),
    cancelSettlement: async (r) => unwrap(await api.cancelSettlement(r)),
  };
}
