import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { dispatch } from '../../../electron/core/dispatch';
import type { CoreDeps } from '../../../electron/core/handlers';
import { appHandlers } from '../../../electron/core/handlers/app';
import { SANDBOX_DEFAULTS } from '../../../shared/config/terminalConfig';
import type { KioskHandlers } from '../../../shared/ipc/contract';
import { createStaffCallChannel, type StaffCallChannel } from '../../../electron/core/staffCalls/channel';
import { StaffCallQueue } from '../../../electron/core/staffCalls/queue';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { STAFF_CALL_SIGNATURE_HEADER, type StaffCallPayload } from '../../../shared/staffCalls';

const SECRET = 'test-staff-call-secret';
let sandbox: RunningSandbox;
const channels: StaffCallChannel[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ parts: { face: false, his: false }, log: () => undefined, staffCallSecret: SECRET });
});
afterAll(async () => {
  channels.forEach((c) => c.close());
  await sandbox.close();
});

const payload = (ticket: string): StaffCallPayload => ({
  ticket,
  terminalId: 'KIOSK-01',
  terminalName: '自助终端01',
  mode: 'registration',
  reason: 'help',
  screen: 'consent',
  raisedAt: new Date().toISOString(),
});

function channel(db: DatabaseSync, url: string, clock: () => Date, secret = SECRET): StaffCallChannel {
  const made = createStaffCallChannel({
    queue: new StaffCallQueue(db),
    url,
    secret,
    fetch: (u, init) => fetch(u, init),
    clock,
    waitMs: 1_000,
    // Retries are driven by the test's clock and flush(), not by real time.
    setTimer: () => undefined,
    clearTimer: () => undefined,
    log: () => undefined,
  });
  channels.push(made);
  return made;
}

const openCalls = async () => ((await (await fetch(`${sandbox.url}/staff-calls`)).json()) as { calls: StaffCallPayload[] }).calls;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('staff calls to the sandbox reference receiver', () => {
  it('delivers a call, which staff see listed until they acknowledge it', async () => {
    const calls = channel(new DatabaseSync(':memory:'), `${sandbox.url}/staff-calls`, () => new Date());
    expect(await calls.raise(payload('S101'))).toBe(true);
    const listed = await openCalls();
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ ticket: 'S101', reason: 'help', screen: 'consent', terminalId: 'KIOSK-01' })]));

    const ack = await fetch(`${sandbox.url}/staff-calls/S101/ack`, { method: 'POST' });
    expect(ack.status).toBe(200);
    expect((await openCalls()).map((c) => c.ticket)).not.toContain('S101');
    expect((await fetch(`${sandbox.url}/staff-calls/S101/ack`, { method: 'POST' })).status).toBe(404);
  });

  it('queues a call while the receiver is down and delivers it after a restart once the back-off has passed', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'facesettle-staffcall-')), 'kiosk.db');
    let now = new Date('2026-11-30T08:00:00.000Z');
    const down = channel(new DatabaseSync(file), `http://127.0.0.1:${await closedPort()}/staff-calls`, () => now);
    expect(await down.raise(payload('S102'))).toBe(false);
    down.close();

    const db = new DatabaseSync(file);
    const up = channel(db, `${sandbox.url}/staff-calls`, () => now);
    now = new Date(now.getTime() + 4_999);
    await up.flush();
    expect((await openCalls()).map((c) => c.ticket)).not.toContain('S102');
    now = new Date(now.getTime() + 1);
    await up.flush();
    expect((await openCalls()).map((c) => c.ticket)).toContain('S102');
    expect(new StaffCallQueue(db).pending()).toBe(0);
  });

  it('refuses a call signed with another secret, and the kiosk keeps it queued', async () => {
    const body = JSON.stringify(payload('S103'));
    const forged = `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`;
    const refused = await fetch(`${sandbox.url}/staff-calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [STAFF_CALL_SIGNATURE_HEADER]: forged },
      body,
    });
    expect(refused.status).toBe(401);
    const unsigned = await fetch(`${sandbox.url}/staff-calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);

    const db = new DatabaseSync(':memory:');
    const wrong = channel(db, `${sandbox.url}/staff-calls`, () => new Date(), 'not-the-secret');
    expect(await wrong.raise(payload('S104'))).toBe(false);
    expect(new StaffCallQueue(db).pending()).toBe(1);
    expect((await openCalls()).map((c) => c.ticket)).not.toContain('S103');
    expect((await openCalls()).map((c) => c.ticket)).not.toContain('S104');
  });

  it('answers the page delivered: true, and neither the webhook nor the log sees a free-text screen', async () => {
    const raised: string[] = [];
    const deps = {
      config: SANDBOX_DEFAULTS,
      clock: () => new Date(),
      raiseStaffCall: (ticket: string, reason: string, screen: string) => raised.push(`${ticket} ${reason} ${screen}`),
      staffCalls: channel(new DatabaseSync(':memory:'), `${sandbox.url}/staff-calls`, () => new Date()),
    } as unknown as CoreDeps;
    const handlers = appHandlers(deps) as unknown as KioskHandlers;
    const answer = (await dispatch(handlers, 'callStaff', { reason: 'face-failed', screen: '张三 421202199001010017' }, { warn: () => undefined })) as {
      ok: true;
      value: { ticket: string; delivered: boolean };
    };
    expect(answer).toMatchObject({ ok: true, value: { delivered: true } });
    const listed = (await openCalls()).find((c) => c.ticket === answer.value.ticket && c.reason === 'face-failed');
    expect(listed).toMatchObject({ screen: null, terminalName: SANDBOX_DEFAULTS.terminal.name, mode: SANDBOX_DEFAULTS.terminal.mode });
    expect(JSON.stringify(await openCalls())).not.toContain('4212021990');
    expect(raised).toEqual([`${answer.value.ticket} face-failed unknown screen`]);
  });
});
