import { DatabaseSync } from 'node:sqlite';
import { dispatch } from '../../../electron/core/dispatch';
import type { CoreDeps } from '../../../electron/core/handlers';
import { appHandlers } from '../../../electron/core/handlers/app';
import { createStaffCallChannel, type StaffCallChannel } from '../../../electron/core/staffCalls/channel';
import { StaffCallQueue } from '../../../electron/core/staffCalls/queue';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { STAFF_CALLS_PATH } from '../../../sandbox/staffCalls/routes';
import { SANDBOX_DEFAULTS } from '../../../shared/config/terminalConfig';
import type { KioskHandlers } from '../../../shared/ipc/contract';

/**
 * Issue 13 item 6, "done when": a staff call reaches the sandbox's receiver through the signed
 * webhook, survives the receiver being down for a minute, and is acknowledged. The minute passes
 * on an injected clock: the channel's own retry timer is driven by it, never by real time.
 */
const SECRET = 'delivery-test-staff-call-secret';
const T0 = Date.parse('2026-11-30T09:00:00.000Z');

/** A clock and the timers set against it: `advance` moves time and fires what falls due, in order. */
class TestTime {
  now = T0;
  private timers: Array<{ at: number; run: () => void }> = [];
  readonly clock = () => new Date(this.now);
  readonly setTimer = (run: () => void, ms: number) => {
    const timer = { at: this.now + ms, run };
    this.timers.push(timer);
    return timer;
  };
  readonly clearTimer = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t !== handle);
  };
  /** Moves to `now + ms`, firing each due timer at its own time and letting its delivery finish. */
  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.now = next.at;
      next.run();
      await settle();
    }
    this.now = end;
  }
}

let time: TestTime;
let receiver: RunningSandbox | undefined;
let channel: StaffCallChannel | undefined;
afterEach(async () => {
  channel?.close();
  await receiver?.close();
  receiver = undefined;
});

const startReceiver = (port = 0) =>
  startSandbox({ port, parts: { face: false, his: false }, log: () => undefined, staffCallSecret: SECRET, clock: () => time.clock() });

const openCalls = async (url: string) =>
  ((await (await fetch(`${url}${STAFF_CALLS_PATH}`)).json()) as { calls: Array<{ ticket: string; receivedAt: string; reason: string; screen: string | null }> }).calls;

it('a call raised while the receiver is down for a minute is delivered when it is back, and staff acknowledge it', async () => {
  time = new TestTime();
  receiver = await startReceiver();
  const { port, url } = receiver;
  const db = new DatabaseSync(':memory:');
  const queue = new StaffCallQueue(db);
  channel = createStaffCallChannel({
    queue,
    url: `${url}${STAFF_CALLS_PATH}`,
    secret: SECRET,
    fetch: (u, init) => fetch(u, init),
    clock: time.clock,
    waitMs: 1_000,
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
    log: () => undefined,
  });
  const calls = channel;
  const handlers = appHandlers({
    config: SANDBOX_DEFAULTS,
    clock: time.clock,
    raiseStaffCall: () => undefined,
    staffCalls: calls,
  } as unknown as CoreDeps) as unknown as KioskHandlers;
  const callStaff = async () =>
    (await dispatch(handlers, 'callStaff', { reason: 'payment-problem', screen: 'problem' }, { warn: () => undefined })) as { ok: true; value: { ticket: string; delivered: boolean } };

  // The receiver goes down; the patient's call cannot be delivered, and the page is told so (请到人工窗口).
  await receiver.close();
  receiver = undefined;
  const raised = await callStaff();
  expect(raised).toMatchObject({ ok: true, value: { delivered: false } });
  const ticket = raised.value.ticket;
  expect(queue.pending()).toBe(1);

  // A minute down: the retries at 5 s, 15 s and 35 s find nobody; the call stays queued.
  const settle = () => calls.flush();
  await time.advance(60_000, settle);
  expect(queue.pending()).toBe(1);
  const row = () => db.prepare('SELECT attempts, delivered_at AS deliveredAt FROM staff_call_outbox').get() as { attempts: number; deliveredAt: number | null };
  expect(row()).toEqual({ attempts: 4, deliveredAt: null });

  // Back after the minute, on the same address: the next retry (75 s, the back-off doubling) delivers it.
  receiver = await startReceiver(port);
  await time.advance(15_000, settle);
  expect(queue.pending()).toBe(0);
  expect(row()).toEqual({ attempts: 5, deliveredAt: T0 + 75_000 });
  expect(await openCalls(url)).toEqual([expect.objectContaining({ ticket, reason: 'payment-problem', screen: 'problem', receivedAt: new Date(T0 + 75_000).toISOString() })]);

  // Staff acknowledge it at the receiver: it leaves the open list.
  const ack = await fetch(`${url}${STAFF_CALLS_PATH}/${ticket}/ack`, { method: 'POST' });
  expect(ack.status).toBe(200);
  expect(await openCalls(url)).toEqual([]);
}, 30_000);
