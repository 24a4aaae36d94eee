/**
 * The engine's own cost per settlement beside the raw round trip, measured in one run against
 * the embedded sandbox: `npx tsx electron/settlement/bench.ts [iterations] [platform latency ms...]`.
 * Latency 0 is the loopback sandbox itself; a real provincial platform is a WAN round trip away,
 * which the sandbox's latency fault stands in for (default rows: 0 and 30 ms).
 *
 * raw     one 2102 POST of a ready envelope with ready TIF headers (network + platform only)
 * engine  the same 2102 through the gateway: msgid and journal row committed before sending
 *         (fsync), envelope, TIF signing, answer parsing, outcome committed (fsync)
 * local   the engine's side alone, no network: journal begin + sign + envelope + mark done
 * Raw and engine requests alternate so both see the same platform and machine state.
 */
import axios from 'axios';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_DEFAULTS, type TerminalConfig } from '../../shared/config/terminalConfig';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { startSandbox } from '../../sandbox';
import { createSettlementEngine } from './engine';
import { createSandboxHis } from './his/sandboxHis';
import { CALL_SERVICE_PATH } from './nhsa/client';
import { tifSigner } from './nhsa/signing';
import type { Quote } from './usecases/context';
import { identifyByIdNumber } from './usecases/identify';
import { pinAuthoriser } from './usecases/operators';
import { preparePharmacySettlement } from './usecases/pharmacy';

const ITERATIONS = Number(process.argv[2] ?? 300);
const LATENCIES = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [0, 30];
const WARMUP = 20;

const config: TerminalConfig = {
  ...SANDBOX_DEFAULTS,
  institution: { code: 'P42120200001', name: '咸宁市演示大药房' },
  terminal: { id: 'BENCH-01', name: '基准终端', mode: 'pharmacy' },
};

function stats(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p99: at(0.99) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'settle-bench-'));
  const sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'sandbox'), log: () => {}, parts: { face: false, his: true } });
  const engine = createSettlementEngine({
    config,
    platformUrl: sandbox.url,
    credentials: { paasId: sandbox.paasId, secret: sandbox.secret },
    dbPath: join(dir, 'kiosk.db'),
    his: createSandboxHis({ baseUrl: sandbox.url }),
    operators: pinAuthoriser({}),
    recoveryIntervalMs: 0,
  });
  try {
    const person = DEMO_PERSONS[0]!;
    const id = await identifyByIdNumber(engine.ctx, { certno: person.certno });
    if (!id.ok) throw new Error(id.error.code);
    const quote = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: 'YP0003', cnt: 1 }] });
    if (!quote.ok) throw new Error(quote.error.code);
    const { input } = engine.ctx.quotes.get(quote.value.quoteId) as Quote;
    const signNo = (engine.db.prepare('SELECT sign_no FROM operator_session').get() as { sign_no: string }).sign_no;
    const entry = { infno: '2102' as const, psnNo: person.psnNo, insuplcAdmdvs: person.insuplcAdmdvs, maskedName: '欧*明' };
    const signer = tifSigner({ paasId: sandbox.paasId, secret: sandbox.secret }, () => new Date());
    const http = axios.create({ proxy: false });
    let rawSeq = 0;

    const engineOnce = async (i: number) => {
      const t0 = performance.now();
      await engine.ctx.gateway.reversible({ ...entry, subject: `bench:${i}` }, input, (answer) => ({ outcome: { setlId: String((answer.output.setlinfo as { setl_id: string }).setl_id) }, value: null }));
      return performance.now() - t0;
    };
    const rawOnce = async () => {
      // A msgid no journal knows about, from its own range, so the platform accepts it.
      const msgid = `P42120200001${'9'.repeat(14)}${String(rawSeq++).padStart(4, '0')}`;
      const body = JSON.stringify({ ...engine.ctx.gateway.envelopeFor('2102', msgid, input, person.insuplcAdmdvs, signNo) });
      const headers = { 'content-type': 'application/json', ...signer.headers() };
      const t0 = performance.now();
      const response = await http.post(sandbox.url + CALL_SERVICE_PATH, body, { headers });
      const elapsed = performance.now() - t0;
      if (response.data.infcode !== 0) throw new Error(`raw 2102 refused: ${response.data.err_msg}`);
      return elapsed;
    };
    const localOnce = (i: number) => {
      const t0 = performance.now();
      const row = engine.ctx.journal.begin({ ...entry, subject: `local:${i}` });
      signer.headers();
      JSON.stringify(engine.ctx.gateway.envelopeFor('2102', row.msgid, input, person.insuplcAdmdvs, signNo));
      engine.ctx.journal.markFailed(row.msgid, 'bench: never sent');
      return performance.now() - t0;
    };

    const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(10);
    console.log(`settlement bench: ${ITERATIONS} settlements (2102) each way per row, after ${WARMUP} warm-up, node ${process.version}`);
    for (const latencyMs of LATENCIES) {
      await axios.delete(`${sandbox.url}/sandbox/admin/faults`, { proxy: false });
      if (latencyMs > 0) await axios.post(`${sandbox.url}/sandbox/admin/faults`, { infno: '2102', mode: 'latency', latencyMs }, { proxy: false });
      const raw: number[] = [];
      const full: number[] = [];
      const local: number[] = [];
      for (let i = 0; i < WARMUP + ITERATIONS; i++) {
        const r = await rawOnce();
        const e = await engineOnce(latencyMs * 100_000 + i);
        const l = localOnce(latencyMs * 100_000 + i);
        if (i >= WARMUP) {
          raw.push(r);
          full.push(e);
          local.push(l);
        }
      }
      const R = stats(raw);
      const E = stats(full);
      const L = stats(local);
      console.log(`\nplatform latency ${latencyMs} ms            median        p99`);
      console.log(`raw round trip            ${ms(R.median)} ${ms(R.p99)}`);
      console.log(`engine (journal+signing)  ${ms(E.median)} ${ms(E.p99)}`);
      console.log(`engine local work only    ${ms(L.median)} ${ms(L.p99)}`);
      console.log(`added by the engine       ${ms(E.median - R.median)} ${ms(E.p99 - R.p99)}`);
      // Pairs were measured back to back: their differences are less exposed to a busy machine's drift.
      const D = stats(full.map((e, i) => e - raw[i]!));
      console.log(`added, paired             ${ms(D.median)} ${ms(D.p99)}`);
      console.log(`engine / raw              ${(E.median / R.median).toFixed(2).padStart(8)}x ${(E.p99 / R.p99).toFixed(2).padStart(9)}x`);
      const added = E.median - R.median <= 5;
      const ratio = E.median / R.median <= 1.2;
      console.log(`target at the median: <= 5 ms added ${added ? 'met' : 'NOT met'}; <= 1.2x raw ${ratio ? 'met' : 'NOT met'}`);
    }
  } finally {
    await engine.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
