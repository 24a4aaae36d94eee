import { timingSafeEqual } from 'node:crypto';
import { passSecondFactorInput } from '../../shared/ipc/settlementRequests';
import type { SecondFactorResult } from '../../shared/types/settlement';
import { authoriserOf } from './cap';
import { SettlementFailure } from './errors';
import { useCase, type UseCaseContext } from './usecases/context';

/** Wrong last-four tries per quote; then only a staff PIN confirms it. */
export const MAX_DIGIT_TRIES = 3;

/**
 * The second factor above the password-free cap (cap.ts), for one quote: the last four characters
 * of the authorising person's ID number, checked here against the certno main got from 1101 (the
 * page never sees it), or a staff member's PIN through the operators' check (and its lockout).
 *
 * Why not the face service's knowledge check (issue 13, `idNoLast4` at cn.nhsa.auth.check): that
 * one confirms an identification before any quote exists, under the face service's authNo; the
 * cap is known only once the platform has quoted, and a relative's patient has no authNo at all.
 * Both check the same digits of the same person, so digits the face service took at
 * identification stand for this check (cap.ts) and the keypad is not shown again.
 */
export const passSecondFactor = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, passSecondFactorInput, raw, async (input): Promise<SecondFactorResult> => {
    // The quote is kept, not taken: confirmSettlement takes it once the factor has passed.
    const quote = ctx.quotes.get(input.quoteId);
    if ('pin' in input) {
      if (!ctx.operators.verify(input.operatorId, input.pin)) throw new SettlementFailure('NOT_AUTHORISED');
      quote.secondFactor = { via: 'staff-pin', operatorId: input.operatorId };
      ctx.log(`second factor: staff ${input.operatorId} confirmed a quote above the cap`);
      return { passed: true, via: 'staff-pin' };
    }
    const tries = quote.digitTries ?? 0;
    if (tries >= MAX_DIGIT_TRIES) return { passed: false, attemptsLeft: 0 };
    if (lastFourMatch(authoriserOf(quote.person).certno, input.last4)) {
      quote.secondFactor = { via: 'id-digits' };
      return { passed: true, via: 'id-digits' };
    }
    quote.digitTries = tries + 1;
    return { passed: false, attemptsLeft: MAX_DIGIT_TRIES - quote.digitTries };
  });

function lastFourMatch(certno: string, last4: string): boolean {
  const want = Buffer.from(certno.trim().toUpperCase().slice(-4));
  const given = Buffer.from(last4.toUpperCase());
  return certno.trim().length >= 4 && want.length === given.length && timingSafeEqual(want, given);
}
