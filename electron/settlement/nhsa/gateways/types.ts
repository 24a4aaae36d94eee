import type { RegionProfile } from '../../../../shared/config/terminalConfig';
import type { RequestEnvelope } from '../envelope';

/** One request as the gateway layer sees it: which transaction, and the time it is dated for. */
export interface GatewayRequest {
  infno: string;
  at: Date;
}

/** What a profile may ask of the client's HTTP: a form POST to the gateway's host (OAuth token). */
export interface GatewayTransport {
  postForm(path: string, form: Record<string, string>, headers: Record<string, string>): Promise<{ status: number; body: string }>;
}

/**
 * The provincial wrapping around the NHSA envelope (spec §1.3): the headers of a request, the
 * envelope as sent and the answer's output as read. The client keeps the HTTP, the URL and the
 * meaning of failures; a profile only knows its own gateway's rules.
 */
export interface Gateway {
  readonly profile: RegionProfile;
  headers(request: GatewayRequest, transport: GatewayTransport): Promise<Record<string, string>>;
  /** The body to post (oauth-sm with encryption: `input` sealed, `cainfo` signed). */
  seal(envelope: RequestEnvelope): Record<string, unknown>;
  /** The answer's `output` as the transaction reads it; throws GatewayAnswerError when it cannot be read. */
  openOutput(output: unknown): unknown;
  /**
   * The gateway answered 401: forget the credential. True when a fresh one may be let in, so the
   * client sends the same request once more; false when nothing would change (no token involved).
   */
  unauthorized(): boolean;
}

/** No credential could be had (token endpoint refused or unreachable): the request was not sent. */
export class GatewayAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayAuthError';
  }
}

/** An answer whose output the profile cannot read (e.g. not decryptable). */
export class GatewayAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayAnswerError';
  }
}

/** Gateways that add only headers: the envelope and output pass unchanged. */
export function headerOnlyGateway(
  profile: RegionProfile,
  headers: (request: GatewayRequest) => Record<string, string>,
): Gateway {
  return {
    profile,
    headers: async (request) => headers(request),
    seal: (envelope) => ({ ...envelope }),
    openOutput: (output) => output,
    unauthorized: () => false,
  };
}
