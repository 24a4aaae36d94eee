import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { confirmCashTaken } from '../../../electron/settlement/usecases/cashTaken';
import { findTodaySettlements } from '../../../electron/settlement/usecases/todaySettlements';
import { CHINA_OFFSET_MINUTES } from '../../../electron/settlement/time';
import { hospitalConfig, OPERATOR, startHarness, type Harness } from './harness';
import { RESIDENT, registerResident, settledRegistration } from './registrationSupport';

// The engine checks PINs with the harness's authoriser; the configuration names who may sign in.
const config: TerminalConfig = { ...hospitalConfig, operators: [{ id: OPERATOR.operatorId, name: '收费员甲', pinHash: `unused:${'0'.repeat(64)}` }] };

/** `HH:mm` China time of an ISO instant: how staff type a window of the day. */
const chinaClock = (iso: string, shiftMinutes = 0) =>
  new Date(Date.parse(iso) + (CHINA_OFFSET_MINUTES + shiftMinutes) * 60_000).toISOString().slice(11, 16);

describe('the staff side of a counter: cash taken and today’s settlements (real engine, SQLite and sandbox)', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(config)));
  afterAll(() => h.close());
  afterEach(() => h.admin.clearFaults());

  it('cash taken needs the signed-in operator’s own PIN; a wrong one records nothing, and the first confirmation stands', async () => {
    const engine = h.engine();
    const receipt = await settledRegistration(engine);
    expect(receipt.cashFen).toBeGreaterThan(0);
    // Nobody signed in: not even the right PIN confirms cash.
    expect(await confirmCashTaken(engine.ctx, { setlId: receipt.setlId, ...OPERATOR })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await engine.signInOperator(OPERATOR.operatorId, OPERATOR.pin)).toMatchObject({ id: OPERATOR.operatorId });
    expect(await confirmCashTaken(engine.ctx, { setlId: receipt.setlId, operatorId: OPERATOR.operatorId, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(engine.ctx.cash.of(receipt.msgid)).toBeUndefined();

    const first = await confirmCashTaken(engine.ctx, { setlId: receipt.setlId, ...OPERATOR });
    expect(first).toEqual({
      ok: true,
      value: { setlId: receipt.setlId, msgid: receipt.msgid, cashFen: receipt.cashFen, operator: { id: OPERATOR.operatorId, name: '收费员甲' }, at: expect.any(String) },
    });
    expect(await confirmCashTaken(engine.ctx, { setlId: receipt.setlId, ...OPERATOR })).toEqual(first);
    expect(await confirmCashTaken(engine.ctx, { setlId: 'NO-SUCH-SETL', ...OPERATOR })).toMatchObject({ ok: false, error: { code: 'SETTLEMENT_NOT_FOUND' } });

    const { value } = (await findTodaySettlements(engine.ctx, { text: receipt.msgid })) as { value: { rows: Array<{ cashTaken: unknown }> } };
    expect(value.rows).toEqual([expect.objectContaining({ cashTaken: { operatorId: OPERATOR.operatorId, at: first.ok ? first.value.at : '' } })]);
    await engine.signOutOperator();
  });

  it('finds today’s rows by msgid, setl_id, masked name and time; a cancel names the settlement it undid, on its slip too', async () => {
    const engine = h.engine();
    const paid = await settledRegistration(engine);
    const cancelled = await cancelSettlement(engine.ctx, { setlId: paid.setlId, ...OPERATOR });
    if (!cancelled.ok || cancelled.value.status !== 'settled') throw new Error(JSON.stringify(cancelled));
    const cancel = cancelled.value.receipt;
    // What the patient took away from the cancel already names the original settlement.
    expect(cancel).toMatchObject({ kind: 'cancel', cancels: { setlId: paid.setlId, msgid: paid.msgid } });

    const byMsgid = await findTodaySettlements(engine.ctx, { text: paid.msgid.toLowerCase() });
    expect(byMsgid).toMatchObject({
      ok: true,
      value: {
        more: false,
        rows: [
          {
            msgid: paid.msgid,
            kind: 'settlement',
            state: 'cancelled',
            maskedName: paid.patientName,
            totalFen: paid.totalFen,
            cashFen: paid.cashFen,
            setlId: paid.setlId,
            cancelledBy: cancel.setlId,
            cancels: null,
            slip: { receipt: paid, registration: expect.objectContaining({ regNo: expect.any(String) }) },
          },
        ],
      },
    });
    expect(await findTodaySettlements(engine.ctx, { text: cancel.setlId })).toMatchObject({
      ok: true,
      value: { rows: [{ msgid: cancel.msgid, kind: 'cancel', state: 'settled', cancels: paid.setlId, slip: { receipt: { kind: 'cancel', cancels: { setlId: paid.setlId } } } }] },
    });

    // Part of the masked name finds both, newest first; a name nobody has finds nothing.
    const byName = await findTodaySettlements(engine.ctx, { text: paid.patientName.slice(0, 1) });
    if (!byName.ok) throw new Error(byName.error.code);
    const msgids = byName.value.rows.map((r) => r.msgid);
    expect(msgids.indexOf(cancel.msgid)).toBeGreaterThanOrEqual(0);
    expect(msgids.indexOf(cancel.msgid)).toBeLessThan(msgids.indexOf(paid.msgid));
    expect(byName.value.rows.every((r) => r.maskedName.includes(paid.patientName.slice(0, 1)))).toBe(true);
    expect(await findTodaySettlements(engine.ctx, { text: '无此人' })).toMatchObject({ ok: true, value: { rows: [] } });
    // A wildcard typed by staff is a letter, not "everything".
    expect(await findTodaySettlements(engine.ctx, { text: '%' })).toMatchObject({ ok: true, value: { rows: [] } });

    // A window around the settlement holds it; one that ended before it does not.
    const row = engine.ctx.journal.get(paid.msgid)!;
    const around = await findTodaySettlements(engine.ctx, { text: paid.msgid, from: chinaClock(row.createdAt), to: chinaClock(row.createdAt) });
    expect(around.ok && around.value.rows.map((r) => r.msgid)).toEqual([paid.msgid]);
    // Shown in the platform's (China) wall-clock time, as the slip prints it and the window counts.
    expect(around.ok && around.value.rows[0]!.at).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} ${chinaClock(row.createdAt)}:\\d{2}$`));
    // A window at the other end of the day from the settlement: it is not in it.
    const minute = chinaClock(row.createdAt);
    const elsewhere = minute >= '12:00' ? { to: '00:00' } : { from: '23:59' };
    expect(await findTodaySettlements(engine.ctx, { text: paid.msgid, ...elsewhere })).toMatchObject({ ok: true, value: { rows: [] } });
    expect(await findTodaySettlements(engine.ctx, { from: '25:00' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // The journal keeps masked names only, and so does the lookup.
    const text = JSON.stringify(byName);
    expect(text).not.toContain(RESIDENT.name);
    expect(text).not.toContain(RESIDENT.certno);
  });

  it('an answer lost lists as pending with its "result pending" slip, then as not charged once reversed; other days are not today', async () => {
    let now = Date.now();
    const engine = h.engine({ clock: () => new Date(now) });
    await h.admin.fault({ infno: '2207', mode: 'commit-then-drop', times: 1 });
    const { answer } = await registerResident(engine);
    if (!answer.ok || answer.value.status !== 'pending') throw new Error(JSON.stringify(answer));
    const reference = answer.value.receipt.reference;
    expect(await findTodaySettlements(engine.ctx, { text: reference })).toMatchObject({
      ok: true,
      value: { rows: [{ msgid: reference, state: 'pending', setlId: null, slip: { receipt: { kind: 'pending', reference } } }] },
    });
    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(await findTodaySettlements(engine.ctx, { text: reference })).toMatchObject({
      ok: true,
      value: { rows: [{ msgid: reference, state: 'not-charged', slip: null }] },
    });
    now += 24 * 3600_000;
    expect(await findTodaySettlements(engine.ctx, { text: reference })).toMatchObject({ ok: true, value: { rows: [] } });
  });
});
