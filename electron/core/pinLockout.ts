import type { DatabaseSync } from 'node:sqlite';
import { platformDateTime } from '../settlement/time';

/**
 * Wrong-PIN lockouts per PIN holder (the admin PIN, each operator), kept in the kiosk's SQLite
 * database: a restart must not hand a guesser five fresh tries, so the count and the lock live
 * where the journal does, not in memory.
 */

export interface PinLockoutPolicy {
  /** Consecutive wrong PINs that lock the holder. */
  maxFailures: number;
  lockMs: number;
}

export const DEFAULT_PIN_LOCKOUT: PinLockoutPolicy = { maxFailures: 5, lockMs: 5 * 60_000 };

export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: number };

export interface LockedHolder {
  holder: string;
  lockedUntil: number;
}

/** What is logged: the holder and times, never the PIN (it never reaches this module). */
export type LockoutLog = (msg: 'pin lockout: locked' | 'pin lockout: unlocked', data: { holder: string; lockedUntil: string; failures?: number }) => void;

interface Row {
  holder: string;
  failures: number;
  locked_until: number | null;
}

export class PinLockout {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number,
    private readonly policy: PinLockoutPolicy = DEFAULT_PIN_LOCKOUT,
    private readonly log: LockoutLog = () => undefined,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS pin_lockout (
      holder TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until INTEGER)`);
  }

  /** When the holder's lock ends (epoch ms), or undefined when they may try. */
  lockedUntil(holder: string): number | undefined {
    const row = this.row(holder);
    return row?.locked_until ?? undefined;
  }

  /**
   * One PIN attempt: while locked, `verify` is not even called (the right PIN waits out the
   * lock too); a right PIN clears the count; the last allowed wrong one locks.
   */
  attempt(holder: string, verify: () => boolean): PinCheck {
    const before = this.row(holder);
    if (before?.locked_until) return { ok: false, reason: 'locked', lockedUntil: before.locked_until };
    if (verify()) {
      if (before) this.db.prepare('DELETE FROM pin_lockout WHERE holder = ?').run(holder);
      return { ok: true };
    }
    const failures = (before?.failures ?? 0) + 1;
    if (failures >= this.policy.maxFailures) {
      const lockedUntil = this.now() + this.policy.lockMs;
      this.save(holder, 0, lockedUntil);
      this.log('pin lockout: locked', { holder, failures, lockedUntil: new Date(lockedUntil).toISOString() });
      return { ok: false, reason: 'locked', lockedUntil };
    }
    this.save(holder, failures, null);
    return { ok: false, reason: 'wrong-pin', attemptsLeft: this.policy.maxFailures - failures };
  }

  /** Holders locked now, for the health report and the diagnostics page. */
  locked(): LockedHolder[] {
    const holders = this.db.prepare('SELECT holder FROM pin_lockout WHERE locked_until IS NOT NULL ORDER BY holder').all() as { holder: string }[];
    return holders.flatMap(({ holder }) => {
      const until = this.lockedUntil(holder);
      return until === undefined ? [] : [{ holder, lockedUntil: until }];
    });
  }

  /** The holder's row, with a lock whose time has passed ended (and logged) first. */
  private row(holder: string): Row | undefined {
    const row = this.db.prepare('SELECT holder, failures, locked_until FROM pin_lockout WHERE holder = ?').get(holder) as Row | undefined;
    if (row?.locked_until && this.now() >= row.locked_until) {
      this.db.prepare('DELETE FROM pin_lockout WHERE holder = ? AND locked_until = ?').run(holder, row.locked_until);
      this.log('pin lockout: unlocked', { holder, lockedUntil: new Date(row.locked_until).toISOString() });
      return undefined;
    }
    return row;
  }

  private save(holder: string, failures: number, lockedUntil: number | null): void {
    this.db
      .prepare(`INSERT INTO pin_lockout (holder, failures, locked_until) VALUES (?, ?, ?)
        ON CONFLICT (holder) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`)
      .run(holder, failures, lockedUntil);
  }
}

export const ADMIN_HOLDER = 'admin';
export const operatorHolder = (operatorId: string): string => `operator:${operatorId}`;

/**
 * What staff read when a PIN is locked: when they may try again, in China time and rounded up
 * to the minute, so "14:36 后" is never a minute early.
 */
export function pinLockedMessage(lockedUntil: number, who: { operatorId: string } | 'admin'): string {
  const minute = Math.ceil(lockedUntil / 60_000) * 60_000;
  const at = platformDateTime(new Date(minute)).slice(11, 16);
  // The admin screen already says why (admin.locked); an operator's refusal comes from this sentence alone.
  if (who === 'admin') return `管理密码已锁定，${at} 后可再试`;
  return `工号 ${who.operatorId} 的密码错误次数过多，已锁定，${at} 后可再试，或请其他工作人员办理`;
}
