import { randomUUID } from 'node:crypto';
import { SettlementFailure } from './errors';
import type { Clock } from './time';

/**
 * Short-lived, in-memory state of one counter session (identified persons, pre-settlement
 * quotes) behind opaque random references. Nothing here is persisted: a restart or expiry
 * means the patient starts again, which costs nothing because no money moved yet.
 */
export class ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  put(value: T): string {
    this.sweep();
    const ref = randomUUID();
    this.entries.set(ref, { value, expiresAt: this.clock().getTime() + this.ttlMs });
    return ref;
  }

  get(ref: string): T {
    const entry = this.entries.get(ref);
    if (!entry || entry.expiresAt <= this.clock().getTime()) {
      this.entries.delete(ref);
      throw new SettlementFailure('SESSION_EXPIRED');
    }
    return entry.value;
  }

  /** Takes a value out for good: a confirmed quote must not be confirmed twice. */
  take(ref: string): T {
    const value = this.get(ref);
    this.entries.delete(ref);
    return value;
  }

  forget(ref: string): void {
    this.entries.delete(ref);
  }

  clear(): void {
    this.entries.clear();
  }

  private sweep(): void {
    const now = this.clock().getTime();
    for (const [ref, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(ref);
  }
}
