import type { DatabaseSync } from 'node:sqlite';
import type { PasswordFreeView, SettlementReceipt } from '../../shared/types/settlement';
import { SettlementFailure } from './errors';
import type { JournalEntry } from './journal';
import type { KnownPerson } from './people';
import { CHINA_OFFSET_MINUTES, platformDate, type Clock } from './time';

/**
 * The password-free cap (issue 15): a settlement authorised by face or e-voucher alone may not
 * exceed the region's amount per transaction, nor bring the person's password-free total of the
 * platform day above the amount per day. Above it confirmSettlement is refused with
 * SECOND_FACTOR_REQUIRED until the quote carries a second factor (secondFactor.ts).
 *
 * Readings, where the region's rule text was not available:
 * - the amount is the settlement's total (medfee_sumamt): what the face authorises the platform
 *   to settle, fund and account alike, and what the identification's knowledge check counts;
 * - the person is who authorises: the payer when a relative acts, else the patient;
 * - a card (03) carries its own PIN rule and a staff-typed ID number (02) is vouched by a staff
 *   PIN, so only certificate 01 (face or e-voucher QR) is capped;
 * - "today" is the platform day; what counts is this terminal's journal: settlements paid by face
 *   alone, done or not yet known (an unknown one may have happened), not cancelled. Other
 *   terminals are not seen: the platform does not tell (spec §2.9 has no such field).
 *
 * The same cap decides the face step's knowledge check (electron/core/handlers/identify.ts): when
 * the page knows the amount before identification (the pharmacy cart) and it is above the amount
 * per transaction, the face service asks for the last four ID digits. Digits the authorising
 * person gave at identification, for whatever reason the service asked, stand for the second
 * factor of this session's quotes that need one: the same digits of the same person are not asked
 * twice. They do not make a payment within the cap "not password-free": only one above it uses them.
 */

/** What the journal row keeps (detail.passwordFree) so a slip reprints the same figures. */
export interface CapUse {
  perTransactionFen: number;
  perDayFen: number;
  /** Password-free use today before this settlement. */
  usedTodayFen: number;
  secondFactor: 'id-digits' | 'staff-pin' | null;
  /** Who confirmed with their PIN, for the audit. */
  operatorId?: string;
}

/** Who authorises a settlement of this session: the relative acting, else the patient. */
export function authoriserOf(person: KnownPerson): { psnNo: string; certno: string; certType: string; digitsAtIdentification?: true } {
  return person.payer ?? person;
}

/** Password-free payments of `psnNo` on this terminal's journal today, in fen. */
export function usedTodayFrom(db: DatabaseSync, clock: Clock): (psnNo: string) => number {
  const statement = db.prepare(
    `SELECT coalesce(sum(CASE WHEN j.state = 'done' THEN json_extract(j.amounts, '$.medfeeSumamt') ELSE j.requested_fen END), 0) AS used
       FROM journal j
      WHERE j.infno IN ('2207', '2102', '2304') AND j.state IN ('done', 'pending', 'unknown')
        AND coalesce(j.payer_psn_no, j.psn_no) = ? AND j.created_at >= ? AND j.created_at < ?
        AND json_extract(j.detail, '$.passwordFree') IS NOT NULL AND json_extract(j.detail, '$.passwordFree.secondFactor') IS NULL
        AND NOT EXISTS (SELECT 1 FROM journal c WHERE c.infno IN ('2208', '2103', '2305') AND c.state = 'done'
                          AND json_extract(c.detail, '$.cancels') = j.msgid)`,
  );
  return (psnNo) => {
    const [y, m, d] = platformDate(clock()).split('-').map(Number) as [number, number, number];
    const start = Date.UTC(y, m - 1, d) - CHINA_OFFSET_MINUTES * 60_000;
    const row = statement.get(psnNo, new Date(start).toISOString(), new Date(start + 86_400_000).toISOString()) as { used: number };
    return Number(row.used);
  };
}

/** What the cap reads of a quote (usecases/context's Quote), spelled out so this module stays below the use-cases. */
interface Capped {
  person: KnownPerson;
  amounts: { medfeeSumamt: number };
  secondFactor?: { via: 'id-digits' | 'staff-pin'; operatorId?: string };
}
/** What the cap reads of the use-case context. */
interface CapContext {
  config: { region: { passwordFreeCap?: { perTransactionFen: number; perDayFen: number } | null | undefined } };
  family: { usedToday(psnNo: string): number };
}

/** The cap as it applies to this quote; undefined when the region has none or the identification is not 01. */
export function passwordFreeView(ctx: CapContext, quote: Capped): PasswordFreeView | undefined {
  const rule = ctx.config.region.passwordFreeCap;
  const who = authoriserOf(quote.person);
  if (!rule || who.certType !== '01') return undefined;
  const used = ctx.family.usedToday(who.psnNo);
  const total = quote.amounts.medfeeSumamt;
  const required = total > rule.perTransactionFen || used + total > rule.perDayFen;
  return {
    perTransactionFen: rule.perTransactionFen,
    perDayFen: rule.perDayFen,
    usedTodayFen: used,
    secondFactorRequired: required,
    secondFactor: quote.secondFactor?.via ?? (required && who.digitsAtIdentification ? 'id-digits' : null),
  };
}

/** At confirmation: refused above the cap without a second factor; else what the journal keeps. */
export function passwordFreeGate(ctx: CapContext, quote: Capped): CapUse | undefined {
  const view = passwordFreeView(ctx, quote);
  if (!view) return undefined;
  if (view.secondFactorRequired && !view.secondFactor) throw new SettlementFailure('SECOND_FACTOR_REQUIRED');
  return {
    perTransactionFen: view.perTransactionFen,
    perDayFen: view.perDayFen,
    usedTodayFen: view.usedTodayFen,
    secondFactor: view.secondFactor,
    ...(quote.secondFactor?.operatorId ? { operatorId: quote.secondFactor.operatorId } : {}),
  };
}

/** A slip's cap line: today's password-free use including this settlement when it was one. */
export function capOnReceipt(entry: JournalEntry): Pick<SettlementReceipt, 'passwordFree'> {
  const use = entry.detail.passwordFree as CapUse | undefined;
  if (!use || typeof use.perDayFen !== 'number' || !entry.amounts) return {};
  const thisOne = use.secondFactor === null ? entry.amounts.medfeeSumamt : 0;
  return {
    passwordFree: { perTransactionFen: use.perTransactionFen, perDayFen: use.perDayFen, usedTodayFen: use.usedTodayFen + thisOne, secondFactor: use.secondFactor },
  };
}
