import axios, { type AxiosInstance } from 'axios';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { codeForRefusal, type SettlementErrorCode } from '../errors';
import type { Clock } from '../time';
import { buildEnvelope, type RequestEnvelope } from './envelope';
import { transactionPath } from './gateways/endpoints';
import { GatewayAnswerError, GatewayAuthError, type Gateway, type GatewayTransport } from './gateways/types';
import { timeoutFor, type Timeouts } from './timeouts';

/** Where the single-endpoint layout posts every transaction by default (infno travels in the body). */
export const CALL_SERVICE_PATH = '/fsi/api/rsfComIfsService/callService';

export interface NhsaAnswer {
  output: Record<string, unknown>;
  errMsg: string;
  warnMsg: string;
  infRefmsgid: string;
}

/**
 * Why a call did not produce an answer. The split matters for money: `rejected` and
 * `unreachable` are known not to have taken effect; `unknown` may have, and a reversible
 * transaction left `unknown` must be reversed or confirmed before anything else happens.
 */
export type CallFailureKind = 'rejected' | 'unreachable' | 'unknown';

export class NhsaCallError extends Error {
  constructor(
    readonly kind: CallFailureKind,
    readonly code: SettlementErrorCode,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'NhsaCallError';
  }
}

export interface NhsaCall {
  infno: string;
  msgid: string;
  input: Record<string, unknown>;
  insuplcAdmdvs?: string;
  signNo?: string;
  /**
   * The time the request is signed and dated for. A journaled request passes its row's
   * creation time, so the gateway's freshness window is counted from a time the journal holds.
   */
  at?: Date;
}

/** One call as a monitor sees it (EngineOptions.observer): its transaction, time and how it ended. */
export interface PlatformCallObservation {
  infno: string;
  seconds: number;
  result: 'answered' | CallFailureKind;
}

export interface NhsaClientOptions {
  config: TerminalConfig;
  baseUrl: string;
  /** The region's gateway profile (signing.ts `signerForRegion`). */
  signer: Gateway;
  clock: Clock;
  timeouts: Timeouts;
  http?: AxiosInstance;
  /** Told of every call once it ended (Prometheus' platform latency); it must not throw. */
  onCall?: (call: PlatformCallObservation) => void;
}

/** Errors a socket reports when the request never reached a server process. */
const NOT_DELIVERED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export class NhsaClient {
  private readonly http: AxiosInstance;
  /** The calls on the wire, so a closing engine can end them (abortInFlight). */
  private readonly onTheWire = new Set<AbortController>();

  constructor(private readonly options: NhsaClientOptions) {
    this.http = options.http ?? axios.create();
  }

  /**
   * Ends every call on the wire now, as no answer (`unknown`): the engine is closing and could
   * not record their answers anyway, and each one's journal row (pending or unknown) is taken up
   * by recovery at the next start, as a lost answer would be. Calls made afterwards are unaffected.
   */
  abortInFlight(): void {
    for (const controller of this.onTheWire) controller.abort();
  }

  envelope(call: NhsaCall): RequestEnvelope {
    return buildEnvelope(this.options.config, { ...call, at: call.at ?? this.options.clock() });
  }

  async call(call: NhsaCall): Promise<NhsaAnswer> {
    return this.observed(call.infno, async () => {
      // Parsed here, not by axios: an unparsable body is an unknown outcome, not an exception.
      const response = await this.post(call, 'text');
      return parseAnswer(response.status, response.data, call.infno, (output) => this.options.signer.openOutput(output));
    });
  }

  /** Times a call for `onCall`: answered (a refusal is an answer too, counted as rejected), or why not. */
  private async observed<T>(infno: string, work: () => Promise<T>): Promise<T> {
    const onCall = this.options.onCall;
    if (!onCall) return work();
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const value = await work();
      onCall({ infno, seconds: seconds(), result: 'answered' });
      return value;
    } catch (error) {
      onCall({ infno, seconds: seconds(), result: error instanceof NhsaCallError ? error.kind : 'unknown' });
      throw error;
    }
  }

  /**
   * A file transaction (9102): posted like `call`, answered with the file's bytes as
   * `application/octet-stream`. A JSON body is an envelope: its refusal is thrown as `call`
   * throws it, and a success that carries no file is no answer.
   */
  async download(call: NhsaCall): Promise<Uint8Array> {
    return this.observed(call.infno, async () => {
      const response = await this.post(call, 'arraybuffer');
      const type = String(response.headers['content-type'] ?? '');
      const data = response.data as ArrayBuffer | Uint8Array;
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      if (response.status >= 200 && response.status < 300 && /^application\/octet-stream\s*(;|$)/i.test(type)) return bytes;
      parseAnswer(response.status, new TextDecoder().decode(bytes), call.infno);
      throw new NhsaCallError('unknown', 'OUTCOME_UNKNOWN', `no file in the ${call.infno} answer (HTTP ${response.status}, ${type || 'no content-type'})`);
    });
  }

  /**
   * One signed POST; what kind of failure it was when no HTTP answer came back. A 401 is the
   * gateway refusing the credential before the platform saw the request (only the oauth-sm
   * profile has one to renew): the same request, same msgid, is sent once more with a fresh
   * token, which the platform's msgid rule allows because the first never reached it. A second
   * 401, or no token at all, is known not done.
   */
  private async post(call: NhsaCall, responseType: 'text' | 'arraybuffer') {
    const at = call.at ?? this.options.clock();
    const path = transactionPath(this.options.config.region.endpoint, call.infno);
    if (path === undefined) throw new NhsaCallError('unreachable', 'PLATFORM_UNREACHABLE', `no path for ${call.infno} in region.endpoint.paths`);
    const body = this.options.signer.seal(this.envelope({ ...call, at }));
    let response = await this.send(this.options.baseUrl + path, body, call.infno, at, responseType);
    if (response.status === 401 && this.options.signer.unauthorized()) {
      response = await this.send(this.options.baseUrl + path, body, call.infno, at, responseType);
    }
    if (response.status === 401) throw new NhsaCallError('unreachable', 'PLATFORM_UNREACHABLE', `gateway refused the credential (HTTP 401, ${call.infno})`);
    return response;
  }

  private async send(url: string, body: Record<string, unknown>, infno: string, at: Date, responseType: 'text' | 'arraybuffer') {
    let headers: Record<string, string>;
    try {
      headers = await this.options.signer.headers({ infno, at }, this.transport);
    } catch (error) {
      if (error instanceof GatewayAuthError) throw new NhsaCallError('unreachable', 'PLATFORM_UNREACHABLE', error.message);
      throw error;
    }
    const controller = new AbortController();
    this.onTheWire.add(controller);
    try {
      return await this.http.post(url, body, {
        headers: { 'content-type': 'application/json', ...headers },
        timeout: timeoutFor(this.options.timeouts, infno),
        signal: controller.signal,
        responseType,
        ...(responseType === 'text' ? { transformResponse: (raw: unknown) => raw } : {}),
        validateStatus: () => true,
        proxy: false,
      });
    } catch (error) {
      const code = axios.isAxiosError(error) ? (error.code ?? '') : '';
      if (NOT_DELIVERED.has(code)) throw new NhsaCallError('unreachable', 'PLATFORM_UNREACHABLE', code);
      throw new NhsaCallError('unknown', 'OUTCOME_UNKNOWN', code || String(error));
    } finally {
      this.onTheWire.delete(controller);
    }
  }

  /** The token request of the oauth-sm profile, on the gateway's host, with the default timeout. */
  private readonly transport: GatewayTransport = {
    postForm: async (path, form, headers) => {
      const response = await this.http.post(this.options.baseUrl + path, new URLSearchParams(form).toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        timeout: this.options.timeouts.default,
        responseType: 'text',
        transformResponse: (raw: unknown) => raw,
        validateStatus: () => true,
        proxy: false,
      });
      return { status: response.status, body: typeof response.data === 'string' ? response.data : '' };
    },
  };
}

/**
 * infcode arrives as 0 or "0" (spec §1.2); anything but a well-formed envelope is unknown. A
 * refusal's meaning comes from the refused transaction (`infno`), never from its err_msg.
 * An HTTP 5xx is the gateway (or something behind it) failing, whatever body it carries: a
 * gateway that timed out waiting for the platform can wrap an infcode -1 around a request the
 * platform went on to settle, so a 5xx is no answer (unknown), never a refusal.
 */
export function parseAnswer(status: number, raw: unknown, infno = '', openOutput: (output: unknown) => unknown = (o) => o): NhsaAnswer {
  if (status >= 500) throw new NhsaCallError('unknown', 'OUTCOME_UNKNOWN', `gateway failed (HTTP ${status}${infno ? `, ${infno}` : ''})`);
  let body: unknown;
  try {
    body = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    throw new NhsaCallError('unknown', 'OUTCOME_UNKNOWN', `unparsable answer (HTTP ${status})`);
  }
  if (body === null || typeof body !== 'object' || !('infcode' in body)) {
    throw new NhsaCallError('unknown', 'OUTCOME_UNKNOWN', `no envelope in answer (HTTP ${status})`);
  }
  const envelope = body as Record<string, unknown>;
  const rawCode = envelope.infcode;
  const infcode =
    typeof rawCode === 'number' ? rawCode : typeof rawCode === 'string' && /^\s*-?\d+\s*$/.test(rawCode) ? Number(rawCode) : NaN;
  const errMsg = typeof envelope.err_msg === 'string' ? envelope.err_msg : '';
  if (!Number.isInteger(infcode)) {
    throw new NhsaCallError('unknown', 'OUTCOME_UNKNOWN', `infcode not a number (HTTP ${status})`);
  }
  if (infcode !== 0) throw new NhsaCallError('rejected', codeForRefusal(infno), errMsg || `infcode ${infcode}`);
  let output: unknown;
  try {
    output = openOutput(envelope.output);
  } catch (error) {
    // A success we cannot read may have taken effect: unknown, like any unreadable answer.
    if (error instanceof GatewayAnswerError) throw new NhsaCallError('unknown', 'OUTCOME_UNKNOWN', `${error.message} (${infno})`);
    throw error;
  }
  return {
    output: output && typeof output === 'object' ? (output as Record<string, unknown>) : {},
    errMsg,
    warnMsg: typeof envelope.warn_msg === 'string' ? envelope.warn_msg : '',
    infRefmsgid: typeof envelope.inf_refmsgid === 'string' ? envelope.inf_refmsgid : '',
  };
}
