import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { confirmCashTaken } from '../../../electron/settlement/usecases/cashTaken';
import { checkShiftEnd } from '../../../electron/settlement/usecases/staffDesk';
import { findTodaySettlements } from '../../../electron/settlement/usecases/todaySettlements';
import { hashPin, pinAuthoriser } from '../../../electron/settlement/usecases/operators';
import { hospitalConfig, OPERATOR, startHarness, type Harness } from './harness';
import { settledRegistration } from './registrationSupport';

const OTHER = { operatorId: 'OP-OTHER', pin: '97531' };
// The engine checks PINs with the harness's authoriser; the configuration names who may sign in.
const config: TerminalConfig = {
  ...hospitalConfig,
  operators: [
    { id: OPERATOR.operatorId, name: '收费员甲', pinHash: `unused:${'0'.repeat(64)}` },
    { id: OTHER.operatorId, name: '收费员乙', pinHash: `unused:${'0'.repeat(64)}` },
  ],
};

/** Every cancel the journal holds for a settlement: each request the platform can ever have seen has its row (write-ahead). */
const cancelRows = (engine: SettlementEngine, setlId: string) =>
  engine.db.prepare('SELECT infno, state FROM journal WHERE subject = ? ORDER BY created_at').all(`cancel:${setlId}`) as { infno: string; state: string }[];

describe('the end of a cashier’s day: cancels said as they are, every PIN the signed-in operator’s (real engine, SQLite and sandbox)', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(config)));
  afterAll(() => h.close());
  afterEach(() => h.admin.clearFaults());

  it('a second cancel of a cancelled settlement is refused from the journal, with the cancel’s number, and nothing is sent', async () => {
    const engine = h.engine();
    const paid = await settledRegistration(engine);
    const first = await cancelSettlement(engine.ctx, { setlId: paid.setlId, ...OPERATOR });
    if (!first.ok || first.value.status !== 'settled') throw new Error(JSON.stringify(first));
    const cancelSetlId = first.value.receipt.setlId;

    const again = await cancelSettlement(engine.ctx, { setlId: paid.setlId, ...OPERATOR });
    expect(again).toEqual({
      ok: false,
      error: { code: 'ALREADY_CANCELLED', message: `这笔结算已经撤销过了（撤销结算号 ${cancelSetlId}），不用再撤销`, next: 'call-staff' },
    });
    // One 2208 ever written, so one ever sent; the platform still names the first cancel.
    expect(cancelRows(engine, paid.setlId)).toEqual([{ infno: '2208', state: 'done' }]);
    const [onPlatform] = await h.admin.settlements({ setl_id: paid.setlId });
    expect(onPlatform).toMatchObject({ state: 'cancelled', cancelled_by: cancelSetlId });
    // A wrong PIN still learns nothing about the settlement.
    expect(await cancelSettlement(engine.ctx, { setlId: paid.setlId, operatorId: OPERATOR.operatorId, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
  });

  it('a cancel the platform refuses says only what that proves: not done, no money moved, the original as it was', async () => {
    const engine = h.engine();
    const paid = await settledRegistration(engine);
    const [before] = await h.admin.settlements({ setl_id: paid.setlId });
    // Twice: a refusal on a sign-in that is not fresh is sent once more.
    await h.admin.fault({ infno: '2208', mode: 'error', times: 2 });
    const refused = await cancelSettlement(engine.ctx, { setlId: paid.setlId, ...OPERATOR });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CANCEL_REFUSED', next: 'call-staff' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toBe('这次撤销没有生效：医保平台没有受理，没有退款，也没有扣费，原结算保持原样。请工作人员核实后再处理');
    // Every attempt known not done (the second is the resend after the sign-in refresh).
    const states = cancelRows(engine, paid.setlId).map((r) => r.state);
    expect(states.length).toBeGreaterThan(0);
    expect([...new Set(states)]).toEqual(['failed']);
    const [after] = await h.admin.settlements({ setl_id: paid.setlId });
    expect(after).toEqual(before);
    // Still listed as paid, and it can be cancelled once the platform accepts.
    const listed = await findTodaySettlements(engine.ctx, { text: paid.setlId });
    expect(listed.ok && listed.value.rows.map((r) => r.state)).toEqual(['settled']);
    await h.admin.clearFaults();
    expect(await cancelSettlement(engine.ctx, { setlId: paid.setlId, ...OPERATOR })).toMatchObject({ ok: true, value: { status: 'settled' } });
  });

  it('cash taken, today’s lookup and the shift’s end take the PIN of the operator main names, and only the signed-in one', async () => {
    const engine = h.engine({ operators: pinAuthoriser({ [OPERATOR.operatorId]: hashPin(OPERATOR.pin, 'salt'), [OTHER.operatorId]: hashPin(OTHER.pin, 'salt') }) });
    const paid = await settledRegistration(engine);
    expect(await engine.signInOperator(OPERATOR.operatorId, OPERATOR.pin)).toMatchObject({ id: OPERATOR.operatorId });
    // Another operator's right PIN is not the signed-in operator's word.
    expect(await confirmCashTaken(engine.ctx, { setlId: paid.setlId, ...OTHER })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await findTodaySettlements(engine.ctx, { text: paid.setlId, ...OTHER })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await checkShiftEnd(engine.ctx, OTHER)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await findTodaySettlements(engine.ctx, { text: paid.setlId, operatorId: OPERATOR.operatorId, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    // A PIN without whose it is, or whose without a PIN, is not a request.
    expect(await findTodaySettlements(engine.ctx, { text: paid.setlId, pin: OPERATOR.pin })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await confirmCashTaken(engine.ctx, { setlId: paid.setlId, pin: OPERATOR.pin })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const found = await findTodaySettlements(engine.ctx, { text: paid.setlId, ...OPERATOR });
    expect(found.ok && found.value.rows.map((r) => r.setlId)).toEqual([paid.setlId]);
    expect(await checkShiftEnd(engine.ctx, OPERATOR)).toEqual({ ok: true, value: { id: OPERATOR.operatorId, name: '收费员甲' } });
    await engine.signOutOperator();
    // Signed out: their own right PIN no longer opens the staff side.
    expect(await checkShiftEnd(engine.ctx, OPERATOR)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await confirmCashTaken(engine.ctx, { setlId: paid.setlId, ...OPERATOR })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
  });
});
