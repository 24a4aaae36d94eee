import { fork } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PERSONS } from '../../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../../electron/settlement/engine';
import type { Step } from '../../../../electron/settlement/gateway';
import { hospitalConfig, pharmacyConfig } from '../engineOptions';
import { startHarness, type Harness } from '../harness';
import type { ChildOrder, ChildReport } from './child';
import { FLOWS, FlowStopped, type FlowSpec } from './flows';
import { checkIntegrity } from './invariants';

/**
 * The fault campaign: randomized runs of every reversible flow with a fault at one of its
 * steps, each followed by a restart on the same journal and recovery, then the integrity
 * check against the platform's own records. SETTLEMENT_FAULT_RUNS (default 200),
 * SETTLEMENT_FAULT_LANES (independent sandboxes run side by side, default 4) and
 * SETTLEMENT_FAULT_SEED (printed, to replay a failing campaign).
 */
const RUNS = Number(process.env.SETTLEMENT_FAULT_RUNS ?? 200);
const LANES = Number(process.env.SETTLEMENT_FAULT_LANES ?? 4);
const SEED = Number(process.env.SETTLEMENT_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CLIENT_TIMEOUT_MS = 800;
const GRACE_MS = 4_000;

const NETWORK_FAULTS = ['timeout', 'drop', 'commit-then-drop', 'error'] as const;
const KILL_FAULTS = ['kill-after-journal', 'kill-after-answer'] as const;
type Fault = (typeof NETWORK_FAULTS)[number] | (typeof KILL_FAULTS)[number];

interface Run {
  index: number;
  flow: FlowSpec;
  infno: string;
  fault: Fault;
  certno: string;
  latencyMs: number;
  /** A second fault, on the first reversal (2601) recovery sends: recovery must survive it too. */
  recoveryFault?: (typeof NETWORK_FAULTS)[number];
}

/** mulberry32: a small seeded generator, so a campaign can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every (flow, step, fault) combination once, in shuffled order, then random ones up to RUNS:
 * the campaign covers each fault at each step even at its smallest size.
 */
function plan(): Run[] {
  const next = random(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const insured = DEMO_PERSONS.filter((p) => p.insured);
  const faultsAt = (flow: FlowSpec, infno: string): readonly Fault[] =>
    flow.reversible.includes(infno) ? [...NETWORK_FAULTS, ...KILL_FAULTS] : NETWORK_FAULTS;
  const combos = Object.values(FLOWS).flatMap((flow) => flow.steps.flatMap((infno) => faultsAt(flow, infno).map((fault) => ({ flow, infno, fault }))));
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [combos[i], combos[j]] = [combos[j]!, combos[i]!];
  }
  return Array.from({ length: RUNS }, (_, index) => {
    const combo = combos[index] ?? (() => {
      const flow = pick(Object.values(FLOWS));
      const infno = pick(flow.steps);
      return { flow, infno, fault: pick(faultsAt(flow, infno)) };
    })();
    const certno = combo.flow.person !== undefined ? DEMO_PERSONS[combo.flow.person]!.certno : pick(insured).certno;
    const recoveryFault = combo.flow.reversible.includes(combo.infno) && next() < 0.4 ? pick(NETWORK_FAULTS) : undefined;
    return { index, ...combo, certno, latencyMs: CLIENT_TIMEOUT_MS + 200 + Math.floor(next() * 500), ...(recoveryFault ? { recoveryFault } : {}) };
  });
}

const configOf = (flow: FlowSpec) => (flow.counter === 'pharmacy' ? pharmacyConfig : hospitalConfig);

async function inProcess(h: Harness, run: Run, state: Record<string, string>): Promise<string> {
  const engine = h.engine({ config: configOf(run.flow), timeouts: { default: CLIENT_TIMEOUT_MS }, inFlightGraceMs: GRACE_MS });
  try {
    return await run.flow.run(engine, run.certno, state);
  } catch (error) {
    if (error instanceof FlowStopped) return `stopped ${error.message}`;
    throw error;
  } finally {
    await engine.recovery.runOnce(); // let a background pass the flow started end before closing
    await engine.close();
  }
}

/** Runs the flow in a real child process and SIGKILLs it when it reports the step. */
function inChild(h: Harness, run: Run, state: Record<string, string>): Promise<string> {
  const order: ChildOrder = {
    sandbox: { url: h.sandbox.url, paasId: h.sandbox.paasId, secret: h.sandbox.secret },
    dir: h.dir,
    flow: run.flow.name,
    certno: run.certno,
    state,
    killAt: { step: (run.fault === 'kill-after-journal' ? 'after-journal' : 'after-answer') as Step, infno: run.infno },
    timeoutMs: CLIENT_TIMEOUT_MS * 10,
  };
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'child.ts'), [JSON.stringify(order)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let outcome = 'exited without a report';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('message', (message: ChildReport) => {
      if ('at' in message) {
        outcome = `killed ${message.at}`;
        child.kill('SIGKILL');
      } else outcome = 'done' in message ? message.done : `stopped ${message.stopped}`;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? resolve(outcome) : reject(new Error(`child exit ${code}: ${stderr}`))));
  });
}

/** The restart: a new engine on the same journal, start-up recovery, then until nothing is open. */
async function recover(h: Harness, flow: FlowSpec): Promise<{ reversed: number; neverHappened: number }> {
  const engine: SettlementEngine = h.engine({ config: configOf(flow), timeouts: { default: 5_000, '2601': CLIENT_TIMEOUT_MS }, inFlightGraceMs: GRACE_MS });
  const total = { reversed: 0, neverHappened: 0 };
  const add = (r: { reversed: number; neverHappened: number }) => {
    total.reversed += r.reversed;
    total.neverHappened += r.neverHappened;
  };
  try {
    add(await engine.start());
    for (let i = 0; i < 100 && (engine.ctx.journal.unknown().length > 0 || engine.ctx.journal.hisOwed().length > 0); i++) {
      await sleep(100);
      add(await engine.recovery.runOnce({ ignoreSchedule: true }));
    }
  } finally {
    await engine.close();
  }
  return total;
}

async function arm(h: Harness, run: Run, infno: string, fault: Fault | undefined): Promise<void> {
  if (fault === 'timeout') await h.admin.fault({ infno, mode: 'latency', latencyMs: run.latencyMs, times: 1 });
  else if (fault === 'error') await h.admin.fault({ infno, mode: 'error', errMsg: 'sandbox: injected failure', ...(run.index % 2 ? { httpStatus: 503 } : {}), times: 1 });
  else if (fault === 'drop' || fault === 'commit-then-drop') await h.admin.fault({ infno, mode: fault, times: 1 });
}

jest.setTimeout(20 * 60_000);

describe('fault campaign', () => {
  it(`keeps every bill settled exactly once or not at all (${RUNS} randomized runs, seed ${SEED})`, async () => {
    const runs = plan();
    const lanes = await Promise.all(Array.from({ length: LANES }, () => startHarness()));
    const initial = new Map(DEMO_PERSONS.map((p) => [p.psnNo, p.accountBalanceFen]));
    const outcomes = new Map<string, number>();
    const problems: string[] = [];
    const resolutions = { reversed: 0, neverHappened: 0 };
    const started = Date.now();
    /** One run on a harness: setup, the faulted part, restart and recovery, then the check. */
    async function execute(h: Harness, run: Run): Promise<string[]> {
      const setupEngine = run.flow.setup ? h.engine({ config: configOf(run.flow), inFlightGraceMs: GRACE_MS }) : undefined;
      const state = setupEngine ? await run.flow.setup!(setupEngine, run.certno, { sandboxUrl: h.sandbox.url, index: run.index }) : {};
      await setupEngine?.close();
      await arm(h, run, run.infno, run.fault);
      await arm(h, run, '2601', run.recoveryFault);
      const outcome = run.fault.startsWith('kill') ? await inChild(h, run, state) : await inProcess(h, run, state);
      const missed = (await h.admin.faults()).some((f) => (f as { infno: string }).infno === run.infno) || outcome === 'exited without a report';
      const recovered = await recover(h, run.flow);
      await h.admin.clearFaults();
      resolutions.reversed += recovered.reversed;
      resolutions.neverHappened += recovered.neverHappened;
      const how = (recovered.reversed ? ', reversed by 2601' : recovered.neverHappened ? ', 2601: never happened' : '') + (run.recoveryFault && (recovered.reversed || recovered.neverHappened) ? ` despite 2601 ${run.recoveryFault}` : '');
      const key = `${run.flow.name.padEnd(17)} ${run.infno} ${run.fault.padEnd(18)} → ${outcome.split(' ')[0]}${outcome.startsWith('stopped') ? ` ${outcome.split(' ')[1]}` : ''}${how}${missed ? ' (fault not reached)' : ''}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      const journals = [pharmacyConfig, hospitalConfig].map((c) => join(h.dir, `kiosk-${c.institution.code}.db`));
      return checkIntegrity(join(h.dir, 'sandbox', 'sandbox.db'), journals, initial).map(
        (problem) => `run ${run.index} (${run.flow.name} ${run.infno} ${run.fault}, seed ${SEED}): ${problem}`,
      );
    }

    try {
      await Promise.all(
        lanes.map(async (lane, laneIndex) => {
          for (const run of runs.filter((r) => r.index % LANES === laneIndex)) {
            const h = run.flow.fresh ? await startHarness() : lane;
            try {
              const found = await execute(h, run);
              problems.push(...found);
              if (found.length > 0) return;
            } finally {
              if (run.flow.fresh) await h.close();
            }
          }
        }),
      );
    } finally {
      await Promise.all(lanes.map((h) => h.close()));
    }
    const table = [...outcomes].sort().map(([k, n]) => `${String(n).padStart(4)}  ${k}`).join('\n');
    console.log(
      `fault campaign: ${RUNS} runs in ${LANES} lanes, seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
        `unknown outcomes resolved: ${resolutions.reversed} reversed (had happened), ${resolutions.neverHappened} never happened\n${table}`,
    );
    expect(problems).toEqual([]);
  });
});
