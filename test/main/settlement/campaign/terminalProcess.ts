import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Step } from '../../../../electron/settlement/gateway';
import type { ChildOrder, ChildReport } from './child';

type OrderBody = ChildOrder extends infer O ? (O extends ChildOrder ? Omit<O, 'id'> : never) : never;
export type StepReport = { step: Step; msgid: string; infno: string };
/** What an order came back with, or that the process was killed (by us) before it answered. */
export type OrderResult = { killed: true } | { killed: false; value: Extract<ChildReport, { result: unknown }>['result'] };

interface Waiting {
  resolve(result: OrderResult): void;
  reject(error: Error): void;
  onStep?: (report: StepReport) => void;
}

/**
 * The parent's handle on one terminal's process: started on the first order, SIGKILLed on
 * purpose by the campaign, started again (a kiosk restart) by the next order.
 */
export class TerminalProcess {
  private child: ChildProcess | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private stderr = '';
  private killing = false;
  /** Processes started so far (each kill costs a start). */
  starts = 0;

  constructor(readonly name: string) {}

  order(body: OrderBody, onStep?: (report: StepReport) => void): Promise<OrderResult> {
    const child = this.child ?? this.start();
    const id = this.nextId++;
    return new Promise<OrderResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, ...(onStep ? { onStep } : {}) });
      child.send({ ...body, id } as ChildOrder);
    });
  }

  /** SIGKILL: no clean-up of any kind runs in the terminal, as in a power cut. */
  kill(): void {
    if (!this.child) return;
    this.killing = true;
    this.child.kill('SIGKILL');
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.disconnect();
    });
  }

  private start(): ChildProcess {
    const child = fork(join(__dirname, 'child.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child = child;
    this.starts += 1;
    this.stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-20_000);
      if (process.env.SETTLEMENT_LOG) process.stderr.write(chunk);
    });
    child.on('message', (report: ChildReport) => {
      const waiting = this.waiting.get(report.id);
      if (!waiting) return;
      if ('step' in report) waiting.onStep?.({ step: report.step, msgid: report.msgid, infno: report.infno });
      else {
        this.waiting.delete(report.id);
        if ('failed' in report) waiting.reject(new Error(`${this.name}: ${report.failed}`));
        else waiting.resolve({ killed: false, value: report.result });
      }
    });
    child.on('exit', (code, signal) => {
      const killed = this.killing && signal === 'SIGKILL';
      this.killing = false;
      this.child = undefined;
      for (const waiting of this.waiting.values()) {
        if (killed) waiting.resolve({ killed: true });
        else waiting.reject(new Error(`${this.name} exited (${code ?? signal}) while an order was open: ${this.stderr}`));
      }
      this.waiting.clear();
    });
    return child;
  }
}
