import { createHash } from 'node:crypto';
import { refuse } from './errors';
import type { Statements } from './store';

/**
 * TIF gateway profile (spec §1.3, pattern 1). No public value of the freshness window was found
 * (spec §4), so it is a sandbox option; this is its default.
 */
export const DEFAULT_TIF_WINDOW_SECONDS = 300;

export interface TifCredentials {
  paasId: string;
  secret: string;
}

/** x-tif-signature = lowercase hex SHA-256 of timestamp + secret + nonce + timestamp (not an HMAC). */
export function tifSignature(timestamp: string, secret: string, nonce: string): string {
  return createHash('sha256').update(`${timestamp}${secret}${nonce}${timestamp}`).digest('hex');
}

/**
 * Checks the gateway headers and spends the nonce. `now` is the platform's clock when it
 * processes the request, after any delay on the way, so a request held past the window is
 * refused however fresh it was when sent. Nonces live in the database so a replay is refused
 * across a restart too; they are kept twice the window, after which the timestamp check refuses
 * the old request anyway.
 */
export class TifGate {
  private checks = 0;
  constructor(
    private readonly credentials: TifCredentials,
    private readonly statements: Statements,
    private readonly windowSeconds = DEFAULT_TIF_WINDOW_SECONDS,
  ) {}

  check(headers: Record<string, string | undefined>, now: Date): void {
    const paasId = headers['x-tif-paasid'];
    const timestamp = headers['x-tif-timestamp'];
    const nonce = headers['x-tif-nonce'];
    const signature = headers['x-tif-signature'];
    if (!paasId) refuse('header x-tif-paasid', '不能为空');
    if (paasId !== this.credentials.paasId) refuse('header x-tif-paasid', '未登记的PaaS ID');
    if (!timestamp) refuse('header x-tif-timestamp', '不能为空');
    if (!/^\d{1,12}$/.test(timestamp!)) refuse('header x-tif-timestamp', '须为以秒为单位的Unix时间');
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (Math.abs(Number(timestamp) - nowSeconds) > this.windowSeconds) {
      refuse('header x-tif-timestamp', [
        `须在平台时钟前后${this.windowSeconds}秒以内`,
        `请求已过期：与平台时间相差超过${this.windowSeconds}秒`,
        `时间戳超出${this.windowSeconds}秒的有效期`,
      ]);
    }
    if (!nonce) refuse('header x-tif-nonce', '不能为空');
    if (nonce!.length > 64) refuse('header x-tif-nonce', '长度不能超过64个字符');
    if (!signature) refuse('header x-tif-signature', '不能为空');
    if (signature !== tifSignature(timestamp!, this.credentials.secret, nonce!)) {
      refuse('header x-tif-signature', '签名校验失败，应为SHA-256(timestamp + secret + nonce + timestamp)的小写十六进制');
    }
    if (this.statements.run('INSERT OR IGNORE INTO platform_nonce (nonce, seen_at) VALUES (?, ?)', nonce!, nowSeconds) === 0) {
      refuse('header x-tif-nonce', ['已使用过（重放请求）', '重复的随机串，疑似重放攻击', '随机串已被使用']);
    }
    this.checks += 1;
    if (this.checks % 1000 === 0) {
      this.statements.run('DELETE FROM platform_nonce WHERE seen_at < ?', nowSeconds - 2 * this.windowSeconds);
    }
  }
}
