import type { KioskHandlers } from '../../../shared/ipc/contract';
import type { SettleResult } from '../../../shared/types/settlement';
import type { Outcome } from '../../settlement/errors';
import type { MetricsStore } from '../metrics/metricsStore';
import type { CoreDeps } from './deps';
import { unwrap } from './outcome';

type FamilyHandlers = Pick<KioskHandlers, 'listFamily' | 'actForFamily' | 'attachPayer' | 'passSecondFactor'>;

/**
 * Family payment and the password-free cap (issue 15). Acting for a member answers the patient's
 * IdentifiedPerson, with its `payer`; every later call uses the patient's personRef as before.
 */
export function familyHandlers({ settlement: api, metrics }: CoreDeps): FamilyHandlers {
  return {
    listFamily: async (r) => unwrap(await api.listFamily(r)),
    actForFamily: async (r) => unwrap(await api.actForFamily(r)),
    // The other direction: a relative's own face or QR pays for a patient identified by card or ID number.
    attachPayer: async (r) => unwrap(await api.attachPayer(r)),
    passSecondFactor: async (r) => {
      const outcome = await api.passSecondFactor(r);
      if (outcome.ok) metrics.record({ type: 'password-free', outcome: outcome.value.passed ? outcome.value.via : 'digits-wrong' });
      return unwrap(outcome);
    },
  };
}

/** The cap's use as confirmSettlement ends: within it by face alone, or a second factor asked. */
export function countCapUse(metrics: Pick<MetricsStore, 'record'>, outcome: Outcome<SettleResult>): void {
  if (!outcome.ok) {
    if (outcome.error.code === 'SECOND_FACTOR_REQUIRED') metrics.record({ type: 'password-free', outcome: 'asked' });
    return;
  }
  const receipt = outcome.value.receipt;
  if (receipt.kind === 'settlement' && receipt.passwordFree?.secondFactor === null) metrics.record({ type: 'password-free', outcome: 'within-cap' });
}
