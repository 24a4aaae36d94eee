import { STAFF_CALL_SIGNATURE_HEADER, type StaffCallPayload } from '../../../shared/staffCalls';
import type { StaffCallQueue } from './queue';
import { signStaffCall } from './signature';

type PostFetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ ok: boolean; status: number }>;

export interface StaffCallChannelOptions {
  queue: StaffCallQueue;
  /** The webhook; the call is not queued when there is none. */
  url: string;
  secret: string;
  fetch: PostFetch;
  clock: () => Date;
  /** How long the patient's answer waits for the first delivery (the rest is retried in the background). */
  waitMs?: number;
  /** The background retry timer; injectable so tests drive retries with their own clock. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  log: (line: string) => void;
}

export interface StaffCallChannel {
  /** Queues the call and tries to deliver it; true when the webhook accepted it within `waitMs`. */
  raise(payload: StaffCallPayload): Promise<boolean>;
  /** Sends every due call once (start-up, the retry timer, tests). */
  flush(): Promise<void>;
  close(): void;
}

export const STAFF_CALL_WAIT_MS = 3_000;

/**
 * Delivers staff calls to the hospital's webhook, signed, from the durable queue: a call the
 * webhook did not take is retried with back-off, across restarts, until it does.
 */
export function createStaffCallChannel(options: StaffCallChannelOptions): StaffCallChannel {
  const { queue, clock, log } = options;
  const waitMs = options.waitMs ?? STAFF_CALL_WAIT_MS;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
  const inFlight = new Map<number, Promise<void>>();
  let timer: unknown;
  let closed = false;

  const send = (id: number, ticket: string, body: string): Promise<void> => {
    const running = inFlight.get(id);
    if (running) return running;
    const attempt = (async () => {
      try {
        const answer = await options.fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [STAFF_CALL_SIGNATURE_HEADER]: signStaffCall(body, options.secret) },
          body,
          signal: AbortSignal.timeout(Math.max(waitMs, 1_000)),
        });
        // After close the database may be gone; the row stays due for the next start.
        if (closed) return;
        if (answer.ok) {
          queue.delivered(id, clock());
          log(`staff call ${ticket}: delivered`);
        } else {
          queue.failed(id, clock(), `HTTP ${answer.status}`);
          log(`staff call ${ticket}: webhook answered ${answer.status}; will retry`);
        }
      } catch (error) {
        if (closed) return;
        queue.failed(id, clock(), error instanceof Error ? error.message : String(error));
        log(`staff call ${ticket}: webhook unreachable; will retry`);
      } finally {
        inFlight.delete(id);
        schedule();
      }
    })();
    inFlight.set(id, attempt);
    return attempt;
  };

  function schedule(): void {
    if (closed) return;
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    const at = queue.nextDueAt();
    if (at === undefined || !options.url) return;
    timer = setTimer(() => {
      timer = undefined;
      void flush();
    }, Math.max(at - clock().getTime(), 0));
  }

  async function flush(): Promise<void> {
    if (!options.url) return;
    await Promise.all(queue.due(clock()).map((call) => send(call.id, call.ticket, call.body)));
  }

  return {
    async raise(payload) {
      if (!options.url || closed) return false;
      const body = JSON.stringify(payload);
      const id = queue.add(payload.ticket, body, clock());
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        send(id, payload.ticket, body),
        new Promise<void>((resolve) => {
          waited = setTimeout(resolve, waitMs);
        }),
      ]);
      clearTimeout(waited);
      return queue.isDelivered(id);
    },
    flush,
    close() {
      closed = true;
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
    },
  };
}
