import { setTimeout as sleep } from 'node:timers/promises';
import { inSavepoint, inTransaction } from '../db';
import { INJECTED_FAILURE_WORDINGS, type FaultRegistry } from '../faults/registry';
import type { BodyProblem, SandboxRequest, SandboxResponse, SandboxRoute } from '../http/types';
import type { EcTokenResolver, SandboxPart, SandboxPartDeps } from '../parts';
import type { TxContext, TxDefinition } from './context';
import { readEnvelope, type Envelope } from './envelope';
import { CAUSES, institutionText } from './causes';
import { PlatformError, refuse } from './errors';
import { FieldReader, isObject, type Json } from './fields';
import { migratePlatform } from './schema';
import { checkMsgidShape } from './msgid';
import { IdSequence, Statements } from './store';
import { createDoor, type SandboxGatewayOptions } from './gateways';
import { GatewayRefusal } from './gateways/types';
import type { TifCredentials } from './tif';
import { inpatientTransactions } from './tx/inpatient';
import { outpatientTransactions } from './tx/outpatient';
import { personTransactions } from './tx/person';
import { pharmacyTransactions } from './tx/pharmacy';
import { queryTransactions } from './tx/query';
import { reversalTransactions } from './tx/reversal';
import { checkSignedIn, sessionTransactions } from './tx/session';
import { downloadedFile, fileTransactions } from './tx/files';
import { visitQueryTransactions } from './tx/visitQuery';
import { settlementTransactions } from './tx/settlement';
import { cstCompact, cstMillis } from './wire';
import { DEMO_POLICY } from './policy/rules';
import type { Wording } from './wording';

export const PLATFORM_PATH = '/fsi/api/rsfComIfsService/callService';

export const TRANSACTIONS: Readonly<Record<string, TxDefinition>> = {
  ...sessionTransactions,
  ...personTransactions,
  ...outpatientTransactions,
  ...settlementTransactions,
  ...pharmacyTransactions,
  ...inpatientTransactions,
  ...reversalTransactions,
  ...queryTransactions,
  ...visitQueryTransactions, ...fileTransactions,
};

export interface PlatformOptions extends Omit<SandboxPartDeps, 'persons'> {
  credentials: TifCredentials;
  /** The gateway in front of the platform (TIF unless said) and its URL layout. */
  gateway?: SandboxGatewayOptions;
  faults: FaultRegistry;
  /** Freshness window of both the gateway's x-tif-timestamp and the msgid's time, in seconds. */
  tifWindowSeconds: number;
  wording: Wording;
  /** Asked lazily: the face service may be wired after the platform. */
  tokens(): EcTokenResolver | undefined;
}

interface InstitutionRow {
  code: string;
  kind: 'hospital' | 'pharmacy';
}

/**
 * The insurance platform: one endpoint, `infno` in the body. Order of checks: gateway headers,
 * content type, envelope, institution, sign-in, msgid (shape, sender, time, never used), then the
 * transaction inside one database transaction together with its message record. Every refusal
 * is `infcode: -1` naming the field and the rule in Chinese, worded differently from answer to
 * answer; an unexpected error is `infcode: -1` too, without its stack.
 */
export function createPlatform(options: PlatformOptions): SandboxPart {
  migratePlatform(options.db);
  const sql = new Statements(options.db);
  const door = createDoor(options.gateway, { credentials: options.credentials, sql, windowSeconds: options.tifWindowSeconds, wording: options.wording, clock: options.clock });
  const { wording } = options;
  const visitIds = new IdSequence(sql, 'platform_visit');
  const settlementIds = new IdSequence(sql, 'platform_settlement');
  let refSerial = 0;
  // Seeded once and never changed while running.
  const institutions = new Map(sql.all<InstitutionRow>('SELECT code, kind FROM platform_institution').map((i) => [i.code, i]));

  function answer(received: Date, infcode: 0 | -1, output: Json | null, errMsg: string | null, envelope?: Partial<Envelope>): SandboxResponse {
    refSerial = (refSerial + 1) % 10_000_000_000;
    const responded = options.clock();
    return {
      status: 200,
      body: {
        infcode,
        inf_refmsgid: `${DEMO_POLICY.area}${cstCompact(received)}${String(refSerial).padStart(10, '0')}`,
        refmsg_time: cstMillis(received),
        respond_time: cstMillis(responded),
        err_msg: errMsg,
        warn_msg: null,
        cainfo: null,
        signtype: null,
        output,
      },
      logNote: `infno=${envelope?.infno ?? '-'} msgid=${envelope?.msgid ?? '-'} infcode=${infcode}`,
    };
  }

  /** 9102 answers the file's bytes, not an envelope (spec §2.8); its refusals are envelopes. */
  function fileAnswer(file: { bytes: Uint8Array; filename: string }, envelope: Envelope): SandboxResponse {
    return {
      status: 200,
      body: Buffer.from(file.bytes),
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}` },
      logNote: `infno=${envelope.infno} msgid=${envelope.msgid} infcode=0 bytes=${file.bytes.length}`,
    };
  }

  function refusal(received: Date, error: unknown, envelope?: Partial<Envelope>): SandboxResponse {
    if (error instanceof GatewayRefusal) return error.response;
    if (error instanceof PlatformError) return answer(received, -1, null, wording.refusal(error.field, error.rule), envelope);
    options.log(`platform: unexpected error in ${envelope?.infno ?? 'request'}: ${error instanceof Error ? error.message : String(error)}`);
    const infno = envelope?.infno ? `${envelope.infno}交易` : '请求';
    return answer(received, -1, null, wording.pick([`系统内部错误，处理${infno}时异常，未做任何变更`, `系统异常（${infno}），本次请求未生效`]), envelope);
  }

  /**
   * One database transaction per request, committed whatever the outcome: the nonce is spent
   * and the msgid recorded even for a refusal, while a refused transaction's own writes are
   * rolled back to its savepoint. One commit per request is also what makes the platform fast.
   */
  function process(request: SandboxRequest, received: Date): SandboxResponse {
    const envelope = loggable(request.body);
    try {
      return inTransaction(options.db, () => checkAndRun(request, received, envelope));
    } catch (error) {
      return refusal(received, error, envelope);
    }
  }

  function checkAndRun(request: SandboxRequest, received: Date, logged: Partial<Envelope> | undefined): SandboxResponse {
    let envelope = logged;
    try {
      const body = door.admit(request, received);
      const type = request.headers['content-type'] ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) refuse('header content-type', '须为application/json');
      const checked = readEnvelope(body);
      envelope = checked;
      const tx = TRANSACTIONS[checked.infno];
      if (!tx) refuse('infno', [`未知交易${checked.infno}`, `交易编号${checked.infno}不存在`, `平台不支持交易${checked.infno}`]);
      const institution = institutions.get(checked.fixmedins_code);
      if (!institution) refuse('fixmedins_code', ['不是本平台的定点医药机构', '定点医药机构编码不存在', '未查询到该定点医药机构']);
      if (checked.mdtrtarea_admvs !== DEMO_POLICY.area) refuse('mdtrtarea_admvs', `须为本平台统筹区${DEMO_POLICY.area}`);
      if (tx.institution && tx.institution !== institution.kind) refuse('infno', `${checked.infno}交易不对${institutionText(institution.kind)}开放`);
      if (checked.infno !== '9001') checkSignedIn({ sql, envelope: checked });
      checkMsgidShape(checked.msgid, checked.fixmedins_code, received, options.tifWindowSeconds);
      if (sql.get('SELECT 1 AS x FROM platform_message WHERE msgid = ?', checked.msgid)) refuse('msgid', CAUSES.msgidUsed);
      return run(tx, checked, received);
    } catch (error) {
      return refusal(received, error, envelope);
    }
  }

  function run(tx: TxDefinition, envelope: Envelope, received: Date): SandboxResponse {
    let psnNo: string | null = null;
    const receivedText = cstMillis(received);
    const ctx: TxContext = {
      envelope,
      input: new FieldReader(envelope.input, 'input'),
      sql,
      now: received,
      tokens: options.tokens(),
      visitIds,
      settlementIds,
      notePerson: (p) => (psnNo = p),
    };
    try {
      const output = inSavepoint(options.db, () => tx.handle(ctx));
      sql.run(
        'INSERT INTO platform_message (msgid, infno, fixmedins_code, psn_no, infcode, received_at) VALUES (?, ?, ?, ?, 0, ?)',
        envelope.msgid, envelope.infno, envelope.fixmedins_code, psnNo, receivedText,
      );
      const file = downloadedFile(output);
      return file ? fileAnswer(file, envelope) : answer(received, 0, output, null, envelope);
    } catch (error) {
      const refused = refusal(received, error, envelope);
      // The msgid is spent even when refused, so a retry under it is refused without side effects.
      sql.run(
        'INSERT INTO platform_message (msgid, infno, fixmedins_code, psn_no, infcode, err_msg, received_at) VALUES (?, ?, ?, ?, -1, ?, ?)',
        envelope.msgid, envelope.infno, envelope.fixmedins_code, psnNo, (refused.body as { err_msg: string }).err_msg, receivedText,
      );
      if (error instanceof PlatformError && error.causeCode) {
        sql.run('INSERT INTO platform_refusal_cause (msgid, cause) VALUES (?, ?)', envelope.msgid, error.causeCode);
      }
      return refused;
    }
  }

  const route: SandboxRoute = {
    method: 'POST',
    path: PLATFORM_PATH,
    async handle(request) {
      const infno = isObject(request.body) && typeof request.body.infno === 'string' ? request.body.infno : '';
      const devNo = isObject(request.body) && typeof request.body.dev_no === 'string' ? request.body.dev_no : undefined;
      const plan = options.faults.take(infno, devNo);
      if (plan.latencyMs > 0) await sleep(plan.latencyMs);
      if (plan.outcome === 'drop') return { status: 0, body: null, drop: true, logNote: `infno=${infno} fault=drop` };
      const received = options.clock();
      if (plan.outcome === 'error') {
        const injected = answer(received, -1, null, plan.errMsg ?? wording.pick(INJECTED_FAILURE_WORDINGS), { infno });
        return plan.httpStatus ? { ...injected, status: plan.httpStatus } : injected;
      }
      const result = door.seal(process(request, received));
      if (plan.outcome === 'commit-then-drop') return { ...result, drop: true, logNote: `${result.logNote} fault=commit-then-drop` };
      return result;
    },
    refuseBody(problem: BodyProblem) {
      const rule = problem === 'too-large' ? '不能超过1 MiB' : ['JSON格式错误', '报文不是合法的JSON', 'JSON解析失败'];
      return answer(options.clock(), -1, null, wording.refusal('body', rule));
    },
  };
  return { routes: [...door.paths.map((path) => ({ ...route, path })), ...door.routes] };
}

/** infno and msgid of a request that failed before its envelope was read, when they look sane. */
function loggable(body: unknown): Partial<Envelope> | undefined {
  if (!isObject(body)) return undefined;
  const pick = (value: unknown, max: number) => (typeof value === 'string' && /^[A-Za-z0-9]+$/.test(value) && value.length <= max ? value : undefined);
  return { infno: pick(body.infno, 6), msgid: pick(body.msgid, 30) };
}
