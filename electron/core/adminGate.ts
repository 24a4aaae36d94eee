import { randomBytes } from 'node:crypto';
import { pinAuthoriser } from '../settlement/usecases/operators';

export interface AdminGatePolicy {
  maxAttempts: number;
  lockMs: number;
  tokenTtlMs: number;
}

export const DEFAULT_ADMIN_POLICY: AdminGatePolicy = { maxAttempts: 5, lockMs: 5 * 60_000, tokenTtlMs: 10 * 60_000 };

export type UnlockAnswer =
  | { ok: true; token: string; expiresAt: number }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: number };

/**
 * The terminal's admin screens sit behind a PIN: checked against a scrypt hash, locked for a
 * while after repeated wrong tries (a patient guessing at a public screen gets nowhere), and
 * answered with a short-lived token the admin calls must carry.
 */
export class AdminGate {
  private failures = 0;
  private lockedUntil = 0;
  private readonly tokens = new Map<string, number>();
  private readonly verify: (pin: string) => boolean;

  constructor(
    pinHash: string,
    private readonly now: () => number,
    private readonly policy: AdminGatePolicy = DEFAULT_ADMIN_POLICY,
  ) {
    const authoriser = pinAuthoriser({ admin: pinHash });
    this.verify = (pin) => authoriser.verify('admin', pin);
  }

  unlock(pin: string): UnlockAnswer {
    const now = this.now();
    if (now < this.lockedUntil) return { ok: false, reason: 'locked', lockedUntil: this.lockedUntil };
    if (!this.verify(pin)) {
      this.failures += 1;
      if (this.failures >= this.policy.maxAttempts) {
        this.failures = 0;
        this.lockedUntil = now + this.policy.lockMs;
        return { ok: false, reason: 'locked', lockedUntil: this.lockedUntil };
      }
      return { ok: false, reason: 'wrong-pin', attemptsLeft: this.policy.maxAttempts - this.failures };
    }
    this.failures = 0;
    const token = randomBytes(18).toString('base64url');
    const expiresAt = now + this.policy.tokenTtlMs;
    this.tokens.set(token, expiresAt);
    return { ok: true, token, expiresAt };
  }

  /** True while the token is one this gate issued and it has not expired or been revoked. */
  holds(token: string): boolean {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return false;
    if (this.now() >= expiresAt) {
      this.tokens.delete(token);
      return false;
    }
    return true;
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }
}
