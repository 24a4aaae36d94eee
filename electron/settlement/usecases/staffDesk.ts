import { endShiftInput } from '../../../shared/ipc/staffDeskRequests';
import { SettlementFailure } from '../errors';
import { useCase, type UseCaseContext } from './context';

/**
 * The signed-in operator's own PIN, checked by the same authoriser their sign-in used (and so
 * counted against their lockout). Main names the operator; one who is no longer the signed-in
 * one (signed out, or another has signed in since the page sent it) is refused like a wrong PIN.
 */
export function verifyCounterPin(ctx: UseCaseContext, operatorId: string, pin: string): { id: string; name: string } {
  const who = ctx.counter.current();
  if (!who || who.id !== operatorId || !ctx.operators.verify(who.id, pin)) throw new SettlementFailure('NOT_AUTHORISED');
  return { id: who.id, name: who.name };
}

/**
 * 交班签退 on the staff side: the signed-in operator's PIN, checked before main signs them out
 * (9002 and the counter closed). Only the check is here; the sign-out is the engine's.
 */
export const checkShiftEnd = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, endShiftInput, raw, async (input): Promise<{ id: string; name: string }> => verifyCounterPin(ctx, input.operatorId, input.pin));
