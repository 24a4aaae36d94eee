import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { createLogger } from '../../electron/core/logging/logger';
import type { KioskCore } from '../../electron/core/startCore';
import { startKiosk } from '../../electron/launcher/kiosk';

const ADMIN_PIN = '135790';
const OPERATOR = { operatorId: 'OP001', pin: '246810' };
const LOCKED = /^工号 OP001 的密码错误次数过多，已锁定，\d\d:\d\d 后可再试/;

/**
 * The staff side's PIN methods over the kiosk API (the real core: embedded sandbox, journal and
 * lockouts in SQLite). The page sends a PIN only; main names the signed-in operator, so a wrong
 * PIN counts toward their lockout and a locked operator is told LOCKED_OUT with the time it ends,
 * on cash taken, today's lookup and 交班签退 alike.
 */
describe('the staff side’s PINs are the signed-in operator’s, lockout included (kiosk API)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'facesettle-staffdesk-'));
  const configFile = path.join(dataDir, 'terminal.json');
  // No face service: this test needs the platform and the journal, not Human's models.
  writeFileSync(configFile, JSON.stringify({ evoucher: { url: 'http://127.0.0.1:9' }, terminal: { mode: 'cashier' } }));
  let core: KioskCore | undefined;
  beforeAll(async () => {
    core = await startKiosk({
      configFile,
      configRequired: true,
      platformUrlOverride: undefined,
      healthPort: null,
      dataDir,
      shell: 'browser-bridge',
      version: 'test',
      raiseStaffCall: () => undefined,
      logger: createLogger({ sink: { write: () => undefined } }),
      log: () => undefined,
    });
  }, 60_000);
  afterAll(() => core?.close());
  const call = (method: string, payload: unknown) => dispatch(core!.handlers, method, payload, { warn: () => undefined }) as Promise<any>;
  const signIn = async () => {
    const { value } = await call('adminUnlock', { pin: ADMIN_PIN });
    expect(await call('signInOperator', { adminToken: value.adminToken, ...OPERATOR })).toMatchObject({ ok: true });
  };
  const operator = async () => (await call('getOperator', {})).value.operator;

  it('with nobody signed in, nothing opens; the page cannot name another operator', async () => {
    expect(await call('findTodaySettlements', { pin: OPERATOR.pin })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED', message: '本窗口没有操作员签到' } });
    expect(await call('endShift', { pin: OPERATOR.pin })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    await signIn();
    // Whose PIN it is, is main's to say.
    expect(await call('confirmCashTaken', { setlId: 'S1', ...OPERATOR })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('endShift', { ...OPERATOR })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('findTodaySettlements', {})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
  });

  it('交班签退 with the operator’s own PIN: a wrong one keeps the shift, the right one ends it', async () => {
    expect(await call('endShift', { pin: '000000' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await operator()).toMatchObject({ id: OPERATOR.operatorId });
    expect(await call('findTodaySettlements', { pin: OPERATOR.pin })).toMatchObject({ ok: true, value: { rows: [] } });
    expect(await call('endShift', { pin: OPERATOR.pin })).toEqual({ ok: true, value: { signedOut: true } });
    expect(await operator()).toBeNull();
  });

  it('wrong PINs on cash taken and the lookup lock the operator: each staff method then answers LOCKED_OUT with the time', async () => {
    await signIn();
    // The right PIN before clears any count; then four wrong ones through the lookup, the fifth on cash taken.
    expect(await call('findTodaySettlements', { pin: OPERATOR.pin })).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) expect(await call('findTodaySettlements', { pin: '000000' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    const fifth = await call('confirmCashTaken', { setlId: 'S-NONE', pin: '000000' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT', next: 'call-staff' } });
    expect(fifth.error.message).toMatch(LOCKED);
    // Locked: even the right PIN is refused with the time, on every staff method; the shift goes on.
    for (const [method, payload] of [
      ['findTodaySettlements', { pin: OPERATOR.pin }],
      ['confirmCashTaken', { setlId: 'S-NONE', pin: OPERATOR.pin }],
      ['endShift', { pin: OPERATOR.pin }],
    ] as const) {
      const answer = await call(method, payload);
      expect({ method, code: answer.error?.code }).toEqual({ method, code: 'LOCKED_OUT' });
      expect(answer.error.message).toMatch(LOCKED);
    }
    expect(await operator()).toMatchObject({ id: OPERATOR.operatorId });
    // The admin pages still open today's lookup with their token.
    const { value } = await call('adminUnlock', { pin: ADMIN_PIN });
    expect(await call('findTodaySettlements', { adminToken: value.adminToken })).toMatchObject({ ok: true });
  });
});
