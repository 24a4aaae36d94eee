/**
 * What crosses a process boundary: a value, or a stable error code with a message the
 * renderer may show. A thrown stack never crosses IPC.
 */
export const ERROR_CODES = [
  // The boundary's own.
  'VALIDATION_FAILED',
  'UNTRUSTED_SENDER',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED_OUT',
  'NOT_AVAILABLE',
  // The settlement engine's (electron/settlement/errors.ts says what each means to a patient).
  'INVALID_INPUT',
  'PERSON_NOT_FOUND',
  'NOT_INSURED',
  'VOUCHER_EXPIRED',
  'SESSION_EXPIRED',
  'SIGN_IN_FAILED',
  'INSUFFICIENT_BALANCE',
  'ALREADY_SETTLED',
  'SETTLEMENT_NOT_FOUND',
  'NOTHING_TO_SETTLE',
  'AMOUNT_MISMATCH',
  'PLATFORM_REJECTED',
  'PLATFORM_UNREACHABLE',
  'OUTCOME_UNKNOWN',
  'SETTLEMENT_PENDING',
  'SETTLEMENT_NEEDS_STAFF',
  'CANCEL_REFUSED',
  // Issue 13: a settlement the journal holds as cancelled already is refused before anything is sent.
  'ALREADY_CANCELLED',
  'NOT_AUTHORISED',
  'HIS_REFUSED',
  'HIS_UNAVAILABLE',
  // The hospital system's own reasons for a refusal (shared/his HIS_REFUSAL_REASONS).
  'SLOT_FULL',
  'ALREADY_BOOKED',
  'SLOT_CLOSED',
  'STAY_NOT_FOUND',
  'HIS_PERSON_UNKNOWN',
  'HIS_DATA_MISSING',
  'FACE_SERVICE_UNAVAILABLE',
  // Family payment and the password-free cap (issue 15).
  'SECOND_FACTOR_REQUIRED',
  'FAMILY_NOT_AVAILABLE',
  'MUTUAL_AID_REFUSED',
  'FAMILY_NOT_BOUND',
  'FAMILY_PAYER_NOT_BY_FACE',
  'FAMILY_PAYER_SELF',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the person at the counter should do next: try again, identify another way, or get staff. */
export type NextStep = 'retry' | 'other-id' | 'call-staff';

export interface KioskErrorInfo {
  code: ErrorCode;
  message: string;
  next?: NextStep;
  /** A reference patient and staff can quote (the msgid of the attempt), when one exists. */
  reference?: string;
  /** For PIN and second-factor refusals: how many tries remain before a lockout. */
  attemptsLeft?: number;
}

export type ErrorExtra = Pick<KioskErrorInfo, 'next' | 'reference' | 'attemptsLeft'>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, extra: ErrorExtra = {}): Result<never> => ({
  ok: false,
  error: { code, message, ...extra },
});

/** Thrown inside handlers to answer with a specific code; anything else becomes INTERNAL. */
export class KioskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: ErrorExtra = {},
  ) {
    super(message);
    this.name = 'KioskError';
  }
}
