import { KioskError } from '../../shared/result';
import type { OperatorAuthoriser } from '../settlement/usecases/operators';
import { operatorHolder, pinLockedMessage, type PinLockout } from './pinLockout';

/**
 * Operator PINs are checked in several places (sign-in, cancels, staff resolution, orphan
 * reversal, staff-assisted identification), all through one OperatorAuthoriser: wrapping it
 * counts every wrong PIN against its holder, and a locked holder's PIN is refused unchecked.
 * `lockout` is a getter because the engine takes the authoriser before its database is open.
 */
export function lockingAuthoriser(
  inner: OperatorAuthoriser,
  lockout: () => PinLockout,
  isOperator: (operatorId: string) => boolean,
): OperatorAuthoriser {
  return {
    verify(operatorId, pin) {
      // An id nobody holds has no PIN to guess; counting it would only fill the table.
      if (!isOperator(operatorId)) return false;
      return lockout().attempt(operatorHolder(operatorId), () => inner.verify(operatorId, pin)).ok;
    },
  };
}

/** Whose PIN a request carries: its operatorId, or, for a bare `pin`, the counter's signed-in operator. */
const operatorIdOf = (request: unknown, signedIn: () => string | undefined): string | undefined => {
  if (request === null || typeof request !== 'object') return undefined;
  const { operatorId, pin } = request as { operatorId?: unknown; pin?: unknown };
  if (typeof operatorId === 'string') return operatorId;
  return typeof pin === 'string' ? signedIn() : undefined;
};

/**
 * The use-cases answer a refused PIN with NOT_AUTHORISED and cannot say more; at the API
 * boundary a locked holder gets LOCKED_OUT with the time it ends instead, before the call
 * (nothing is attempted) and after the call whose wrong PIN locked them.
 */
export function lockedOutError(lockout: PinLockout, operatorId: string | undefined): KioskError | undefined {
  if (!operatorId) return undefined;
  const until = lockout.lockedUntil(operatorHolder(operatorId));
  return until === undefined ? undefined : new KioskError('LOCKED_OUT', pinLockedMessage(until, { operatorId }), { next: 'call-staff' });
}

type Outcomes = Record<string, (raw: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>;

export function withOperatorLockout<A extends Outcomes>(api: A, lockout: () => PinLockout, signedIn: () => string | undefined = () => undefined): A {
  const wrapped = Object.entries(api).map(([name, run]) => [
    name,
    async (raw: unknown) => {
      const operatorId = operatorIdOf(raw, signedIn);
      const before = lockedOutError(lockout(), operatorId);
      if (before) throw before;
      const outcome = await run(raw);
      const after = !outcome.ok && outcome.error?.code === 'NOT_AUTHORISED' ? lockedOutError(lockout(), operatorId) : undefined;
      if (after) throw after;
      return outcome;
    },
  ]);
  return Object.fromEntries(wrapped) as A;
}

/** The counter's sign-in: undefined for a refused PIN, LOCKED_OUT thrown for a locked holder. */
export function signInWithLockout<T>(
  signIn: (operatorId: string, pin: string) => Promise<T | undefined>,
  lockout: () => PinLockout,
): (operatorId: string, pin: string) => Promise<T | undefined> {
  return async (operatorId, pin) => {
    const before = lockedOutError(lockout(), operatorId);
    if (before) throw before;
    const who = await signIn(operatorId, pin);
    const after = who === undefined ? lockedOutError(lockout(), operatorId) : undefined;
    if (after) throw after;
    return who;
  };
}
