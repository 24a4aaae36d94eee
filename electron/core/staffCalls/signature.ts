import { createHmac } from 'node:crypto';

/** `sha256=<hex>` of the exact body bytes: the receiver checks what was sent, not a re-serialisation. */
export function signStaffCall(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
