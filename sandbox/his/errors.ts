import type { HisRefusalReason } from '../../shared/his/schemas';

/**
 * A refusal the API answers as `{ error: { code, message, reason? } }` with its HTTP status. A
 * 404 or 409 names its reason from the port's list (shared/his/schemas.ts HIS_REFUSAL_REASONS),
 * which is what the kiosk tells the patient; the message is for staff and logs.
 */
export class HisError extends Error {
  override name = 'HisError';
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: 'INVALID_REQUEST' | 'NOT_FOUND' | 'CONFLICT',
    message: string,
    readonly reason?: HisRefusalReason,
  ) {
    super(message);
  }
}

export const notFound = (what: string, reason: HisRefusalReason) => new HisError(404, 'NOT_FOUND', `${what} not found`, reason);
export const conflict = (message: string, reason: HisRefusalReason) => new HisError(409, 'CONFLICT', message, reason);
/** Only the sandbox's own order route names a doctor, so no port reason applies. */
export const unknownDoctor = (code: string) => new HisError(404, 'NOT_FOUND', `doctor ${code} not found`);
export const invalid = (message: string) => new HisError(400, 'INVALID_REQUEST', message);
