import type { SettlementReceipt } from '../../shared/types/settlement';
import { capOnReceipt } from './cap';
import type { JournalEntry } from './journal';

/**
 * What a slip says of family payment and the cap (issue 15), from the journal row alone so a
 * reprint says the same: who acted (masked) and what the patient is to them, what the relative's
 * account paid (共济), and the password-free cap with today's use.
 */
export function familyOnReceipt(entry: JournalEntry): Pick<SettlementReceipt, 'payer' | 'mutualAidFen' | 'passwordFree'> {
  const aid = entry.amounts?.acctMulaidPay ?? 0;
  return {
    ...(entry.payer ? { payer: { maskedName: entry.payer.maskedName, relation: entry.payer.relation } } : {}),
    ...(entry.payer || aid !== 0 ? { mutualAidFen: aid } : {}),
    ...capOnReceipt(entry),
  };
}
