/**
 * One kiosk terminal of the fault campaign, in a process of its own (`node --import tsx`). The
 * campaign sends it orders over IPC: set a flow up, run it under fault (reporting every
 * journaled step, and stopping at the one where the parent will SIGKILL it), or restart and
 * recover. Each order gets a fresh engine on the terminal's own journal, as a kiosk restart does.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { TerminalConfig } from '../../../../shared/config/terminalConfig';
import { createSettlementEngine, type SettlementEngine } from '../../../../electron/settlement/engine';
import type { Step } from '../../../../electron/settlement/gateway';
import { engineOptions, type SandboxAddress } from '../engineOptions';
import { FLOWS, FlowStopped, type FlowEnv } from './flows';

interface Common {
  id: number;
  sandbox: SandboxAddress;
  dir: string;
  config: TerminalConfig;
}

export type ChildOrder = Common &
  (
    | { kind: 'setup'; flow: string; certno: string; env: FlowEnv }
    | {
        kind: 'run';
        flow: string;
        certno: string;
        state: Record<string, string>;
        /** The faulted step and 2601 get the short client timeout; everything else a generous one. */
        timeouts: Record<string, number>;
        /** `hold`: wait at the step for the parent's SIGKILL; `go on`: report it and send anyway (killed on the wire). */
        killAt?: { step: Step; infno: string; mode: 'hold' | 'go on' };
      }
    | { kind: 'recover'; timeouts: Record<string, number>; limitMs: number }
  );

/** An `internal` line is an exception the engine did not expect: a bug, whatever the fault. */
type Internal = { internal: string[] };

export interface RecoverResult extends Internal {
  /** Rows still open when the limit passed, and those among them listed for staff. */
  unknown: number;
  needsStaff: number;
  hisOwed: number;
  undoPending: number;
  /** Times recovery listed a row for staff, even if it settled it later. */
  staffFlags: number;
  ms: number;
}

export type ChildReport =
  | { id: number; step: Step; msgid: string; infno: string }
  | { id: number; result: ({ state: Record<string, string> } & Internal) | ({ outcome: string } & Internal) | RecoverResult }
  | { id: number; failed: string };

/** Backoff for recovery: quick, but not hammering the platform while a request is still on its way. */
const backoff = (attempt: number) => Math.min(100 * 2 ** attempt, 1_000);

const send = (message: ChildReport) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

function engineFor(order: ChildOrder, internal: string[], extra: Parameters<typeof engineOptions>[3] = {}, onLine?: (line: string) => void): SettlementEngine {
  const log = (line: string) => {
    onLine?.(line);
    if (line.startsWith('internal')) internal.push(line);
    if (process.env.SETTLEMENT_LOG || line.startsWith('internal')) console.error(`${order.config.terminal.id} ${line}`);
  };
  return createSettlementEngine(engineOptions(order.sandbox, order.dir, order.config, { backoff, log, ...extra }));
}

/** Lets the pass a flow's unknown outcome started finish before the engine closes, as a shutdown does. */
async function closing(engine: SettlementEngine): Promise<void> {
  await engine.recovery.runOnce().catch(() => undefined);
  await engine.close();
}

async function setup(order: Extract<ChildOrder, { kind: 'setup' }>) {
  const flow = FLOWS[order.flow]!;
  const internal: string[] = [];
  const engine = engineFor(order, internal);
  try {
    return { state: flow.setup ? await flow.setup(engine, order.certno, order.env) : {}, internal };
  } catch (error) {
    return { outcome: `stopped ${error instanceof FlowStopped ? error.message : 'setup: ' + String(error)}`, internal };
  } finally {
    await closing(engine);
  }
}

async function run(order: Extract<ChildOrder, { kind: 'run' }>) {
  const flow = FLOWS[order.flow]!;
  const internal: string[] = [];
  const engine = engineFor(order, internal, {
    timeouts: { default: 5_000, ...order.timeouts },
    onStep: async (step, msgid, infno) => {
      await send({ id: order.id, step, msgid, infno });
      const kill = order.killAt;
      if (kill && kill.mode === 'hold' && step === kill.step && infno === kill.infno) await new Promise(() => {});
    },
  });
  try {
    return { outcome: await flow.run(engine, order.certno, order.state), internal };
  } catch (error) {
    if (error instanceof FlowStopped) return { outcome: `stopped ${error.message}`, internal };
    throw error;
  } finally {
    await closing(engine);
  }
}

async function recover(order: Extract<ChildOrder, { kind: 'recover' }>): Promise<RecoverResult> {
  const started = Date.now();
  let staffFlags = 0;
  const internal: string[] = [];
  const engine = engineFor(order, internal, { timeouts: { default: 5_000, ...order.timeouts } }, (line) => {
    if (line.includes('needs staff')) staffFlags += 1;
  });
  const open = () => ({
    unknown: engine.ctx.journal.unknown().length,
    needsStaff: engine.ctx.journal.unknown().filter((r) => r.needsStaff).length,
    hisOwed: engine.ctx.journal.hisOwed().length,
    undoPending: engine.ctx.undo.pending().length,
  });
  try {
    await engine.start();
    let left = open();
    while (left.unknown + left.hisOwed + left.undoPending > 0 && Date.now() - started < order.limitMs) {
      await sleep(100);
      await engine.recovery.runOnce();
      left = open();
    }
    return { ...left, staffFlags, internal, ms: Date.now() - started };
  } finally {
    await engine.close();
  }
}

async function perform(order: ChildOrder): Promise<void> {
  try {
    const result = order.kind === 'setup' ? await setup(order) : order.kind === 'run' ? await run(order) : await recover(order);
    await send({ id: order.id, result });
  } catch (error) {
    await send({ id: order.id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

process.on('message', (order: ChildOrder) => void perform(order));
process.on('disconnect', () => process.exit(0));
