import { maskName } from '../../../shared/mask';
import { SettlementFailure } from '../errors';
import { amountsOf, identityViolations, parseSetlinfo, scopeAmountsForWire, type SettlementAmounts } from '../nhsa/setlinfo';
import { pendingReceipt, settlementReceipt } from '../receipts';
import { payHisDebt, type HisDebt } from '../his/debts';
import { useCase, type PreSettlement, type Quote, type UseCaseContext } from './context';
import { accountFlag } from './wire';
import { passwordFreeGate } from '../cap';
import { journalPayer } from '../family';
import { familyQuoteView, preSettleWithFamily } from '../familyQuote';
import { confirmSettlementInput, declineQuoteInput, requoteSettlementInput } from '../../../shared/ipc/settlementRequests';
import type { QuoteView, SettleResult } from '../../../shared/types/settlement';
export type { QuoteView, SettleResult };

/** The lock key of settlements: one unresolved settlement per person, whatever the counter. */
export const settlementSubject = (psnNo: string) => `settle:${psnNo}`;

/** Pre-settlement answers are only shown if they add up; a split that does not is never offered. */
export function quoteFromAnswer(ctx: UseCaseContext, output: Record<string, unknown>, quote: Omit<Quote, 'amounts'>): QuoteView {
  const setl = parseSetlinfo(output.setlinfo);
  if (identityViolations(setl).length > 0) throw new SettlementFailure('AMOUNT_MISMATCH');
  const amounts: SettlementAmounts = amountsOf(setl);
  const full: Quote = { ...quote, amounts };
  const quoteId = ctx.quotes.put(full);
  return {
    quoteId,
    kind: full.kind,
    items: full.items,
    totalFen: amounts.medfeeSumamt,
    fundFen: amounts.fundPaySumamt,
    accountFen: amounts.acctPay,
    cashFen: amounts.psnCashPay,
    hospitalFen: amounts.hospPartAmt,
    useAccount: full.useAccount,
    ...(full.registration ? { registration: full.registration } : {}),
    ...familyQuoteView(ctx, full),
  };
}

type QuoteBasis = Omit<Quote, 'amounts' | 'input' | 'pre' | 'useAccount' | 'useMutualAid'>;

/**
 * Pre-settles and offers the split: the settling call's input is the pre-settlement input plus
 * the answer's four scope amounts (and `settleExtra`), so only what the patient saw is settled.
 */
export async function preSettle(ctx: UseCaseContext, pre: PreSettlement, basis: QuoteBasis, useMutualAid?: boolean): Promise<QuoteView> {
  const useAccount = (pre.input[pre.node] as Record<string, unknown>).acct_used_flag === '1';
  // With a relative acting, the node as sent may carry 共济 (familyQuote.ts); the settling call repeats it.
  const { answer, sent, useMutualAid: aided } = await preSettleWithFamily(ctx, pre, basis.person, useAccount, useMutualAid);
  const scope = scopeAmountsForWire(parseSetlinfo(answer.output.setlinfo), ctx.config.region.amounts);
  const input = { ...pre.input, [pre.node]: { ...sent, ...pre.settleExtra, ...scope } };
  return quoteFromAnswer(ctx, answer.output, { ...basis, pre, input, useAccount, useMutualAid: aided });
}

/**
 * The patient changed whether the personal account pays: the platform quotes the same fee lines
 * again with the other acct_used_flag, and the new quote replaces the old one. If that fails,
 * the old quote stands and can still be confirmed or declined.
 */
export const requoteSettlement = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, requoteSettlementInput, raw, async (input): Promise<QuoteView> => {
    const { pre, amounts: _amounts, input: _input, useAccount: _useAccount, useMutualAid: before, ...basis } = ctx.quotes.get(input.quoteId);
    const node = pre.input[pre.node] as Record<string, unknown>;
    const again: PreSettlement = { ...pre, input: { ...pre.input, [pre.node]: { ...node, acct_used_flag: accountFlag(input.useAccount) } } };
    // 共济 turned off stays off when only the account choice changes.
    const view = await preSettle(ctx, again, basis, input.useMutualAid ?? (before === false ? false : undefined));
    try {
      // Confirmed or expired meanwhile: the new quote must not be confirmable either.
      ctx.quotes.take(input.quoteId);
    } catch (error) {
      ctx.quotes.forget(view.quoteId);
      throw error;
    }
    return view;
  });

/**
 * The patient confirmed the split: settle it (2207 / 2102 / 2304) under the journal's rule.
 * The settled answer must match the confirmed split to the fen and keep the money
 * identities; otherwise the settlement is treated as unreadable and recovery reverses it.
 */
export const confirmSettlement = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, confirmSettlementInput, raw, async (input): Promise<SettleResult> => {
    // Above the password-free cap the quote stays, so the second factor can still be given for it.
    const capUse = passwordFreeGate(ctx, ctx.quotes.get(input.quoteId));
    const quote = ctx.quotes.take(input.quoteId);
    const { person } = quote;
    return orPendingReceipt(ctx, async () => {
      const { row } = await releasingIfAbandoned(ctx, quote, () =>
        ctx.gateway.reversible(
          {
            infno: quote.infno,
            subject: settlementSubject(person.psnNo),
            psnNo: person.psnNo,
            insuplcAdmdvs: person.insuplcAdmdvs,
            maskedName: maskName(person.name),
            mdtrtId: quote.mdtrtId,
            insutype: person.insutype,
            requestedFen: quote.amounts.medfeeSumamt,
            ...journalPayer(person),
            detail: {
              ...(capUse ? { passwordFree: capUse } : {}),
              kind: quote.kind,
              items: quote.items,
              // The slip's booked place, for a staff reprint (usecases/reprint.ts).
              ...(quote.registration ? { registration: quote.registration } : {}),
              ...(quote.hisDebt ? { hisDebt: quote.hisDebt } : {}),
              // Recovery reads it back when the attempt ends reversed or never happened.
              ...(quote.release ? { release: quote.release } : {}),
            },
          },
          quote.input,
          (answer) => {
            const setl = parseSetlinfo(answer.output.setlinfo);
            const problems = identityViolations(setl);
            if (!setl.setlId) problems.push('no setl_id');
            for (const key of ['medfeeSumamt', 'fundPaySumamt', 'acctPay', 'acctMulaidPay', 'psnCashPay'] as const) {
              if (setl[key] !== quote.amounts[key]) problems.push(`${key} differs from the confirmed split`);
            }
            if (problems.length > 0) throw new Error(problems.join('; '));
            return {
              outcome: {
                setlId: setl.setlId,
                setlTime: setl.setlTime,
                mdtrtId: setl.mdtrtId || quote.mdtrtId,
                amounts: amountsOf(setl),
                clrType: setl.clrType,
                clrOptins: setl.clrOptins,
                insutype: setl.insutype || person.insutype,
                hisOwed: quote.hisDebt !== undefined,
              },
              value: setl,
            };
          },
        ),
      );
      await settleHisDebt(ctx, row.msgid);
      return { status: 'settled', receipt: settlementReceipt(ctx.config, ctx.journal.get(row.msgid)!) };
    });
  });

/**
 * A settling call that ended known not done (refused, never sent, or stopped by another attempt
 * still open) abandons what the quote opened, so it is released now. An unknown outcome is not
 * released here: recovery releases it if it finds the attempt reversed or never happened.
 */
async function releasingIfAbandoned<T>(ctx: UseCaseContext, quote: Quote, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (quote.release && error instanceof SettlementFailure && error.code !== 'OUTCOME_UNKNOWN') {
      const own = error.reference ? ctx.journal.get(error.reference) : undefined;
      // SETTLEMENT_PENDING names the other, still open attempt: this one wrote no row of its own.
      if (own?.state !== 'done') await ctx.undo.release({ msgid: own?.state === 'failed' ? own.msgid : null, release: quote.release });
    }
    throw error;
  }
}

/** An unknown outcome is not an error to the patient: they leave with a "result pending" slip. */
export async function orPendingReceipt(ctx: UseCaseContext, work: () => Promise<SettleResult>): Promise<SettleResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SettlementFailure && error.code === 'OUTCOME_UNKNOWN' && error.reference) {
      return { status: 'pending', receipt: pendingReceipt(ctx.config, ctx.journal.get(error.reference)!) };
    }
    throw error;
  }
}

/** Tells the HIS what was settled; if it cannot be reached now, recovery keeps trying. */
export async function settleHisDebt(ctx: UseCaseContext, msgid: string): Promise<void> {
  const row = ctx.journal.get(msgid)!;
  if (row.hisState !== 'owed') return;
  try {
    await payHisDebt(ctx.his, row.detail.hisDebt as HisDebt, row.setlId ?? '');
    ctx.journal.markHisPaid(msgid);
  } catch (error) {
    ctx.log(`his: ${row.infno} ${msgid} deferred (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * The patient said no: nothing was settled, but the attempt opened things. A registration gives
 * its place back and cancels its platform visit; a cashier visit clears its uploaded fee lines
 * (the bill stays pending: the patient still owes it). See visitUndo.ts.
 */
export const declineQuote = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, declineQuoteInput, raw, async (input) => {
    const quote = ctx.quotes.take(input.quoteId);
    if (quote.release) await ctx.undo.release({ msgid: null, release: quote.release });
    return { declined: true as const };
  });
