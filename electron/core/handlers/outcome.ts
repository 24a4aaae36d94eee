import { KioskError } from '../../../shared/result';
import type { Outcome } from '../../settlement/errors';

/** The engine answers Outcomes; the IPC boundary answers Results: same codes, same next step. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  const { code, message, next, reference } = outcome.error;
  throw new KioskError(code, message, { next, ...(reference ? { reference } : {}) });
}
