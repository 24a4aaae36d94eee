import { createHash } from 'node:crypto';
import { refuse } from './errors';
import type { Statements } from './store';

/** TIF gateway profile (spec §1.3, pattern 1). */
export const TIF_WINDOW_SECONDS = 300;

export interface TifCredentials {
  paasId: string;
  secret: string;
}

/** x-tif-signature = lowercase hex SHA-256 of timestamp + secret + nonce + timestamp (not an HMAC). */
export function tifSignature(timestamp: string, secret: string, nonce: string): string {
  return createHash('sha256').update(`${timestamp}${secret}${nonce}${timestamp}`).digest('hex');
}

/**
 * Checks the gateway headers and spends the nonce. Nonces live in the database so a replay is
 * refused across a restart too; they are kept twice the window, after which the timestamp check
 * refuses the old request anyway.
 */
export class TifGate {
  private checks = 0;
  constructor(
    private readonly credentials: TifCredentials,
    private readonly statements: Statements,
  ) {}

  check(headers: Record<string, string | undefined>, now: Date): void {
    const paasId = headers['x-tif-paasid'];
    const timestamp = headers['x-tif-timestamp'];
    const nonce = headers['x-tif-nonce'];
    const signature = headers['x-tif-signature'];
    if (!paasId) refuse('header x-tif-paasid', 'required');
    if (paasId !== this.credentials.paasId) refuse('header x-tif-paasid', 'unknown PaaS id');
    if (!timestamp) refuse('header x-tif-timestamp', 'required');
    if (!/^\d{1,12}$/.test(timestamp!)) refuse('header x-tif-timestamp', 'must be Unix time in seconds');
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (Math.abs(Number(timestamp) - nowSeconds) > TIF_WINDOW_SECONDS) {
      refuse('header x-tif-timestamp', `must be within ${TIF_WINDOW_SECONDS} s of the platform's clock`);
    }
    if (!nonce) refuse('header x-tif-nonce', 'required');
    if (nonce!.length > 64) refuse('header x-tif-nonce', 'must be at most 64 characters');
    if (!signature) refuse('header x-tif-signature', 'required');
    if (signature !== tifSignature(timestamp!, this.credentials.secret, nonce!)) {
      refuse('header x-tif-signature', 'does not match SHA-256(timestamp + secret + nonce + timestamp)');
    }
    if (this.statements.run('INSERT OR IGNORE INTO platform_nonce (nonce, seen_at) VALUES (?, ?)', nonce!, nowSeconds) === 0) {
      refuse('header x-tif-nonce', 'already used (replayed request)');
    }
    this.checks += 1;
    if (this.checks % 1000 === 0) {
      this.statements.run('DELETE FROM platform_nonce WHERE seen_at < ?', nowSeconds - 2 * TIF_WINDOW_SECONDS);
    }
  }
}
