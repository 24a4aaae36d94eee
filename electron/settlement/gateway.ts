import { SettlementFailure } from './errors';
import type { DoneOutcome, Journal, JournalEntry, NewEntry } from './journal';
import { NhsaCallError, type NhsaAnswer, type NhsaClient } from './nhsa/client';
import type { OperatorOfRecord } from './nhsa/envelope';
import type { MsgIdGenerator } from './nhsa/msgid';
import type { OperatorSession } from './session';
import type { Clock } from './time';

/** Test hook at the two points where a crash matters most for money. */
export type Step = 'after-journal' | 'after-answer';
export type StepHook = (step: Step, msgid: string, infno: string) => void | Promise<void>;

/** Delay before recovery attempt n (0-based) of an unknown outcome. */
export type Backoff = (attempt: number) => number;
export const defaultBackoff: Backoff = (attempt) => Math.min(1000 * 2 ** attempt, 5 * 60_000);

export interface GatewayDeps {
  client: NhsaClient;
  session: OperatorSession;
  msgids: MsgIdGenerator;
  journal: Journal;
  clock: Clock;
  backoff: Backoff;
  /** Who the calls are made by (envelope opter and whose sign_no), asked at each call. */
  operator: () => OperatorOfRecord;
  onStep?: StepHook;
  /** Told when an outcome became unknown, so recovery can start on it without waiting for its timer. */
  onUnknown?: (msgid: string) => void;
}

/**
 * Every platform call goes through here: the operator of record and their sign_no (signing in
 * again once if the platform rejects it), msgid and, for reversible transactions, the
 * journal's write-ahead rule.
 */
export class PlatformGateway {
  constructor(private readonly deps: GatewayDeps) {}

  /** The same gateway acting for one operator: the one who authorised a cancel, or the terminal for recovery. */
  as(operator: OperatorOfRecord): PlatformGateway {
    return new PlatformGateway({ ...this.deps, operator: () => operator });
  }

  /** Whom a call made now would be made by: the counter's signed-in operator, or the terminal. */
  operatorOfRecord(): OperatorOfRecord {
    return this.deps.operator();
  }

  /** The envelope a call would carry (for the bench's raw round trip). */
  envelopeFor(infno: string, msgid: string, input: Record<string, unknown>, insuplcAdmdvs: string, signNo: string) {
    return this.deps.client.envelope({ infno, msgid, input, insuplcAdmdvs, signNo, operator: this.deps.operator() });
  }

  /**
   * A non-reversible call: a lost answer costs nothing but a retry by the patient.
   * `expectRefusal`: a refusal is a normal answer here (a clean-up step with nothing to clean),
   * so it is not worth a fresh sign-in and a second try.
   * `onSignInAgain`: told when the first try was refused and the call is made again after a
   * fresh sign-in (recovery: the platform was refusing this session a moment ago).
   */
  async call(infno: string, input: Record<string, unknown>, insuplcAdmdvs?: string, options: { expectRefusal?: boolean; onSignInAgain?: () => void } = {}): Promise<NhsaAnswer> {
    return this.withSignIn(options.expectRefusal ?? false, async (signNo, operator) => {
      try {
        return await this.deps.client.call({ infno, msgid: this.deps.msgids.next(), input, insuplcAdmdvs, signNo, operator });
      } catch (error) {
        if (error instanceof NhsaCallError) {
          const refused = error.kind === 'rejected';
          throw new SettlementFailure(refused ? error.code : 'PLATFORM_UNREACHABLE', undefined, error.detail, refused);
        }
        throw error;
      }
    }, options.onSignInAgain);
  }

  /** A file download (9102): like `call`, but the answer is the file's bytes. */
  async download(infno: string, input: Record<string, unknown>): Promise<Uint8Array> {
    return this.withSignIn(false, async (signNo, operator) => {
      try {
        return await this.deps.client.download({ infno, msgid: this.deps.msgids.next(), input, signNo, operator });
      } catch (error) {
        if (error instanceof NhsaCallError) {
          const refused = error.kind === 'rejected';
          throw new SettlementFailure(refused ? error.code : 'PLATFORM_UNREACHABLE', undefined, error.detail, refused);
        }
        throw error;
      }
    });
  }

  /**
   * A reversible call: the journal row is committed before the first byte leaves, the outcome
   * after the answer. `read` turns the answer into the row's outcome; if it cannot (a malformed
   * settlement), the outcome is unknown like a lost answer, and recovery reverses it.
   */
  async reversible<T>(
    entry: NewEntry,
    input: Record<string, unknown>,
    read: (answer: NhsaAnswer, row: JournalEntry) => { outcome: DoneOutcome; value: T },
  ): Promise<{ row: JournalEntry; value: T }> {
    return this.withSignIn(false, async (signNo, operator) => {
      const row = this.deps.journal.begin(entry);
      await this.deps.onStep?.('after-journal', row.msgid, entry.infno);
      let answer: NhsaAnswer;
      try {
        answer = await this.deps.client.call({
          infno: entry.infno,
          msgid: row.msgid,
          input,
          insuplcAdmdvs: entry.insuplcAdmdvs,
          signNo,
          operator,
          at: new Date(row.createdAt),
        });
      } catch (error) {
        if (error instanceof NhsaCallError && error.kind !== 'unknown') {
          this.deps.journal.markFailed(row.msgid, error.detail);
          throw new SettlementFailure(error.code, row.msgid, error.detail, error.kind === 'rejected');
        }
        this.unknown(row.msgid, error instanceof Error ? error.message : String(error));
      }
      await this.deps.onStep?.('after-answer', row.msgid, entry.infno);
      let parsed: { outcome: DoneOutcome; value: T };
      try {
        parsed = read(answer, row);
      } catch (error) {
        this.unknown(row.msgid, `unreadable answer: ${error instanceof Error ? error.message : String(error)}`);
      }
      const done = this.deps.journal.markDone(row.msgid, parsed.outcome);
      return { row: done, value: parsed.value };
    });
  }

  private unknown(msgid: string, why: string): never {
    this.deps.journal.markUnknown(msgid, why, new Date(this.deps.clock().getTime() + this.deps.backoff(0)));
    this.deps.onUnknown?.(msgid);
    throw new SettlementFailure('OUTCOME_UNKNOWN', msgid);
  }

  /**
   * A refusal may be the platform no longer knowing our sign_no (its restart, a sign-out
   * elsewhere), and its wording cannot tell us so. A refusal is known not to have taken effect,
   * so the call is made once more after a fresh 9001, under a new msgid — unless the sign_no
   * was itself fresh, in which case the refusal was about the request.
   */
  private async withSignIn<T>(expectRefusal: boolean, work: (signNo: string, operator: OperatorOfRecord) => Promise<T>, onSignInAgain?: () => void): Promise<T> {
    // One operator for the whole call, its retry included, even if the counter changes hands meanwhile.
    const operator = this.deps.operator();
    const { signNo, fresh } = await this.deps.session.signIn(operator);
    try {
      return await work(signNo, operator);
    } catch (error) {
      if (fresh || expectRefusal || !(error instanceof SettlementFailure) || !error.refused) throw error;
      this.deps.session.invalidate(operator.id, signNo);
      onSignInAgain?.();
      return work(await this.deps.session.signNo(operator), operator);
    }
  }
}
