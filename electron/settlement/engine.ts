import type { AxiosInstance } from 'axios';
import type { DatabaseSync } from 'node:sqlite';
import type { TerminalConfig } from '../../shared/config/terminalConfig';
import { openKioskDb } from './db';
import { ExpiringStore } from './expiring';
import { defaultBackoff, PlatformGateway, type Backoff, type StepHook } from './gateway';
import type { HisBridge } from './his/bridge';
import { FreshnessRule } from './freshness';
import { Journal } from './journal';
import { JournalStaff } from './journalStaff';
import { NhsaClient } from './nhsa/client';
import { MsgIdGenerator } from './nhsa/msgid';
import { signerForRegion, type GatewayCredentials } from './nhsa/signing';
import { DEFAULT_TIMEOUTS, type Timeouts } from './nhsa/timeouts';
import type { KnownPerson } from './people';
import { Recovery, type RecoveryReport } from './recovery';
import { OperatorSession } from './session';
import type { Clock } from './time';
import { VisitMap } from './visits';
import { VisitUndo } from './visitUndo';
import type { Quote, UseCaseContext } from './usecases/context';
import type { OperatorAuthoriser } from './usecases/operators';

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
  /** Test hook at the crash points of reversible calls. */
  onStep?: StepHook;
  host?: { mac: string; ip: string };
  http?: AxiosInstance;
  log?: (line: string) => void;
  /** How long an identified person and a shown quote stay usable. */
  sessionTtlMs?: number;
}

export interface SettlementEngine {
  ctx: UseCaseContext;
  recovery: Recovery;
  /** Start-up recovery of what the last process left unresolved; run before serving patients. */
  start(): Promise<RecoveryReport>;
  /** Signs the operator out (9002); the next platform call signs in again (9001). */
  signOut(): Promise<void>;
  /** Signs the operator out (9002) and closes the database. */
  close(options?: { signOut?: boolean }): Promise<void>;
  db: DatabaseSync;
}

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
  });
  const session = new OperatorSession(db, client, msgids, clock, options.config.terminal.id, options.host ?? { mac: '', ip: '127.0.0.1' });
  const gateway = new PlatformGateway({
    client,
    session,
    msgids,
    journal,
    clock,
    backoff,
    ...(options.onStep ? { onStep: options.onStep } : {}),
    // Called only after construction, when `recovery` below exists.
    onUnknown: () => void recovery.runOnce().catch((e) => log(`recovery: ${String(e)}`)),
  });
  const visits = new VisitMap(db);
  const undo = new VisitUndo({ db, gateway, his: options.his, visits, clock, backoff, log });
  const recovery = new Recovery({
    journal,
    gateway,
    his: options.his,
    clock,
    backoff,
    freshness: FreshnessRule.of(options.config.region),
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
    signOut: () => session.signOut(),
    async close(closeOptions = {}) {
      recovery.stop();
      if (closeOptions.signOut) await session.signOut().catch((e) => log(`sign-out: ${String(e)}`));
      ctx.people.clear();
      ctx.quotes.clear();
      db.close();
    },
  };
}
