import { randomBytes } from 'node:crypto';
import { pinAuthoriser } from '../settlement/usecases/operators';
import { ADMIN_HOLDER, type PinLockout } from './pinLockout';

export interface AdminGatePolicy {
  tokenTtlMs: number;
}

export const DEFAULT_ADMIN_POLICY: AdminGatePolicy = { tokenTtlMs: 10 * 60_000 };

export type UnlockAnswer =
  | { ok: true; token: string; expiresAt: number }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: number };

/**
 * The terminal's admin screens sit behind a PIN: checked against a scrypt hash, locked for a
 * while after repeated wrong tries (a patient guessing at a public screen gets nowhere; the
 * count is in the kiosk's database, so a restart does not reset it), and answered with a
 * short-lived token the admin calls must carry.
 */
export class AdminGate {
  private readonly tokens = new Map<string, number>();
  private readonly verify: (pin: string) => boolean;

  constructor(
    pinHash: string,
    private readonly now: () => number,
    private readonly lockout: PinLockout,
    private readonly policy: AdminGatePolicy = DEFAULT_ADMIN_POLICY,
  ) {
    const authoriser = pinAuthoriser({ admin: pinHash });
    this.verify = (pin) => authoriser.verify('admin', pin);
  }

  unlock(pin: string): UnlockAnswer {
    const check = this.lockout.attempt(ADMIN_HOLDER, () => this.verify(pin));
    if (!check.ok) return check;
    const now = this.now();
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
