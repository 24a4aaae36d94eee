/**
 * One kiosk process of the fault campaign: runs one flow on the shared journal and, when told
 * to die at a step, reports reaching it and waits there for the parent's SIGKILL. Started by
 * the campaign with `node --import tsx`.
 */
import { createSettlementEngine } from '../../../../electron/settlement/engine';
import type { Step } from '../../../../electron/settlement/gateway';
import { engineOptions, hospitalConfig, pharmacyConfig, type SandboxAddress } from '../engineOptions';
import { FLOWS } from './flows';

export interface ChildOrder {
  sandbox: SandboxAddress;
  dir: string;
  flow: string;
  certno: string;
  state: Record<string, string>;
  killAt: { step: Step; infno: string };
  timeoutMs: number;
}

export type ChildReport = { at: Step; msgid: string } | { done: string } | { stopped: string };

async function main(): Promise<void> {
  const order = JSON.parse(process.argv[2]!) as ChildOrder;
  const flow = FLOWS[order.flow]!;
  const report = (message: ChildReport) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
  const engine = createSettlementEngine(
    engineOptions(order.sandbox, order.dir, flow.counter === 'pharmacy' ? pharmacyConfig : hospitalConfig, {
      timeouts: { default: order.timeoutMs },
      onStep: async (step, msgid, infno) => {
        if (step !== order.killAt.step || infno !== order.killAt.infno) return;
        await report({ at: step, msgid });
        await new Promise(() => {}); // the parent kills us here
      },
    }),
  );
  try {
    await report({ done: await flow.run(engine, order.certno, order.state) });
  } catch (error) {
    await report({ stopped: error instanceof Error ? error.message : String(error) });
  }
  process.exit(0);
}

void main();
