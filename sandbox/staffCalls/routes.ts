import { createHmac, timingSafeEqual } from 'node:crypto';
import { STAFF_CALL_REASONS, STAFF_CALL_SIGNATURE_HEADER } from '../../shared/staffCalls';
import type { SandboxRequest, SandboxResponse, SandboxRoute } from '../http/types';

/**
 * A reference receiver for the kiosk's staff-call webhook (README "Staff calls"): what a
 * hospital's nurse-call or paging system would do, kept small. It refuses a body whose
 * signature does not match, keeps the open calls in memory and lets staff acknowledge them.
 */
export interface StaffCallReceiverOptions {
  secret: string;
  clock: () => Date;
}

export interface ReceivedStaffCall {
  ticket: string;
  terminalId: string;
  terminalName: string;
  mode: string;
  reason: string;
  screen: string | null;
  raisedAt: string;
  receivedAt: string;
  acknowledgedAt: string | null;
}

export const STAFF_CALLS_PATH = '/staff-calls';

function signatureMatches(raw: Buffer, secret: string, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const text = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;

function parseCall(body: unknown): Omit<ReceivedStaffCall, 'receivedAt' | 'acknowledgedAt'> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const ok =
    text(b.ticket, 16) && text(b.terminalId, 20) && text(b.terminalName, 50) && text(b.mode, 20) &&
    (STAFF_CALL_REASONS as readonly unknown[]).includes(b.reason) && (b.screen === null || text(b.screen, 40)) && text(b.raisedAt, 40);
  if (!ok) return undefined;
  return {
    ticket: b.ticket as string,
    terminalId: b.terminalId as string,
    terminalName: b.terminalName as string,
    mode: b.mode as string,
    reason: b.reason as string,
    screen: b.screen as string | null,
    raisedAt: b.raisedAt as string,
  };
}

export function createStaffCallReceiver(options: StaffCallReceiverOptions): SandboxRoute[] {
  // Keyed by terminal and ticket: tickets are short and repeat across terminals and days.
  const calls = new Map<string, ReceivedStaffCall>();
  const keyOf = (terminalId: string, ticket: string) => `${terminalId}/${ticket}`;

  const receive = (request: SandboxRequest): SandboxResponse => {
    if (!signatureMatches(request.rawBody, options.secret, request.headers[STAFF_CALL_SIGNATURE_HEADER])) {
      return { status: 401, body: { error: 'signature does not match' }, logNote: ' refused=signature' };
    }
    const call = parseCall(request.body);
    if (!call) return { status: 400, body: { error: 'not a staff call' } };
    const key = keyOf(call.terminalId, call.ticket);
    const known = calls.get(key);
    // A retry of a call already received (its answer was lost) is the same call, not a new one.
    if (known && known.raisedAt === call.raisedAt) return { status: 200, body: { received: true, duplicate: true } };
    calls.set(key, { ...call, receivedAt: options.clock().toISOString(), acknowledgedAt: null });
    return { status: 200, body: { received: true }, logNote: ` ticket=${call.ticket}` };
  };

  const list = (): SandboxResponse => ({
    status: 200,
    body: { calls: [...calls.values()].filter((c) => c.acknowledgedAt === null).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt)) },
  });

  const ack = (request: SandboxRequest): SandboxResponse => {
    const match = /^\/staff-calls\/([^/]+)\/ack$/.exec(request.path);
    if (!match) return { status: 404, body: { error: 'POST /staff-calls/{ticket}/ack' } };
    const ticket = decodeURIComponent(match[1]!);
    const terminalId = request.query.get('terminalId');
    const open = [...calls.values()].filter((c) => c.ticket === ticket && c.acknowledgedAt === null && (!terminalId || c.terminalId === terminalId));
    if (open.length === 0) return { status: 404, body: { error: `no open call ${ticket}` } };
    if (open.length > 1) return { status: 409, body: { error: `several terminals have an open ${ticket}: add ?terminalId=` } };
    open[0]!.acknowledgedAt = options.clock().toISOString();
    return { status: 200, body: { call: open[0] } };
  };

  return [
    { method: 'POST', path: STAFF_CALLS_PATH, handle: receive },
    { method: 'GET', path: STAFF_CALLS_PATH, handle: list },
    // Staff's side of the demo: acknowledging is for this machine only.
    { method: 'POST', path: `${STAFF_CALLS_PATH}/*`, loopbackOnly: true, handle: ack },
  ];
}
