import { mkdtempSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AdminGate } from '../../electron/core/adminGate';
import { dispatch } from '../../electron/core/dispatch';
import { createLogger } from '../../electron/core/logging/logger';
import { lockingAuthoriser, withOperatorLockout } from '../../electron/core/operatorLockout';
import { ADMIN_HOLDER, operatorHolder, PinLockout, pinLockedMessage, type LockoutLog } from '../../electron/core/pinLockout';
import type { KioskCore } from '../../electron/core/startCore';
import { startKiosk } from '../../electron/launcher/kiosk';
import { openKioskDb } from '../../electron/settlement/db';
import { pinAuthoriser } from '../../electron/settlement/usecases/operators';
import { SANDBOX_DEFAULTS } from '../../shared/config/terminalConfig';

const ADMIN_PIN = '135790';
const OPERATOR = { operatorId: 'OP001', pin: '246810' };
const T0 = Date.parse('2026-11-30T06:00:00.000Z'); // 14:00 in China

const dbFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'facesettle-lockout-')), 'kiosk.db');

describe('PinLockout', () => {
  const setup = (file = dbFile(), maxFailures = 5) => {
    let now = T0;
    const logged: Parameters<LockoutLog>[] = [];
    const db = new DatabaseSync(file);
    const lockout = new PinLockout(db, () => now, { maxFailures, lockMs: 5 * 60_000 }, (msg, data) => logged.push([msg, data]));
    return { db, lockout, logged, file, advance: (ms: number) => (now += ms), now: () => now };
  };

  it('locks a holder after the configured number of wrong PINs, and not the others', () => {
    const { lockout } = setup(undefined, 3);
    expect(lockout.attempt('admin', () => false)).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 2 });
    expect(lockout.attempt('admin', () => false)).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 1 });
    expect(lockout.attempt('admin', () => false)).toEqual({ ok: false, reason: 'locked', lockedUntil: T0 + 300_000 });
    expect(lockout.attempt(operatorHolder('OP001'), () => true)).toEqual({ ok: true });
    expect(lockout.locked()).toEqual([{ holder: 'admin', lockedUntil: T0 + 300_000 }]);
  });

  it('refuses even the right PIN while locked, without checking it, and unlocks when the time is up', () => {
    const { lockout, advance, logged } = setup();
    for (let i = 0; i < 5; i++) lockout.attempt('admin', () => false);
    const verify = jest.fn(() => true);
    advance(299_999);
    expect(lockout.attempt('admin', verify)).toMatchObject({ ok: false, reason: 'locked' });
    expect(verify).not.toHaveBeenCalled();
    advance(1);
    expect(lockout.attempt('admin', verify)).toEqual({ ok: true });
    expect(logged).toEqual([
      ['pin lockout: locked', { holder: 'admin', failures: 5, lockedUntil: new Date(T0 + 300_000).toISOString() }],
      ['pin lockout: unlocked', { holder: 'admin', lockedUntil: new Date(T0 + 300_000).toISOString() }],
    ]);
    // After the lock, a fresh count of five.
    expect(lockout.attempt('admin', () => false)).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 4 });
  });

  it('starts the count again after a right PIN', () => {
    const { lockout } = setup();
    for (let i = 0; i < 4; i++) lockout.attempt('admin', () => false);
    expect(lockout.attempt('admin', () => true)).toEqual({ ok: true });
    expect(lockout.attempt('admin', () => false)).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 4 });
  });

  it('keeps counts and locks across a restart (the database file reopened)', () => {
    const first = setup();
    for (let i = 0; i < 3; i++) first.lockout.attempt('admin', () => false);
    for (let i = 0; i < 5; i++) first.lockout.attempt(operatorHolder('OP001'), () => false);
    first.db.close();
    const again = new PinLockout(openKioskDb(first.file), () => T0 + 60_000);
    expect(again.lockedUntil(operatorHolder('OP001'))).toBe(T0 + 300_000);
    expect(again.attempt('admin', () => false)).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 1 });
  });

  it('tells staff in Chinese when it unlocks, in China time, rounded up to the minute', () => {
    expect(pinLockedMessage(T0 + 300_000, 'admin')).toBe('管理密码已锁定，14:05 后可再试');
    expect(pinLockedMessage(T0 + 300_500, { operatorId: 'OP001' })).toBe('工号 OP001 的密码错误次数过多，已锁定，14:06 后可再试，或请其他工作人员办理');
  });
});

describe('admin gate and operator PINs over a reopened database', () => {
  const hashes = Object.fromEntries(SANDBOX_DEFAULTS.operators.map((o) => [o.id, o.pinHash]));

  it('a restarted admin gate keeps the lock: the right PIN waits it out', () => {
    const file = dbFile();
    let now = T0;
    const db = openKioskDb(file);
    const gate = new AdminGate(SANDBOX_DEFAULTS.admin.pinHash, () => now, new PinLockout(db, () => now));
    const answers = Array.from({ length: 5 }, () => gate.unlock('000000'));
    expect(answers.map((a) => (a.ok ? 'ok' : a.reason))).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked']);
    db.close();

    const reopened = openKioskDb(file);
    const restarted = new AdminGate(SANDBOX_DEFAULTS.admin.pinHash, () => now, new PinLockout(reopened, () => now));
    expect(restarted.unlock(ADMIN_PIN)).toEqual({ ok: false, reason: 'locked', lockedUntil: T0 + 300_000 });
    now += 300_000;
    expect(restarted.unlock(ADMIN_PIN)).toMatchObject({ ok: true });
  });

  it('an operator locked before a restart stays locked; unknown ids are not counted', () => {
    const file = dbFile();
    const db = openKioskDb(file);
    const lockout = new PinLockout(db, () => T0);
    const operators = lockingAuthoriser(pinAuthoriser(hashes), () => lockout, (id) => id in hashes);
    for (let i = 0; i < 5; i++) expect(operators.verify('OP001', '000000')).toBe(false);
    for (let i = 0; i < 10; i++) expect(operators.verify('NOBODY', '000000')).toBe(false);
    expect(lockout.locked()).toEqual([{ holder: operatorHolder('OP001'), lockedUntil: T0 + 300_000 }]);
    db.close();

    const reopened = new PinLockout(openKioskDb(file), () => T0 + 1000);
    const restarted = lockingAuthoriser(pinAuthoriser(hashes), () => reopened, (id) => id in hashes);
    expect(restarted.verify(OPERATOR.operatorId, OPERATOR.pin)).toBe(false);
    expect(reopened.locked().map((l) => l.holder)).toEqual([operatorHolder('OP001')]);
  });
});

describe('the API boundary', () => {
  it("answers LOCKED_OUT for a bare PIN too: the signed-in operator's, as the cashier's cash confirmation sends it", async () => {
    const lockout = new PinLockout(openKioskDb(dbFile()), () => T0);
    const seen: unknown[] = [];
    const api = withOperatorLockout(
      { confirmCashTaken: async (raw: unknown) => (seen.push(raw), { ok: false as const, error: { code: 'NOT_AUTHORISED' } }) },
      () => lockout,
      () => 'OP001',
    );
    expect(await api.confirmCashTaken({ setlId: 'S1', pin: '000000' })).toEqual({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    for (let i = 0; i < 5; i++) lockout.attempt(operatorHolder('OP001'), () => false);
    await expect(api.confirmCashTaken({ setlId: 'S1', pin: OPERATOR.pin })).rejects.toMatchObject({ code: 'LOCKED_OUT', message: expect.stringMatching(/^工号 OP001 的/) });
    // Locked: the use-case is not even asked.
    expect(seen).toHaveLength(1);
  });
});

describe('lockouts through the kiosk API, across a restart of the core', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'facesettle-lockout-core-'));
  // No face service: this test needs the platform and the journal, not Human's models.
  const configFile = path.join(dataDir, 'terminal.json');
  writeFileSync(configFile, JSON.stringify({ evoucher: { url: 'http://127.0.0.1:9' }, terminal: { mode: 'cashier' } }));
  const lines: string[] = [];
  let core: KioskCore | undefined;
  const start = async () =>
    (core = await startKiosk({
      configFile,
      configRequired: true,
      platformUrlOverride: undefined,
      healthPort: null,
      dataDir,
      shell: 'browser-bridge',
      version: 'test',
      raiseStaffCall: () => undefined,
      logger: createLogger({ sink: { write: (line) => lines.push(line) } }),
      log: () => undefined,
    }));
  const call = (method: string, payload: unknown) => dispatch(core!.handlers, method, payload, { warn: () => undefined }) as Promise<any>;
  afterAll(() => core?.close());

  it('locks the operator (sign-in and cancel) and the admin PIN, says until when, and keeps both locked after a restart', async () => {
    await start();
    const { value: admin } = await call('adminUnlock', { pin: ADMIN_PIN });
    for (let i = 0; i < 4; i++) {
      expect(await call('signInOperator', { adminToken: admin.adminToken, operatorId: 'OP001', pin: '000000' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    }
    // The fifth wrong PIN is a cancel's: every operator PIN check counts against the same holder.
    const fifth = await call('cancelSettlement', { setlId: 'S-NONE', operatorId: 'OP001', pin: '000000' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT', next: 'call-staff' } });
    expect(fifth.error.message).toMatch(/^工号 OP001 的密码错误次数过多，已锁定，\d\d:\d\d 后可再试/);
    expect(await call('signInOperator', { adminToken: admin.adminToken, ...OPERATOR })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });

    for (let i = 0; i < 4; i++) expect(await call('adminUnlock', { pin: '000000' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    const adminLocked = await call('adminUnlock', { pin: '000000' });
    expect(adminLocked).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    expect(adminLocked.error.message).toMatch(/^管理密码已锁定，\d\d:\d\d 后可再试$/);

    // The diagnostics (health report) name both holders while the admin token still holds.
    const diagnostics = await call('getDiagnostics', { adminToken: admin.adminToken });
    expect(diagnostics.value.health.checks.pinLockout).toMatchObject({ status: 'warn', locked: [{ holder: ADMIN_HOLDER }, { holder: 'operator:OP001' }] });

    await core!.close();
    core = undefined;
    await start();
    expect(await call('adminUnlock', { pin: ADMIN_PIN })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    expect(await call('cancelSettlement', { setlId: 'S-NONE', ...OPERATOR })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });

    const lockLines = lines.filter((line) => line.includes('pin lockout'));
    expect(lockLines.map((line) => JSON.parse(line)).map((e) => [e.msg, e.data.holder])).toEqual([
      ['pin lockout: locked', 'operator:OP001'],
      ['pin lockout: locked', 'admin'],
    ]);
    // No PIN tried, right or wrong, is in any line written.
    for (const pin of ['000000', OPERATOR.pin, ADMIN_PIN]) expect(lines.filter((line) => line.includes(pin))).toEqual([]);
  }, 60_000);
});
