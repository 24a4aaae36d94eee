import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseSync } from 'node:sqlite';
import { DEMO_PERSONS } from '../../../../sandbox/seed/demoPersons';
import type { Step } from '../../../../electron/settlement/gateway';
import type { TerminalConfig } from '../../../../shared/config/terminalConfig';
import { journalPath } from '../engineOptions';
import type { AdminFault, Harness } from '../harness';
import type { RecoverResult } from './child';
import { checkIntegrity } from './invariants';
import { CLIENT_TIMEOUT_MS, SKEW_SECONDS, WINDOW_SECONDS, type RoundPlan, type RunPlan } from './plan';
import { ALL_TERMINALS, TERMINALS } from './terminals';
import type { OrderResult, TerminalProcess } from './terminalProcess';

/**
 * One round: both terminals of an institution set their flows up, run them side by side under
 * their faults (one process may be killed), restart and recover at the same time, and then the
 * independent check runs against the platform's database and every journal.
 */
/** Far beyond what recovery needs here (a few seconds, under 20 s at worst): a row still open after it is stuck. */
export const RECOVERY_LIMIT_MS = 90_000;

export type Category = 'counted' | 'fault not reached' | 'fault before any journal row' | 'flow stopped early' | 'answer beat the timeout';

export interface RunOutcome {
  run: RunPlan;
  /** What the flow's caller saw: settled, pending, admitted, stopped <code>, killed <step>. */
  outcome: string;
  category: Category;
  /** How the faulted request's journal row ended, when it has one. */
  resolution: string | null;
  recovery: RecoverResult;
  /** The platform was down for both terminals at the restart. */
  outage: boolean;
  /** Whether the run's own 2601/query fault was met (undefined: it had none). */
  recoveryFaultLanded: boolean | undefined;
}

export interface RoundOutcome {
  runs: RunOutcome[];
  problems: string[];
  /** Requests the platform-wide outage at the restart turned away. */
  outageHits: number;
}

export interface Lane {
  h: Harness;
  terminals: [TerminalProcess, TerminalProcess];
}

interface Base {
  sandbox: { url: string; paasId: string; secret: string };
  dir: string;
  config: TerminalConfig;
}

type ArmedLatency = { infno: string; devNo?: string; latencyMs: number };
type Listed = { infno: string; mode: string; devNo?: string; times?: number };

const STEP_MODE: Partial<Record<RunPlan['fault'], AdminFault['mode']>> = {
  timeout: 'latency',
  late: 'latency',
  'kill-on-wire': 'latency',
  drop: 'drop',
  'commit-then-drop': 'commit-then-drop',
  error: 'error',
};
const KILL_AT: Partial<Record<RunPlan['fault'], { step: Step; mode: 'hold' | 'go on' }>> = {
  'kill-after-journal': { step: 'after-journal', mode: 'hold' },
  'kill-after-answer': { step: 'after-answer', mode: 'hold' },
  'kill-on-wire': { step: 'after-journal', mode: 'go on' },
};

const find = (faults: Listed[], infno: string, mode: string, devNo?: string) => faults.find((f) => f.infno === infno && f.mode === mode && f.devNo === devNo);
const listed = (faults: Listed[], infno: string, mode: string, devNo?: string) => find(faults, infno, mode, devNo) !== undefined;
/** How many requests an armed fault hit: those it was armed for, less what it still has left. */
const hits = (faults: Listed[], infno: string, mode: string, armed: number, devNo?: string) => armed - (find(faults, infno, mode, devNo)?.times ?? 0);

/** Whether the run's own 2601/query fault met a request at all (nothing to recover meets none). */
function recoveryFaultLanded(run: RunPlan, after: Listed[], devNo: string): boolean | undefined {
  const rf = run.recoveryFault;
  if (!rf) return undefined;
  if (rf.kind === 'reversal') return !listed(after, '2601', rf.mode === 'timeout' ? 'latency' : rf.mode, devNo);
  return ['2601', '5203', '5201'].some((infno) => hits(after, infno, rf.mode, rf.calls, devNo) > 0);
}

async function until(condition: () => boolean, limitMs: number): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await sleep(2);
  }
  return true;
}

/** Arms the run's own faults (its step, its recovery) for its terminal only; returns the latency ones. */
async function arm(h: Harness, run: RunPlan, devNo: string): Promise<ArmedLatency[]> {
  const latencies: ArmedLatency[] = [];
  const mode = STEP_MODE[run.fault];
  if (mode) {
    await h.admin.fault({
      infno: run.infno,
      mode,
      devNo,
      times: 1,
      ...(mode === 'latency' ? { latencyMs: run.latencyMs } : {}),
      ...(mode === 'error' ? { errMsg: run.errMsg, ...(run.httpStatus ? { httpStatus: run.httpStatus } : {}) } : {}),
    });
    if (mode === 'latency') latencies.push({ infno: run.infno, devNo, latencyMs: run.latencyMs });
  }
  const rf = run.recoveryFault;
  if (rf?.kind === 'reversal') {
    const rmode = rf.mode === 'timeout' ? 'latency' : rf.mode;
    await h.admin.fault({ infno: '2601', mode: rmode, devNo, times: 1, ...(rmode === 'latency' ? { latencyMs: rf.latencyMs } : {}), ...(rmode === 'error' ? { errMsg: rf.errMsg } : {}) });
    if (rmode === 'latency') latencies.push({ infno: '2601', devNo, latencyMs: rf.latencyMs });
  } else if (rf?.kind === 'down') {
    for (const infno of ['2601', '5203', '5201']) await h.admin.fault({ infno, mode: rf.mode, devNo, times: rf.calls, ...(rf.mode === 'error' ? { errMsg: rf.errMsg } : {}) });
  }
  return latencies;
}

interface Faulted {
  result: OrderResult;
  msgid: string | undefined;
  killedAt: Step | undefined;
  /** For a kill on the wire: the platform had the request when the process died. */
  onWire: boolean;
}

/** Runs the faulted part in the terminal's process, killing it where the fault says. */
async function underFault(h: Harness, terminal: TerminalProcess, base: Base, run: RunPlan, state: Record<string, string>): Promise<Faulted> {
  const devNo = base.config.terminal.id;
  const killAt = KILL_AT[run.fault];
  const seen: Omit<Faulted, 'result'> = { msgid: undefined, killedAt: undefined, onWire: false };
  let open = true;
  const result = await terminal.order(
    {
      ...base,
      kind: 'run',
      flow: run.flow,
      certno: DEMO_PERSONS[run.person]!.certno,
      state,
      timeouts: { [run.infno]: CLIENT_TIMEOUT_MS, '2601': CLIENT_TIMEOUT_MS },
      ...(killAt ? { killAt: { ...killAt, infno: run.infno } } : {}),
    },
    (report) => {
      if (report.infno !== run.infno) return;
      if (report.step === 'after-journal') seen.msgid ??= report.msgid;
      if (!killAt || report.step !== killAt.step || seen.killedAt) return;
      seen.killedAt = report.step;
      if (killAt.mode === 'hold') terminal.kill();
      // On the wire: killed the moment the platform has taken the request in (its latency fault spent).
      else {
        void until(() => !listed(h.sandbox.faults.list(), run.infno, 'latency', devNo), 10_000).then((landed) => {
          seen.onWire = landed;
          if (open) terminal.kill();
        });
      }
    },
  );
  open = false;
  return { result, ...seen };
}

function faultedRow(path: string, msgid: string | undefined): { state: string; resolved_by: string | null } | undefined {
  if (!msgid) return undefined;
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return db.prepare('SELECT state, resolved_by FROM journal WHERE msgid = ?').get(msgid) as { state: string; resolved_by: string | null } | undefined;
  } finally {
    db.close();
  }
}

const RESOLUTIONS: Record<string, string> = {
  'done answer': 'done (answer)',
  'failed answer': 'refused',
  'failed time': 'never happened (window closed)',
  'reversed 2601': 'reversed by 2601',
  'reversed query': 'reversed per query',
};

/** What the flow's caller saw, in a word or two (a pending receipt's reference left out). */
function describe(setup: OrderResult, f: Faulted | undefined): string {
  if (!f) return setup.killed ? 'killed in setup' : 'outcome' in setup.value ? String(setup.value.outcome) : 'setup failed';
  if (f.result.killed) return `killed ${f.killedAt ?? ''}`.trim();
  const said = 'outcome' in f.result.value ? String(f.result.value.outcome) : '?';
  return said.startsWith('pending') ? 'pending' : said;
}

function classify(run: RunPlan, outcome: string, f: Faulted | undefined, after: Listed[], devNo: string, row: ReturnType<typeof faultedRow>): Category {
  if (!f) return 'flow stopped early';
  const mode = STEP_MODE[run.fault];
  const landed = run.fault.startsWith('kill') ? f.killedAt !== undefined && (run.fault !== 'kill-on-wire' || f.onWire) : !listed(after, run.infno, mode!, devNo);
  if (!landed) return outcome.startsWith('stopped') ? 'flow stopped early' : 'fault not reached';
  if (!run.reversible) return 'fault before any journal row';
  if ((run.fault === 'timeout' || run.fault === 'late') && row?.state === 'done' && row.resolved_by === 'answer') return 'answer beat the timeout';
  return 'counted';
}

export async function executeRound(lane: Lane, round: RoundPlan, h: Harness, initial: ReadonlyMap<string, number>): Promise<RoundOutcome> {
  const configs = TERMINALS[round.counter];
  const base = (t: 0 | 1): Base => ({ sandbox: { url: h.sandbox.url, paasId: h.sandbox.paasId, secret: h.sandbox.secret }, dir: h.dir, config: configs[t] });
  const both = <T>(work: (run: RunPlan, t: 0 | 1) => Promise<T>) => Promise.all([work(round.runs[0], 0), work(round.runs[1], 1)]);

  const setups = await both((run, t) =>
    lane.terminals[t].order({ ...base(t), kind: 'setup', flow: run.flow, certno: DEMO_PERSONS[run.person]!.certno, env: { sandboxUrl: h.sandbox.url, index: run.index } }),
  );
  const stateOf = (t: 0 | 1) => {
    const s = setups[t];
    return !s.killed && 'state' in s.value ? s.value.state : undefined;
  };
  const latencies = (await both((run, t) => (stateOf(t) ? arm(h, run, configs[t].terminal.id) : Promise.resolve([])))).flat();
  const faulted = await both((run, t) => {
    const state = stateOf(t);
    return state ? underFault(h, lane.terminals[t], base(t), run, state) : Promise.resolve(undefined);
  });
  const afterRun = { at: Date.now(), faults: h.sandbox.faults.list() as Listed[] };

  // The restart of both terminals, recovering at the same time, maybe with the platform down for everyone.
  if (round.outage) {
    await h.admin.fault({ infno: '*', mode: round.outage.mode, times: round.outage.calls, ...(round.outage.mode === 'error' ? { errMsg: round.outage.errMsg } : {}) });
  }
  const recovered = await both(async (_run, t) => {
    const r = await lane.terminals[t].order({ ...base(t), kind: 'recover', timeouts: { '2601': CLIENT_TIMEOUT_MS }, limitMs: RECOVERY_LIMIT_MS });
    if (r.killed || !('ms' in r.value)) throw new Error('recovery order came back without a report');
    return r.value;
  });
  const afterRecovery = { at: Date.now(), faults: h.sandbox.faults.list() as Listed[] };
  await h.admin.clearFaults();
  // Whatever the platform still holds back must have been handled before the check looks.
  const drainUntil = Math.max(
    0,
    ...latencies.map((l) =>
      !listed(afterRun.faults, l.infno, 'latency', l.devNo) ? afterRun.at + l.latencyMs : !listed(afterRecovery.faults, l.infno, 'latency', l.devNo) ? afterRecovery.at + l.latencyMs : 0,
    ),
  );
  if (drainUntil > Date.now()) await sleep(drainUntil - Date.now() + 50);

  const runs = round.runs.map((run, t): RunOutcome => {
    const setup = setups[t]!;
    const f = faulted[t];
    const outcome = describe(setup, f);
    const row = faultedRow(journalPath(h.dir, configs[t]!), f?.msgid);
    const category = classify(run, outcome, f, afterRun.faults, configs[t]!.terminal.id, row);
    return {
      run,
      outcome,
      category,
      resolution: row ? (RESOLUTIONS[`${row.state} ${row.resolved_by}`] ?? `${row.state} (${row.resolved_by ?? '-'})`) : null,
      recovery: recovered[t]!,
      outage: round.outage !== undefined,
      recoveryFaultLanded: recoveryFaultLanded(run, afterRecovery.faults, configs[t]!.terminal.id),
    };
  });
  const internal = round.runs.flatMap((run, t) => {
    const said = [setups[t], faulted[t]?.result].flatMap((r) => (r && !r.killed ? r.value.internal : []));
    return [...said, ...recovered[t]!.internal].map((line) => `internal: ${configs[t]!.terminal.id} (${run.flow} ${run.infno} ${run.fault}): ${line}`);
  });
  const problems = internal.concat(checkIntegrity({
    platformDb: `${h.dir}/sandbox/sandbox.db`,
    journals: ALL_TERMINALS.map((c) => ({ path: journalPath(h.dir, c), terminalId: c.terminal.id, institution: c.institution.code, slot: c.terminal.slot })),
    initialBalanceFen: initial,
    windowSeconds: WINDOW_SECONDS,
    skewSeconds: SKEW_SECONDS,
  }));
  const outageHits = round.outage ? hits(afterRecovery.faults, '*', round.outage.mode, round.outage.calls) : 0;
  return { runs, problems, outageHits };
}
