import { maskName } from '../../shared/mask';
import type { QuoteView } from '../../shared/types/settlement';
import { passwordFreeView } from './cap';
import { SettlementFailure } from './errors';
import { withMutualAid } from './family';
import type { NhsaAnswer } from './nhsa/client';
import type { KnownPerson } from './people';
import type { PreSettlement, Quote, UseCaseContext } from './usecases/context';

/**
 * The pre-settlement call of a patient a relative acts for (issue 15). 共济 is offered by default
 * when the channel said the payer's account may pay; the platform decides. `asked`: the patient's
 * explicit choice (requoteSettlement's useMutualAid); undefined: the default.
 */
export async function preSettleWithFamily(
  ctx: UseCaseContext,
  pre: PreSettlement,
  person: KnownPerson,
  useAccount: boolean,
  asked: boolean | undefined,
): Promise<{ answer: NhsaAnswer; sent: Record<string, unknown>; useMutualAid: boolean }> {
  const node = pre.input[pre.node] as Record<string, unknown>;
  const call = (sent: Record<string, unknown>) => ctx.gateway.call(pre.infno, { ...pre.input, [pre.node]: sent }, person.insuplcAdmdvs);
  const want = (asked ?? person.payer?.mutualAid === true) && person.payer !== undefined && useAccount;
  if (!want) return { answer: await call(node), sent: node, useMutualAid: false };
  const sent = withMutualAid(ctx, node, person, useAccount, true);
  try {
    return { answer: await call(sent), sent, useMutualAid: true };
  } catch (error) {
    // A refusal is known not to have taken effect (a quote moves nothing). Asked for, the patient
    // hears that the platform said no; offered by default, the quote goes on without 共济.
    if (!(error instanceof SettlementFailure && error.refused)) throw error;
    if (asked === true) throw new SettlementFailure('MUTUAL_AID_REFUSED', undefined, error.detail, true);
    ctx.log(`family: ${pre.infno} with 共济 refused; quoted without`);
    return { answer: await call(node), sent: node, useMutualAid: false };
  }
}

/** What the confirmation shows of family payment and the cap. */
export function familyQuoteView(ctx: UseCaseContext, quote: Quote): Partial<QuoteView> {
  const payer = quote.person.payer;
  const cap = passwordFreeView(ctx, quote);
  return {
    mutualAidFen: quote.amounts.acctMulaidPay,
    useMutualAid: quote.useMutualAid === true,
    ...(payer ? { payer: { maskedName: maskName(payer.name), relation: payer.relation } } : {}),
    ...(cap ? { passwordFree: cap } : {}),
  };
}
