import type { HisRefusalReason } from '../../../shared/his/schemas';
import type { SettlementErrorCode } from '../errors';
import type { HisUnavailable } from './bridge';

/**
 * The reasons a patient can act on, each with its own words (errors.ts): choose another slot,
 * type the stay number again, ask at the window to be registered. Every other listed reason is
 * the hospital's "no" about something the kiosk itself asked for (a bill, a visit), which the
 * patient cannot fix: HIS_REFUSED, which names no cause.
 */
const BY_REASON: Partial<Record<HisRefusalReason, SettlementErrorCode>> = {
  SLOT_FULL: 'SLOT_FULL',
  ALREADY_BOOKED: 'ALREADY_BOOKED',
  SLOT_CLOSED: 'SLOT_CLOSED',
  // A slot the list offered and the HIS no longer knows is, to the patient, a slot no longer open.
  SLOT_UNKNOWN: 'SLOT_CLOSED',
  STAY_UNKNOWN: 'STAY_NOT_FOUND',
  PERSON_UNKNOWN: 'HIS_PERSON_UNKNOWN',
};

/**
 * What a failed HIS call means to the patient. The reason is the HIS's own word, and only when
 * the operation lists it; without one a 409 is a refusal of unknown cause (told as such, with no
 * guess), and anything else (a 404 for a path the HIS does not have, 5xx, no answer, a malformed
 * answer) is the hospital system being unavailable.
 */
export function codeForHisFailure(error: HisUnavailable): SettlementErrorCode {
  if (error.reason) return BY_REASON[error.reason] ?? 'HIS_REFUSED';
  return error.status === 409 ? 'HIS_REFUSED' : 'HIS_UNAVAILABLE';
}
