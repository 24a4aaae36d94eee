import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../sandbox';
import { createSettlementEngine, type EngineOptions, type SettlementEngine } from '../../../electron/settlement/engine';
import { engineOptions, hospitalConfig, OPERATOR, pharmacyConfig, TEST_WINDOW_SECONDS } from './engineOptions';

/** The demo e-voucher tokens the test sandbox resolves without running the face service. */
export const TEST_TOKENS: Record<string, string> = {
  '421200ec000000000000000000000000000001': '42120000000000000001',
  '421200ec000000000000000000000000000002': '42120000000000000002',
};

export { OPERATOR, hospitalConfig, pharmacyConfig };

export interface Harness {
  dir: string;
  sandbox: RunningSandbox;
  engine(options?: Partial<EngineOptions>): SettlementEngine;
  admin: SandboxAdmin;
  close(): Promise<void>;
}

export interface AdminFault {
  infno: string;
  mode: 'latency' | 'error' | 'drop' | 'commit-then-drop';
  latencyMs?: number;
  errMsg?: string;
  httpStatus?: number;
  times?: number;
  /** Only this terminal's requests (the envelope's dev_no, the terminal id). */
  devNo?: string;
}

/** Reads the sandbox platform's own records and sets its faults, over its loopback admin API. */
export class SandboxAdmin {
  constructor(private readonly url: string) {}
  async fault(fault: AdminFault) {
    await axios.post(`${this.url}/sandbox/admin/faults`, fault, { proxy: false });
  }
  /** Faults still armed: a `times: 1` fault still listed was never reached. */
  async faults(): Promise<unknown[]> {
    return (await axios.get(`${this.url}/sandbox/admin/faults`, { proxy: false })).data.faults;
  }
  async clearFaults() {
    await axios.delete(`${this.url}/sandbox/admin/faults`, { proxy: false });
  }
  async settlements(query: { msgid?: string; setl_id?: string; mdtrt_id?: string }): Promise<AdminSettlement[]> {
    const r = await axios.get(`${this.url}/sandbox/admin/settlements`, { params: query, proxy: false });
    return r.data.settlements;
  }
  async message(msgid: string): Promise<{ msgid: string; infno: string; infcode: number; reversed_by: string | null } | null> {
    const r = await axios.get(`${this.url}/sandbox/admin/messages`, { params: { msgid }, proxy: false });
    return r.data.message;
  }
  async balanceFen(psnNo: string): Promise<number> {
    const r = await axios.get(`${this.url}/sandbox/admin/persons`, { params: { psn_no: psnNo }, proxy: false });
    return Math.round(Number(r.data.balc) * 100);
  }
  async visit(mdtrtId: string) {
    const r = await axios.get(`${this.url}/sandbox/admin/visits`, { params: { mdtrt_id: mdtrtId }, proxy: false });
    return r.data as { state: string; open_fee_lines: number; settled_fee_lines: number };
  }
}

export interface AdminSettlement {
  setl_id: string;
  msgid: string;
  infno: string;
  mdtrt_id: string;
  psn_no: string;
  state: string;
  refd_setl_flag: number;
  original_setl_id: string | null;
  cancelled_by: string | null;
  medfee_sumamt: number;
  acct_pay: number;
  psn_cash_pay: number;
}

/** What a test may change about its sandbox: a shorter window, replayable wordings, a request log, the gateway profile. */
export type HarnessSandboxOptions = Pick<SandboxOptions, 'tifWindowSeconds' | 'wordingSeed' | 'log' | 'gateway'>;

export async function startHarness(
  config: TerminalConfig = hospitalConfig,
  dir = mkdtempSync(join(tmpdir(), 'settle-')),
  sandboxOptions: HarnessSandboxOptions = {},
): Promise<Harness> {
  const sandbox = await startSandbox({
    port: 0,
    dataDir: join(dir, 'sandbox'),
    log: () => {},
    parts: { face: false, his: true },
    tifWindowSeconds: TEST_WINDOW_SECONDS,
    ...sandboxOptions,
    tokens: { resolve: (token) => (TEST_TOKENS[token] ? { ok: true, psnNo: TEST_TOKENS[token]! } : { ok: false, reason: 'unknown' }) },
  });
  const engines: ReturnType<typeof createSettlementEngine>[] = [];
  return {
    dir,
    sandbox,
    admin: new SandboxAdmin(sandbox.url),
    engine(options = {}) {
      const address = { url: sandbox.url, paasId: sandbox.paasId, secret: sandbox.secret };
      const engine = createSettlementEngine(engineOptions(address, dir, options.config ?? config, options));
      engines.push(engine);
      return engine;
    },
    async close() {
      for (const engine of engines) await engine.close().catch(() => {});
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
