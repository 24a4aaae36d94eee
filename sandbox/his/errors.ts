/** A refusal the API answers as `{ error: { code, message } }` with its HTTP status. */
export class HisError extends Error {
  override name = 'HisError';
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: 'INVALID_REQUEST' | 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HisError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (message: string) => new HisError(409, 'CONFLICT', message);
export const invalid = (message: string) => new HisError(400, 'INVALID_REQUEST', message);
