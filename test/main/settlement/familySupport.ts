import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { createSettlementEngine, type EngineOptions, type SettlementEngine } from '../../../electron/settlement/engine';
import { evoucherFamily } from '../../../electron/settlement/familyChannel';
import { identifyByVoucher } from '../../../electron/settlement/usecases/identify';
import { engineOptions, TEST_WINDOW_SECONDS } from './engineOptions';
import { SandboxAdmin } from './harness';

/** The demo persons of the family tests by name (sandbox/seed/demoFamily.ts has their bindings). */
export const person = (name: string) => DEMO_PERSONS.find((p) => p.name === name)!;

export interface FamilyHarness {
  sandbox: RunningSandbox;
  admin: SandboxAdmin;
  dir: string;
  engine(config: TerminalConfig, extra?: Partial<EngineOptions>): SettlementEngine;
  /** A payer identified by their own e-voucher (the demo QR code; no face model needed): the personRef. */
  identifyByQr(engine: SettlementEngine, psnNo: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real sandbox with the e-voucher channel (face models not loaded: QR codes and the family
 * answer need none) and the hospital system; engines whose family directory is that channel.
 */
export async function startFamilyHarness(): Promise<FamilyHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'family-'));
  const sandbox = await startSandbox({
    port: 0, dataDir: join(dir, 'sandbox'), log: () => {}, parts: { face: true, his: true }, faceWarmUp: false, tifWindowSeconds: TEST_WINDOW_SECONDS,
  });
  const engines: SettlementEngine[] = [];
  const ec = async (transType: string, data: Record<string, unknown>) => {
    const response = await fetch(`${sandbox.url}/localcfc/api/hsecfc/localQrCodeQuery`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orgId: 'P42120200001', transType, data: { businessType: '02121', ...data }, extra: null }),
    });
    const body = (await response.json()) as { code: number; data: string };
    return { code: body.code, data: JSON.parse(body.data) as Record<string, unknown> };
  };
  return {
    sandbox,
    dir,
    admin: new SandboxAdmin(sandbox.url),
    engine(config, extra = {}) {
      const address = { url: sandbox.url, paasId: sandbox.paasId, secret: sandbox.secret };
      const family = evoucherFamily({ baseUrl: sandbox.url, orgId: config.institution.code, operatorId: config.terminal.id, operatorName: config.terminal.name });
      const engine = createSettlementEngine(engineOptions(address, dir, config, { family, ...extra }));
      engines.push(engine);
      return engine;
    },
    async identifyByQr(engine, psnNo) {
      const shown = (await (await fetch(`${sandbox.url}/sandbox/demo/qr/${psnNo}`)).json()) as { data: { payload: string } };
      const answer = await ec('ec.query', { ecQrCode: shown.data.payload, deviceType: 'SelfService' });
      const identified = await identifyByVoucher(engine.ctx, { ecToken: answer.data.ecToken });
      if (!identified.ok) throw new Error(identified.error.code);
      return identified.value.personRef;
    },
    async close() {
      for (const engine of engines) await engine.close().catch(() => {});
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An Outcome's value, or the test fails with its code. */
export function value<T>(outcome: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}`);
  return outcome.value;
}
