import type { DatabaseSync } from 'node:sqlite';
import { SettlementFailure } from './errors';
import { NhsaCallError, type NhsaClient } from './nhsa/client';
import type { MsgIdGenerator } from './nhsa/msgid';
import { platformDate, type Clock } from './time';

/**
 * The operator's sign-in (9001) to the platform: once per operator per platform day, its
 * sign_no reused by every call that day and kept across restarts; signed in again when the
 * day turns or the platform rejects the sign_no, and signed out (9002) at shutdown.
 */
export class OperatorSession {
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly db: DatabaseSync,
    private readonly client: NhsaClient,
    private readonly msgids: MsgIdGenerator,
    private readonly clock: Clock,
    private readonly operatorNo: string,
    private readonly host: { mac: string; ip: string },
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS operator_session (
      operator TEXT PRIMARY KEY, day TEXT NOT NULL, sign_no TEXT NOT NULL, signed_at TEXT NOT NULL)`);
  }

  /** The sign_no for today, signing in first when there is none. Concurrent callers share one 9001. */
  async signNo(): Promise<string> {
    return (await this.signIn()).signNo;
  }

  /** As signNo(), and whether this call had to sign in for it (a fresh sign_no is not stale). */
  async signIn(): Promise<{ signNo: string; fresh: boolean }> {
    const today = platformDate(this.clock());
    const row = this.db.prepare('SELECT day, sign_no FROM operator_session WHERE operator = ?').get(this.operatorNo) as
      | { day: string; sign_no: string }
      | undefined;
    if (row && row.day === today) return { signNo: row.sign_no, fresh: false };
    this.inFlight ??= this.signInFor(today).finally(() => (this.inFlight = undefined));
    return { signNo: await this.inFlight, fresh: true };
  }

  /** The platform refused the sign_no: forget it so the next call signs in again. */
  invalidate(signNo: string): void {
    this.db.prepare('DELETE FROM operator_session WHERE operator = ? AND sign_no = ?').run(this.operatorNo, signNo);
  }

  async signOut(): Promise<void> {
    const row = this.db.prepare('SELECT sign_no FROM operator_session WHERE operator = ?').get(this.operatorNo) as
      | { sign_no: string }
      | undefined;
    if (!row) return;
    await this.client.call({
      infno: '9002',
      msgid: this.msgids.next(),
      input: { signOut: { sign_no: row.sign_no, opter_no: this.operatorNo } },
      signNo: row.sign_no,
    });
    this.invalidate(row.sign_no);
  }

  private async signInFor(day: string): Promise<string> {
    let signNo: string;
    try {
      const answer = await this.client.call({
        infno: '9001',
        msgid: this.msgids.next(),
        input: { signIn: { opter_no: this.operatorNo, mac: this.host.mac, ip: this.host.ip } },
      });
      const out = answer.output.signinoutb as { sign_no?: unknown } | undefined;
      signNo = typeof out?.sign_no === 'string' ? out.sign_no : '';
    } catch (error) {
      // Only a refusal is a sign-in problem; no answer is the network's, and retrying helps.
      if (error instanceof NhsaCallError && error.kind !== 'rejected') throw new SettlementFailure('PLATFORM_UNREACHABLE');
      throw new SettlementFailure('SIGN_IN_FAILED', undefined, error instanceof Error ? error.message : String(error));
    }
    if (!signNo) throw new SettlementFailure('SIGN_IN_FAILED');
    this.db
      .prepare(`INSERT INTO operator_session (operator, day, sign_no, signed_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (operator) DO UPDATE SET day = excluded.day, sign_no = excluded.sign_no, signed_at = excluded.signed_at`)
      .run(this.operatorNo, day, signNo, this.clock().toISOString());
    return signNo;
  }
}
