import type { DatabaseSync } from 'node:sqlite';
import { SettlementFailure } from './errors';
import { NhsaCallError, type NhsaClient } from './nhsa/client';
import type { OperatorOfRecord } from './nhsa/envelope';
import type { MsgIdGenerator } from './nhsa/msgid';
import { platformDate, type Clock } from './time';

// NhsaClient hands a call's fields to buildEnvelope, so the operator a call carries becomes the
// envelope's opter; declared here, beside the sign_no it must match, while client.ts is shared.
declare module './nhsa/client' {
  interface NhsaCall {
    operator?: OperatorOfRecord;
  }
}

/** What 9001 tells the platform about the machine signing in (spec §2.1 `mac` ≤ 20, `ip` ≤ 20). */
export interface HostInfo {
  mac: string;
  ip: string;
}

/** No interface to name: no MAC (optional in 9001), and the loopback address for the required ip. */
export const NO_HOST: HostInfo = { mac: '', ip: '127.0.0.1' };

/**
 * Sign-ins (9001) to the platform, one per operator of record per platform day: the platform's
 * sign_no belongs to the operator it signed in (`opter_no`), so a call carries the sign_no of
 * the operator in its envelope. Each is reused by that operator's calls all day and kept across
 * restarts; signed in again when the day turns or the platform rejects the sign_no, and signed
 * out (9002) at shutdown or when the counter's operator signs out.
 */
export class OperatorSession {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly db: DatabaseSync,
    private readonly client: NhsaClient,
    private readonly msgids: MsgIdGenerator,
    private readonly clock: Clock,
    /** Read at each sign-in: an address can change while the kiosk runs (DHCP). */
    private readonly host: () => HostInfo,
    /** Who an operator id stands for, to sign out a session kept from before a restart. */
    private readonly operatorById: (id: string) => OperatorOfRecord,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS operator_session (
      operator TEXT PRIMARY KEY, day TEXT NOT NULL, sign_no TEXT NOT NULL, signed_at TEXT NOT NULL)`);
  }

  /** The operator's sign_no for today, signing in first when there is none. */
  async signNo(operator: OperatorOfRecord): Promise<string> {
    return (await this.signIn(operator)).signNo;
  }

  /**
   * As signNo(), and whether this call had to sign in for it (a fresh sign_no is not stale).
   * Concurrent callers for one operator share one 9001.
   */
  async signIn(operator: OperatorOfRecord): Promise<{ signNo: string; fresh: boolean }> {
    const today = platformDate(this.clock());
    const row = this.row(operator.id);
    if (row && row.day === today) return { signNo: row.sign_no, fresh: false };
    let pending = this.inFlight.get(operator.id);
    if (!pending) {
      pending = this.signInFor(operator, today).finally(() => this.inFlight.delete(operator.id));
      this.inFlight.set(operator.id, pending);
    }
    return { signNo: await pending, fresh: true };
  }

  /** The platform refused the sign_no: forget it so the operator's next call signs in again. */
  invalidate(operatorId: string, signNo: string): void {
    this.db.prepare('DELETE FROM operator_session WHERE operator = ? AND sign_no = ?').run(operatorId, signNo);
  }

  /** 9002 for one operator's sign_no, if it holds one. */
  async signOut(operatorId: string): Promise<void> {
    const row = this.row(operatorId);
    if (!row) return;
    await this.client.call({
      infno: '9002',
      msgid: this.msgids.next(),
      input: { signOut: { sign_no: row.sign_no, opter_no: operatorId } },
      signNo: row.sign_no,
      operator: this.operatorById(operatorId),
    });
    this.invalidate(operatorId, row.sign_no);
  }

  /** 9002 for every operator signed in from this kiosk (shutdown); one failing does not keep the others. */
  async signOutAll(log: (line: string) => void): Promise<void> {
    const ids = (this.db.prepare('SELECT operator FROM operator_session ORDER BY operator').all() as Array<{ operator: string }>).map((r) => r.operator);
    for (const id of ids) await this.signOut(id).catch((e: unknown) => log(`sign-out ${id}: ${String(e)}`));
  }

  private row(operatorId: string) {
    return this.db.prepare('SELECT day, sign_no FROM operator_session WHERE operator = ?').get(operatorId) as
      | { day: string; sign_no: string }
      | undefined;
  }

  private async signInFor(operator: OperatorOfRecord, day: string): Promise<string> {
    const host = this.host();
    let signNo: string;
    try {
      const answer = await this.client.call({
        infno: '9001',
        msgid: this.msgids.next(),
        input: { signIn: { opter_no: operator.id, mac: host.mac, ip: host.ip } },
        operator,
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
      .run(operator.id, day, signNo, this.clock().toISOString());
    return signNo;
  }
}
