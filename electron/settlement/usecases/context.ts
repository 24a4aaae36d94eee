import { ZodError, type z } from 'zod';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { failure, SettlementFailure, type Outcome } from '../errors';
import type { ExpiringStore } from '../expiring';
import type { PlatformGateway } from '../gateway';
import { HisUnavailable, type HisBridge } from '../his/bridge';
import { codeForHisFailure } from '../his/refusalCodes';
import type { HisDebt } from '../his/debts';
import type { Journal } from '../journal';
import type { JournalStaff } from '../journalStaff';
import type { Recovery } from '../recovery';
import type { SettlementAmounts } from '../nhsa/setlinfo';
import type { KnownPerson } from '../people';
import type { ReceiptItem } from '../receipts';
import type { Clock } from '../time';
import type { VisitMap } from '../visits';
import type { VisitRelease, VisitUndo } from '../visitUndo';
import type { OperatorAuthoriser } from './operators';
import type { CashBook } from '../cashBook';
import type { CounterOperatorView } from '../counterOperator';
import type { JournalToday } from '../journalToday';
import type { FamilyContext } from '../familyChannel';
import type { QuoteKind, RegistrationInfo } from '../../../shared/types/settlement';

/**
 * The pre-settlement call a quote came from (2206 / 2303 / 2101), kept so that the patient's
 * choice about the personal account is quoted again by the platform, not computed here.
 */
export interface PreSettlement {
  infno: '2206' | '2303' | '2101';
  /** The node that carries acct_used_flag and, in the settling call, the four scope amounts. */
  node: 'data' | 'druginfo';
  input: Record<string, unknown>;
  /** What the settling call adds beside the scope amounts (2207's invono). */
  settleExtra?: Record<string, unknown>;
}

/** A pre-settlement the patient has seen and may confirm: everything the settling call needs. */
export interface Quote {
  kind: QuoteKind;
  person: KnownPerson;
  infno: '2207' | '2102' | '2304';
  mdtrtId: string;
  pre: PreSettlement;
  /** acct_used_flag of this split. */
  useAccount: boolean;
  /** The complete `input` of the settling call, built from the pre-settlement answer. */
  input: Record<string, unknown>;
  amounts: SettlementAmounts;
  items: ReceiptItem[];
  /** What the HIS must be told once the settlement is done. */
  hisDebt?: HisDebt;
  registration?: RegistrationInfo;
  /** What an abandoned attempt gives back (registration and cashier visits only). */
  release?: VisitRelease;
  /** Family payment (issue 15): this split asks for 共济 from the payer's account. */
  useMutualAid?: boolean;
  /** Above the password-free cap: the second factor given for this quote (secondFactor.ts). */
  secondFactor?: { via: 'id-digits' | 'staff-pin'; operatorId?: string };
  /** Wrong last-four tries on this quote. */
  digitTries?: number;
}

export interface UseCaseContext {
  config: TerminalConfig;
  clock: Clock;
  gateway: PlatformGateway;
  journal: Journal;
  /** The audited changes staff make to the journal. */
  staff: JournalStaff;
  /** Staff resolutions and reconciliation hand rows to recovery and may ask it to run now. */
  recovery: Recovery;
  his: HisBridge;
  people: ExpiringStore<KnownPerson>;
  quotes: ExpiringStore<Quote>;
  operators: OperatorAuthoriser;
  visits: VisitMap;
  /** Releases what abandoned attempts opened, durably and retried. */
  undo: VisitUndo;
  /** The staff side (cash taken, today's lookup): who is signed in at the counter, the till's confirmations, today's rows. */
  counter: { current(): CounterOperatorView | undefined };
  cash: CashBook;
  today: JournalToday;
  /** Family payment and the password-free cap (issue 15): the channel's bindings, listed members, today's use. */
  family: FamilyContext;
  log: (line: string) => void;
}

/**
 * The boundary of every use-case: validates the input with its schema and turns whatever
 * went wrong into a stable code. Nothing thrown crosses it, so the IPC layer can pass the
 * result straight to the renderer.
 */
export async function useCase<S extends z.ZodType, T>(
  ctx: UseCaseContext,
  schema: S,
  raw: unknown,
  work: (input: z.output<S>) => Promise<T>,
): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work(schema.parse(raw)) };
  } catch (error) {
    const locale = ctx.config.locale;
    if (error instanceof SettlementFailure) return failure(error.code, locale, error.reference, error.words);
    if (error instanceof ZodError) return failure('INVALID_INPUT', locale);
    if (error instanceof HisUnavailable) {
      ctx.log(`his: ${error.message}`);
      // The HIS's own reason when it gave one (a full slot, an unknown stay number), never a guess.
      return failure(codeForHisFailure(error), locale);
    }
    ctx.log(`internal: ${error instanceof Error ? error.message : String(error)}`);
    return failure('INTERNAL', locale);
  }
}
