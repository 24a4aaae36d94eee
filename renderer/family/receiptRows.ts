import type { Receipt } from '../api/counter';
import { yuan } from '../components/money';
import type { Translate } from '../i18n';

export interface ReceiptRow {
  label: string;
  value: string;
  /** For the tests that read one figure. */
  testId: string;
}

/** Who acted for the patient (masked), one row; none when the patient acted for themselves. */
export function payerRows(t: Translate, receipt: Receipt): ReceiptRow[] {
  if (receipt.kind === 'pending' || !receipt.payer) return [];
  const { maskedName, relation } = receipt.payer;
  return [{ label: t('family.slip.payer'), value: t('family.slip.payerValue', { payer: maskedName, relation }), testId: 'receipt-payer' }];
}

/**
 * The money rows of family payment and the cap (issue 15), beside the fund and the patient's own
 * account: what the relative's account paid (共济; negative on a cancel, as the platform gives
 * back), and the password-free cap with today's use and how this payment above it was confirmed.
 * Rebuilt from the journal on a reprint, so the same rows print again.
 */
export function familyMoneyRows(t: Translate, receipt: Receipt): ReceiptRow[] {
  return [...mutualAidRows(t, receipt), ...capRows(t, receipt)];
}

/** What the relative's account paid (共济), beside the fund and the patient's own account. */
export function mutualAidRows(t: Translate, receipt: Receipt): ReceiptRow[] {
  if (receipt.kind === 'pending' || (!receipt.payer && (receipt.mutualAidFen ?? 0) === 0)) return [];
  return [{ label: t('family.slip.mutualAid'), value: yuan(receipt.mutualAidFen ?? 0), testId: 'receipt-mutual-aid' }];
}

/** The password-free cap, today's use, and how a payment above it was confirmed. */
export function capRows(t: Translate, receipt: Receipt): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  const cap = receipt.kind === 'settlement' ? receipt.passwordFree : undefined;
  if (cap) {
    const use = t('family.slip.capValue', { used: yuan(cap.usedTodayFen), day: yuan(cap.perDayFen) });
    rows.push({ label: t('family.slip.cap'), value: use, testId: 'receipt-cap' });
    if (cap.secondFactor) rows.push({ label: t('family.slip.capFactor'), value: t(`family.slip.capFactor.${cap.secondFactor}`), testId: 'receipt-cap-factor' });
  }
  return rows;
}

/** The patient's own account, named so while a relative acted (their account is the 共济 row). */
export function accountLabel(t: Translate, receipt: Receipt): string {
  return receipt.kind !== 'pending' && receipt.payer ? t('family.quote.patientAccount', { name: receipt.patientName }) : t('quote.account');
}

/**
 * A family patient with no personal account of their own (a resident child): the slip leaves out
 * their ¥0.00 account and balance rather than suggest one paid; the relative's 共济 row stands.
 */
export function hidesOwnAccount(receipt: Receipt): boolean {
  return receipt.kind !== 'pending' && receipt.payer !== undefined && receipt.accountFen === 0 && (receipt.balanceAfterFen ?? 0) === 0;
}
