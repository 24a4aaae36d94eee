import type { AxiosInstance } from 'axios';
import type { DatabaseSync } from 'node:sqlite';
import type { TerminalConfig } from '../../shared/config/terminalConfig';
import { CounterOperator, operatorById, type CounterOperatorView } from './counterOperator';
import { openKioskDb } from './db';
import { ExpiringStore } from './expiring';
import { defaultBackoff, PlatformGateway, type Backoff, type StepHook } from './gateway';
import type { HisBridge } from './his/bridge';
import { FreshnessRule } from './freshness';
import { Journal } from './journal';
import { JournalStaff } from './journalStaff';
import { NhsaClient, type PlatformCallObservation } from './nhsa/client';
import { terminalOperator } from './nhsa/envelope';
import { MsgIdGenerator } from './nhsa/msgid';
import { signerForRegion, type GatewayCredentials } from './nhsa/signing';
import { DEFAULT_TIMEOUTS, type Timeouts } from './nhsa/timeouts';
import type { KnownPerson } from './people';
import { Recovery, type RecoveryReport } from './recovery';
import { NO_HOST, OperatorSession, type HostInfo } from './session';
import type { Clock } from './time';
import { VisitMap } from './visits';
import { VisitUndo } from './visitUndo';
import { CashBook } from './cashBook';
import { JournalToday } from './journalToday';
import type { Quote, UseCaseContext } from './usecases/context';
import type { OperatorAuthoriser } from './usecases/operators';
import type { FamilyDirectory, FamilyMemberHeld } from './familyChannel';
import { usedTodayFrom } from './cap';

export interface EngineOptions {
  config: TerminalConfig;
  /** The platform's base URL (the embedded sandbox's, or the region's gateway). */
  platformUrl: string;
  credentials: GatewayCredentials;
  /** The kiosk's SQLite file: journal, msgid state, operator session. */
  dbPath: string;
  his: HisBridge;
  operators: OperatorAuthoriser;
  clock?: Clock;
  timeouts?: Timeouts;
  backoff?: Backoff;
  /** Background recovery interval; 0 disables the timer (tests drive recovery themselves). */
  recoveryIntervalMs?: number;
  /**
   * How long recovery waits on one row before moving on (recovery.ts `rowTimeoutMs`):
   * DEFAULT_RECOVERY_ROW_TIMEOUT_MS unless given, 0: no limit (as long as the row's calls take).
   */
  recoveryRowTimeoutMs?: number;
  /** Test hook at the crash points of reversible calls. */
  onStep?: StepHook;
  /** The machine as 9001 names it (electron/core/hostInfo.ts), read at each sign-in; without it, NO_HOST. */
  host?: HostInfo | (() => HostInfo);
  http?: AxiosInstance;
  log?: (line: string) => void;
  /** How long an identified person and a shown quote stay usable. */
  sessionTtlMs?: number;
  /** A monitor (electron/core/metrics/prometheus.ts) told of the engine's platform calls; it must not throw. */
  observer?: EngineObserver;
  /** Family payment (issue 15): the e-voucher channel's family answer (familyChannel.ts); absent, nobody acts for family. */
  family?: FamilyDirectory;
}

export interface EngineObserver {
  platformCall(call: PlatformCallObservation): void;
}

export interface SettlementEngine {
  ctx: UseCaseContext;
  recovery: Recovery;
  /** Start-up recovery of what the last process left unresolved; run before serving patients. */
  start(): Promise<RecoveryReport>;
  /**
   * The counter's operator, with their own PIN: at a staffed counter, the operator of record
   * of every call from then on (their 9001 at the next call). Undefined: not an operator, or not
   * their PIN. Whoever was signed in before is signed out of the platform (9002), as on signOutOperator.
   */
  signInOperator(operatorId: string, pin: string): Promise<CounterOperatorView | undefined>;
  /** Who is signed in at the counter today, if anyone. */
  currentOperator(): CounterOperatorView | undefined;
  /**
   * Ends the counter's sign-in, then signs that operator out of the platform (9002). The
   * counter closes even when the platform cannot be reached: the sign_no then lapses with the day.
   */
  signOutOperator(): Promise<void>;
  /** Recovery stops (what it has under way ends first), every operator signed in from here is signed out (9002) if asked, the database closes. */
  close(options?: { signOut?: boolean }): Promise<void>;
  db: DatabaseSync;
}

/**
 * Start-up recovery runs behind the home screen one row at a time; without a limit one row whose
 * 2601 the platform holds would keep the rest waiting its full 30 s timeout (README "Start-up").
 */
export const DEFAULT_RECOVERY_ROW_TIMEOUT_MS = 15_000;

/** Wires the engine from its configuration; every outside dependency is injected here. */
export function createSettlementEngine(options: EngineOptions): SettlementEngine {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => {});
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const backoff = options.backoff ?? defaultBackoff;
  const db = openKioskDb(options.dbPath);
  const msgids = new MsgIdGenerator(db, options.config.institution.code, options.config.terminal.slot, clock);
  const journal = new Journal(db, msgids, clock);
  const client = new NhsaClient({
    config: options.config,
    baseUrl: options.platformUrl,
    signer: signerForRegion(options.config.region, options.credentials, clock),
    clock,
    timeouts,
    ...(options.http ? { http: options.http } : {}),
    ...(options.observer ? { onCall: options.observer.platformCall.bind(options.observer) } : {}),
  });
  const host = options.host ?? NO_HOST;
  const config = options.config;
  const session = new OperatorSession(db, client, msgids, clock, typeof host === 'function' ? host : () => host, (id) => operatorById(config, id));
  const counter = new CounterOperator(db, config, options.operators, clock);
  const gateway = new PlatformGateway({
    client,
    session,
    msgids,
    journal,
    clock,
    backoff,
    operator: () => counter.ofRecord(),
    ...(options.onStep ? { onStep: options.onStep } : {}),
    // Called only after construction, when `recovery` below exists.
    // The row is due only after backoff(0), so a plain runOnce() would find nothing to do: now() takes it at once.
    onUnknown: (msgid) => void recovery.now(msgid).catch((e) => log(`recovery: ${String(e)}`)),
  });
  // Recovery and the release of abandoned visits act on their own, so the terminal is their operator.
  const terminalGateway = gateway.as(terminalOperator(config));
  const visits = new VisitMap(db);
  const undo = new VisitUndo({ db, gateway: terminalGateway, his: options.his, visits, clock, backoff, log });
  const recovery = new Recovery({
    journal,
    gateway: terminalGateway,
    his: options.his,
    clock,
    backoff,
    freshness: FreshnessRule.of(options.config.region),
    rowTimeoutMs: options.recoveryRowTimeoutMs ?? DEFAULT_RECOVERY_ROW_TIMEOUT_MS,
    onNotInEffect: (row) => {
      undo.enqueueFrom(row);
    },
    afterPass: async () => {
      await undo.runDue();
    },
    log,
  });
  const ttl = options.sessionTtlMs ?? 10 * 60_000;
  const ctx: UseCaseContext = {
    config: options.config,
    clock,
    gateway,
    journal,
    staff: new JournalStaff(db, journal, clock),
    recovery,
    his: options.his,
    people: new ExpiringStore<KnownPerson>(clock, ttl),
    quotes: new ExpiringStore<Quote>(clock, ttl),
    operators: options.operators,
    visits,
    undo,
    counter,
    cash: new CashBook(db, clock),
    today: new JournalToday(db, clock),
    family: {
      directory: options.family,
      members: new ExpiringStore<{ payerRef: string; member: FamilyMemberHeld }>(clock, ttl),
      usedToday: usedTodayFrom(db, clock),
    },
    log,
  };
  return {
    ctx,
    recovery: recovery,
    db,
    async start() {
      const report = await recovery.startUp();
      if (options.recoveryIntervalMs !== 0) recovery.start(options.recoveryIntervalMs ?? 5_000);
      return report;
    },
    async signInOperator(operatorId, pin) {
      const before = counter.current();
      const now = counter.signIn(operatorId, pin);
      if (now && before && before.id !== now.id) await session.signOut(before.id).catch((e) => log(`sign-out ${before.id}: ${String(e)}`));
      if (now) log(`counter: operator ${now.id} signed in`);
      return now;
    },
    currentOperator: () => counter.current(),
    async signOutOperator() {
      const who = counter.signOut();
      if (!who) return;
      log(`counter: operator ${who.id} signed out`);
      await session.signOut(who.id).catch((e) => log(`sign-out ${who.id}: ${String(e)}`));
    },
    async close(closeOptions = {}) {
      // Recovery's work under way must end before the journal closes (else its late answer meets
      // "database is not open"); its calls are cut short rather than waited for up to 30 s.
      const drained = recovery.close();
      client.abortInFlight();
      await drained;
      if (closeOptions.signOut) await session.signOutAll(log);
      ctx.people.clear();
      ctx.quotes.clear();
      ctx.family.members.clear();
      db.close();
    },
  };
}
