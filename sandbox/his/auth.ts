import { timingSafeEqual } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../http/types';

/**
 * The optional header a hospital may require of every call to its HIS port (shared/his): when
 * configured, a request without it, or with another value, is refused with 401 before it is read.
 */
export interface HisAuth {
  /** e.g. `Authorization` or `X-HIS-Key`. */
  header: string;
  /** The whole value, e.g. `Bearer …` or the key itself. */
  value: string;
}

export function requireHeader(auth: HisAuth | undefined, handle: (request: SandboxRequest) => SandboxResponse) {
  if (!auth) return handle;
  const expected = Buffer.from(auth.value, 'utf8');
  return (request: SandboxRequest): SandboxResponse => {
    const given = Buffer.from(request.headers[auth.header.toLowerCase()] ?? '', 'utf8');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return handle(request);
    return { status: 401, body: { error: { code: 'UNAUTHORIZED', message: `missing or wrong ${auth.header} header` } } };
  };
}
