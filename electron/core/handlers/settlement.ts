import type { KioskHandlers } from '../../../shared/ipc/contract';
import type { SettleResult } from '../../../shared/types/settlement';
import type { Outcome } from '../../settlement/errors';
import type { CoreDeps } from './deps';
import { unwrap } from './outcome';
import { countCapUse } from './family';

type SettlementHandlers = Pick<
  KioskHandlers,
  | 'listRegistrationSlots'
  | 'prepareRegistration'
  | 'listPendingBills'
  | 'prepareOutpatientSettlement'
  | 'lookupCatalogue'
  | 'preparePharmacySettlement'
  | 'listInpatientStays'
  | 'admitInpatient'
  | 'prepareDischarge'
  | 'confirmSettlement'
  | 'declineQuote'
  | 'requoteSettlement'
  | 'cancelSettlement'
>;

/** The settlement use-cases as they are: validated twice (here and inside), answered as Results. */
export function settlementHandlers({ settlement: api, metrics }: CoreDeps): SettlementHandlers {
  // Outcomes are counted here, where they are known for sure, not by the page.
  const counted = (outcome: Outcome<SettleResult>, cancel: boolean): SettleResult => {
    if (!outcome.ok) metrics.record({ type: 'settlement', outcome: 'failed' });
    else if (outcome.value.status === 'pending') metrics.record({ type: 'settlement', outcome: 'unknown' });
    else if (cancel) {
      metrics.record({ type: 'settlement', outcome: 'cancelled' });
      metrics.record({ type: 'reversal', kind: 'cancellation' });
    } else metrics.record({ type: 'settlement', outcome: 'settled' });
    return unwrap(outcome);
  };
  return {
    listRegistrationSlots: async (r) => unwrap(await api.listRegistrationSlots(r)),
    prepareRegistration: async (r) => unwrap(await api.prepareRegistration(r)),
    listPendingBills: async (r) => unwrap(await api.listPendingBills(r)),
    prepareOutpatientSettlement: async (r) => unwrap(await api.prepareOutpatientSettlement(r)),
    lookupCatalogue: async (r) => unwrap(await api.lookupCatalogue(r)),
    preparePharmacySettlement: async (r) => unwrap(await api.preparePharmacySettlement(r)),
    listInpatientStays: async (r) => unwrap(await api.listInpatientStays(r)),
    admitInpatient: async (r) => unwrap(await api.admitInpatient(r)),
    prepareDischarge: async (r) => unwrap(await api.prepareDischarge(r)),
    confirmSettlement: async (r) => {
      const outcome = await api.confirmSettlement(r);
      countCapUse(metrics, outcome); // password-free cap (issue 15)
      return counted(outcome, false);
    },
    declineQuote: async (r) => unwrap(await api.declineQuote(r)),
    requoteSettlement: async (r) => unwrap(await api.requoteSettlement(r)),
    cancelSettlement: async (r) => counted(await api.cancelSettlement(r), true),
  };
}
