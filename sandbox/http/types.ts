/**
 * The sandbox's routing contract. Each part of the sandbox (platform, face service, hospital
 * system, admin) contributes routes; `server.ts` owns transport concerns (body limit, JSON
 * parsing, loopback checks, logging) so the parts only see parsed requests.
 */
export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  /** Parsed JSON body, or undefined when the body was empty. Malformed JSON never reaches a route. */
  body: unknown;
  rawBody: Buffer;
  remoteAddress: string;
}

export interface SandboxResponse {
  status: number;
  /** Sent as JSON; a Buffer is sent as its bytes, `application/octet-stream` (e.g. 9102's file). */
  body: unknown;
  headers?: Record<string, string>;
  /** Destroy the socket instead of answering (fault injection: a dropped connection). */
  drop?: boolean;
  /** Extra words for the request's one log line (e.g. `2207 msgid=… infcode=0`); no personal data. */
  logNote?: string;
}

/** Why the server refused a body before it reached the route. */
export type BodyProblem = 'too-large' | 'malformed-json';

export interface SandboxRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Exact path, or a prefix ending in `/*`. */
  path: string;
  /** Refused unless the request comes from 127.0.0.0/8 or ::1 (enrolment, admin, fault injection). */
  loopbackOnly?: boolean;
  handle(request: SandboxRequest): Promise<SandboxResponse> | SandboxResponse;
  /** The route's own answer to a body the server could not accept; a generic 400/413 otherwise. */
  refuseBody?(problem: BodyProblem, request: Omit<SandboxRequest, 'body'>): SandboxResponse;
}
