import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import type { KioskCore } from '../../electron/core/startCore';
import { startKiosk } from '../../electron/launcher/kiosk';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { SANDBOX_DEFAULTS } from '../../shared/config/terminalConfig';
import { leaveUnresolved } from '../tools/unresolvedRows';

/**
 * A kiosk restarting after a crash mid-payment, against a platform that holds recovery's
 * reversal for seconds: the kiosk is up at once, serves every patient without an unresolved
 * payment while recovery waits, and sends the one with it to staff.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-startup-'));
let sandbox: RunningSandbox;
let core: KioskCore | undefined;
beforeAll(async () => {
  sandbox = await startSandbox({ dataDir: path.join(dir, 'sandbox'), log: () => undefined, parts: { face: false, his: true } });
});
afterAll(async () => {
  await core?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

const HOLD_MS = 6_000;

it('serves a patient without an unresolved row during start-up recovery, and tells the one with it to use staff', async () => {
  const [served, stuck] = [DEMO_PERSONS[0]!, DEMO_PERSONS[1]!];
  const dataDir = path.join(dir, 'kiosk');
  const [unresolved] = leaveUnresolved(dataDir, SANDBOX_DEFAULTS, [stuck]);
  await fetch(`${sandbox.url}/sandbox/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ infno: '2601', mode: 'latency', latencyMs: HOLD_MS, times: 1 }),
  });

  const launched = Date.now();
  core = await startKiosk({
    configFile: undefined,
    configRequired: false,
    platformUrlOverride: sandbox.url,
    healthPort: 0,
    dataDir,
    shell: 'browser-bridge',
    version: 'test',
    raiseStaffCall: () => undefined,
    log: () => undefined,
  });
  expect(Date.now() - launched).toBeLessThan(3_000);
  let recoveryDone = false;
  const recovered = core.recovered.then((report) => ((recoveryDone = true), report));
  const call = (method: string, payload: unknown) => dispatch(core!.handlers, method, payload, { warn: () => undefined }) as Promise<any>;

  // The health endpoint and the page's first call answer while recovery runs.
  const health = await fetch(core.healthUrl!);
  expect(health.status).toBe(200);
  expect(await call('getAppInfo', {})).toMatchObject({ ok: true });

  const settle = async (person: (typeof DEMO_PERSONS)[number], slotIndex: number) => {
    const identified = await call('identifyByCard', { cardNo: person.cardNo, cardSn: person.cardSn });
    expect(identified).toMatchObject({ ok: true });
    const slots = (await call('listRegistrationSlots', {})).value as Array<{ slotId: number; remaining: number }>;
    const quote = await call('prepareRegistration', { personRef: identified.value.personRef, slotId: slots.filter((s) => s.remaining > 0)[slotIndex]!.slotId });
    expect(quote).toMatchObject({ ok: true });
    return call('confirmSettlement', { quoteId: quote.value.quoteId });
  };

  expect(await settle(served, 0)).toMatchObject({ ok: true, value: { status: 'settled' } });
  expect(await settle(stuck, 1)).toMatchObject({ ok: false, error: { code: 'SETTLEMENT_PENDING', next: 'call-staff', reference: unresolved } });
  // All of that happened while recovery's reversal of the unresolved row was still held.
  expect(recoveryDone).toBe(false);
  expect(core.engine.ctx.journal.get(unresolved!)?.state).toBe('unknown');

  // The row never reached the platform: its 2601 is refused and the query finds nothing yet.
  expect(await recovered).toMatchObject({ stillUnknown: 1 });
  expect(Date.now() - launched).toBeGreaterThanOrEqual(HOLD_MS);
}, 30_000);
