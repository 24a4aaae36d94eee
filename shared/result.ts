/**
 * What crosses a process boundary: a value, or a stable error code with a message the
 * renderer may show. A thrown stack never crosses IPC.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNTRUSTED_SENDER',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'PLATFORM_UNREACHABLE',
  'PLATFORM_REJECTED',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface KioskErrorInfo {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Thrown inside handlers to answer with a specific code; anything else becomes INTERNAL. */
export class KioskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KioskError';
  }
}
