import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fenToYuan, yuanToFen } from '../shared/money';
import { SANDBOX_SERVER_DEFAULTS } from './index';
import { PLATFORM_PATH } from './platform';
import { tifSignature } from './platform/tif';
import { cstCompact, cstDateTime } from './platform/wire';
import { CATALOGUE } from './seed/catalogue';
import { DEMO_PERSONS } from './seed/demoPersons';

/**
 * `npm run bench:sandbox`: signed 2207 settlements per second with 1, 8 and 32 concurrent
 * clients over loopback, p50/p99 latency, and the face service's ms per identification.
 * The platform runs in its own process (as it does for the kiosk), so server and clients each
 * get a core. Each visit is prepared beforehand (2201, 2203, 2204): only 2207 is timed.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOSPITAL = { code: 'H42120200001', name: '咸宁市演示医院' };
const PERSONS = DEMO_PERSONS.filter((p) => p.insured);
const LINES = [CATALOGUE[0]!, CATALOGUE[3]!];

function startPlatformProcess(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, join(__dirname, 'cli.ts'), '--port', '0', '--data', dataDir, '--no-face', '--no-his', '--quiet'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code} before listening`)));
  });
}

/** One msgid sequence for the whole process: msgids are unique per institution, not per socket. */
let msgSequence = 0;

class BenchClient {
  signNo = '';
  readonly agent: Agent;

  constructor(
    readonly url: string,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  private msgid(): string {
    msgSequence = (msgSequence + 1) % 10_000;
    return `${HOSPITAL.code}${cstCompact(new Date())}${String(msgSequence).padStart(4, '0')}`;
  }

  /** One signed call; resolves with the answer and the milliseconds it took. */
  call(infno: string, input: Json, insuplc = '421200'): Promise<{ body: Json; ms: number }> {
    const now = new Date();
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const payload = JSON.stringify({
      infno, msgid: this.msgid(), mdtrtarea_admvs: '421200', insuplc_admdvs: insuplc, recer_sys_code: 'YBXT', infver: 'V1.0',
      opter_type: '2', opter: 'BENCH', opter_name: 'bench', inf_time: cstDateTime(now), fixmedins_code: HOSPITAL.code,
      fixmedins_name: HOSPITAL.name, sign_no: this.signNo, input,
    });
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.url}${PLATFORM_PATH}`,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'x-tif-paasid': SANDBOX_SERVER_DEFAULTS.paasId,
            'x-tif-timestamp': timestamp,
            'x-tif-nonce': nonce,
            'x-tif-signature': tifSignature(timestamp, SANDBOX_SERVER_DEFAULTS.secret, nonce),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
            if (body.infcode !== 0) reject(new Error(`${infno}: ${body.err_msg}`));
            else resolve({ body, ms: performance.now() - started });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

let visitSerial = 0;

/** A registered visit with its info and two fee lines, and the 2207 input that settles it. */
async function prepareVisit(client: BenchClient, personIndex: number): Promise<Json> {
  const person = PERSONS[personIndex % PERSONS.length]!;
  const cert = { mdtrt_cert_type: '02', mdtrt_cert_no: person.certno };
  const registered = await client.call('2201', {
    data: {
      psn_no: person.psnNo, insutype: person.insutype, begntime: cstDateTime(new Date()), ...cert, ipt_otp_no: `BENCH${++visitSerial}`,
      atddr_no: 'DR001', dr_name: '李医生', dept_code: 'D01', dept_name: '内科', caty: 'A03',
    },
  });
  const mdtrtId = registered.body.output.data.mdtrt_id as string;
  await client.call('2203', { mdtrtinfo: { mdtrt_id: mdtrtId, psn_no: person.psnNo, med_type: '11', begntime: cstDateTime(new Date()) } });
  const uploaded = await client.call('2204', {
    feedetail: LINES.map((item, i) => ({
      feedetl_sn: `L${i}`, mdtrt_id: mdtrtId, psn_no: person.psnNo, chrg_bchno: 'B1', rx_circ_flag: '0', fee_ocur_time: cstDateTime(new Date()),
      med_list_codg: item.medListCodg, medins_list_codg: item.medinsListCodg, det_item_fee_sumamt: Number(fenToYuan(item.priceFen)),
      cnt: 1, pric: Number(fenToYuan(item.priceFen)), bilg_dept_codg: 'D01', bilg_dept_name: '内科', bilg_dr_codg: 'DR001',
      bilg_dr_name: '李医生', hosp_appr_flag: '1',
    })),
  });
  // The split of a bill depends on its lines only, so 2204's per-line answer gives 2207's amounts.
  const sum = (field: string) => fenToYuan(uploaded.body.output.result.reduce((s: number, l: Json) => s + yuanToFen(l[field]), 0));
  return {
    data: {
      psn_no: person.psnNo, ...cert, med_type: '11', medfee_sumamt: Number(sum('det_item_fee_sumamt')), psn_setlway: '01', mdtrt_id: mdtrtId,
      chrg_bchno: 'B1', acct_used_flag: '1', insutype: person.insutype, invono: 'BENCH', fulamt_ownpay_amt: Number(sum('fulamt_ownpay_amt')),
      overlmt_selfpay: Number(sum('overlmt_amt')), preselfpay_amt: Number(sum('preselfpay_amt')), inscp_scp_amt: Number(sum('inscp_scp_amt')),
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Round {
  perSecond: number;
  p50: number;
  p99: number;
}

async function round(url: string, signNo: string, clients: number, settlements: number): Promise<Round> {
  const client = new BenchClient(url, Math.max(clients, 16));
  client.signNo = signNo;
  const inputs: Json[] = [];
  await pool(Array.from({ length: settlements }, (_, i) => i), 16, async (i) => {
    inputs.push(await prepareVisit(client, i));
  });
  const timed = new BenchClient(url, clients);
  timed.signNo = signNo;
  const latencies: number[] = [];
  const started = performance.now();
  await pool(inputs, clients, async (input) => {
    latencies.push((await timed.call('2207', input)).ms);
  });
  const seconds = (performance.now() - started) / 1000;
  client.agent.destroy();
  timed.agent.destroy();
  latencies.sort((a, b) => a - b);
  return { perSecond: settlements / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function faceFigure(): Promise<string> {
  try {
    const { benchFaceIdentification } = await import('./face/bench');
    const result = await benchFaceIdentification({ runs: 15 });
    return `face identification (one cn.nhsa.ec.auth, 640x480 camera frame, warm): median ${result.cameraFrame.medianMs.toFixed(0)} ms, p90 ${result.cameraFrame.p90Ms.toFixed(0)} ms`;
  } catch (error) {
    return `face identification: not measured (${error instanceof Error ? error.message : String(error)})`;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      scale: { type: 'string', default: '1' },
      'no-face': { type: 'boolean', default: false },
      /** A sandbox already running with the default credentials (e.g. started under a profiler). */
      url: { type: 'string' },
    },
  });
  const rounds = Number(values.rounds);
  const scale = Number(values.scale);
  const dataDir = mkdtempSync(join(tmpdir(), 'facesettle-bench-'));
  const { url, child } = values.url ? { url: values.url, child: undefined } : await startPlatformProcess(dataDir);
  try {
    const admin = new BenchClient(url, 1);
    admin.signNo = (await admin.call('9001', { signIn: { opter_no: 'BENCH', ip: '127.0.0.1' } }, '')).body.output.signinoutb.sign_no;
    const levels: [number, number][] = [[1, 400], [8, 1500], [32, 3000]];
    const rows: string[] = [];
    for (const [clients, count] of levels) {
      const results: Round[] = [];
      for (let i = 0; i < rounds; i++) results.push(await round(url, admin.signNo, clients, Math.round(count * scale)));
      rows.push(
        `| ${String(clients).padStart(7)} | ${median(results.map((r) => r.perSecond)).toFixed(0).padStart(13)} | ${median(results.map((r) => r.p50)).toFixed(2).padStart(6)} | ${median(results.map((r) => r.p99)).toFixed(2).padStart(6)} |`,
      );
      console.error(`bench: ${clients} client(s) done`);
    }
    console.log(`\nSigned 2207 settlements over loopback, platform in its own process; medians of ${rounds} rounds`);
    console.log('| clients | settlements/s | p50 ms | p99 ms |');
    console.log('| ------: | ------------: | -----: | -----: |');
    for (const row of rows) console.log(row);
  } finally {
    if (child) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!values['no-face']) console.log(`\n${await faceFigure()}`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
