import { randomUUID } from 'node:crypto';
import { tifSignature } from '../../../sandbox/platform/tif';
import { cstCompact, cstDateTime } from '../../../sandbox/platform/wire';
import { PLATFORM_PATH } from '../../../sandbox/platform';

export interface PlatformAnswer {
  infcode: number | string;
  err_msg: string | null;
  inf_refmsgid: string;
  refmsg_time: string;
  respond_time: string;
  output: any;
}

export interface CallOptions {
  msgid?: string;
  /** Replaces or (with undefined) removes envelope fields. */
  envelope?: Record<string, unknown>;
  /** Replaces or (with undefined) removes headers. */
  headers?: Record<string, string | undefined>;
  insuplcAdmdvs?: string;
}

let sequence = 0;

/**
 * A small signed client of the sandbox platform for tests: TIF headers, the envelope, a fresh
 * msgid per call (institution + time + per-process counter), and the sign_no once signed in.
 */
export class TestPlatformClient {
  signNo: string | undefined;

  constructor(
    readonly url: string,
    readonly credentials: { paasId: string; secret: string },
    readonly institution = { code: 'H42120200001', name: '咸宁市演示医院' },
    readonly clock: () => Date = () => new Date(),
  ) {}

  nextMsgid(): string {
    sequence = (sequence + 1) % 10_000;
    return `${this.institution.code}${cstCompact(this.clock())}${String(sequence).padStart(4, '0')}`;
  }

  headers(nonce = randomUUID().replace(/-/g, ''), timestamp = String(Math.floor(this.clock().getTime() / 1000))): Record<string, string> {
    return {
      'content-type': 'application/json',
      'x-tif-paasid': this.credentials.paasId,
      'x-tif-timestamp': timestamp,
      'x-tif-nonce': nonce,
      'x-tif-signature': tifSignature(timestamp, this.credentials.secret, nonce),
    };
  }

  envelope(infno: string, input: unknown, options: CallOptions = {}): Record<string, unknown> {
    const envelope: Record<string, unknown> = {
      infno,
      msgid: options.msgid ?? this.nextMsgid(),
      mdtrtarea_admvs: '421200',
      insuplc_admdvs: options.insuplcAdmdvs ?? (JSON.stringify(input).includes('"psn_no"') ? '421200' : ''),
      recer_sys_code: 'YBXT',
      dev_no: 'KIOSK-01',
      dev_safe_info: '',
      cainfo: '',
      signtype: '',
      infver: 'V1.0',
      opter_type: '2',
      opter: 'KIOSK-01',
      opter_name: '自助终端01',
      inf_time: cstDateTime(this.clock()),
      fixmedins_code: this.institution.code,
      fixmedins_name: this.institution.name,
      sign_no: this.signNo ?? '',
      input,
    };
    for (const [key, value] of Object.entries(options.envelope ?? {})) {
      if (value === undefined) delete envelope[key];
      else envelope[key] = value;
    }
    return envelope;
  }

  async post(body: string | Buffer, headers: Record<string, string | undefined>): Promise<{ status: number; body: PlatformAnswer }> {
    const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const response = await fetch(`${this.url}${PLATFORM_PATH}`, { method: 'POST', headers: clean, body });
    return { status: response.status, body: (await response.json()) as PlatformAnswer };
  }

  /** Sends one transaction; resolves with the HTTP status and the answer envelope. */
  async send(infno: string, input: unknown, options: CallOptions = {}): Promise<{ status: number; body: PlatformAnswer; msgid: string }> {
    const envelope = this.envelope(infno, input, options);
    const headers = { ...this.headers(), ...options.headers };
    const answer = await this.post(JSON.stringify(envelope), headers);
    return { ...answer, msgid: envelope.msgid as string };
  }

  /** Sends and expects success; returns the output and the msgid used. */
  async ok(infno: string, input: unknown, options: CallOptions = {}) {
    const answer = await this.send(infno, input, options);
    if (answer.status !== 200 || Number(answer.body.infcode) !== 0) {
      throw new Error(`${infno} failed: HTTP ${answer.status} ${answer.body.err_msg}`);
    }
    return { output: answer.body.output, msgid: answer.msgid };
  }

  /** Sends and expects a refusal; returns err_msg. */
  async refused(infno: string, input: unknown, options: CallOptions = {}): Promise<string> {
    const answer = await this.send(infno, input, options);
    if (answer.status !== 200) throw new Error(`${infno}: HTTP ${answer.status}`);
    if (Number(answer.body.infcode) !== -1) throw new Error(`${infno} was not refused`);
    return answer.body.err_msg ?? '';
  }

  async signIn(): Promise<string> {
    const { output } = await this.ok('9001', { signIn: { opter_no: 'KIOSK-01', mac: '00-11-22-33-44-55', ip: '127.0.0.1' } });
    this.signNo = output.signinoutb.sign_no as string;
    return this.signNo;
  }
}
