import type { HisBridge } from './bridge';

/**
 * What the hospital system must still be told after a settlement or cancel is done on the
 * platform. Kept in the journal row, so recovery can tell it later if the HIS was down.
 */
export type HisDebt =
  | { action: 'pay-bills'; billIds: string[] }
  | { action: 'pay-stay'; stayNo: string }
  | { action: 'reopen-bills'; billIds: string[]; paidWith: string }
  | { action: 'reopen-stay'; stayNo: string; paidWith: string };

export async function payHisDebt(his: HisBridge, debt: HisDebt, setlId: string): Promise<void> {
  switch (debt.action) {
    case 'pay-bills':
      return his.markPaid(debt.billIds, setlId);
    case 'pay-stay':
      return his.markStayPaid(debt.stayNo, setlId);
    case 'reopen-bills':
      return his.reopen(debt.billIds, debt.paidWith);
    case 'reopen-stay':
      return his.reopenStay(debt.stayNo, debt.paidWith);
  }
}

/** What the HIS must be told once a cancel of this settlement is done: its bills or its stay are unpaid again. */
export function reopenDebtOf(detail: Record<string, unknown>, setlId: string): HisDebt | undefined {
  const debt = detail.hisDebt as HisDebt | undefined;
  if (debt?.action === 'pay-bills' && debt.billIds.length > 0) return { action: 'reopen-bills', billIds: debt.billIds, paidWith: setlId };
  if (debt?.action === 'pay-stay') return { action: 'reopen-stay', stayNo: debt.stayNo, paidWith: setlId };
  return undefined;
}

/** The bills a done settlement paid, for "no bill settled twice" and for a later cancel. */
export function billsOf(detail: Record<string, unknown>): string[] {
  const debt = detail.hisDebt as HisDebt | undefined;
  return debt && debt.action === 'pay-bills' ? debt.billIds : [];
}
