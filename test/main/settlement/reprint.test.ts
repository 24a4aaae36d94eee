import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { findReceipt } from '../../../electron/settlement/usecases/reprint';
import { OPERATOR, startHarness, type Harness } from './harness';
import { RESIDENT, registerResident } from './registrationSupport';

/** Staff reprint today's slips from the journal (admin → 补打凭条): the real engine, SQLite and sandbox. */
describe('reprinting a slip of today by its reference', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());
  afterEach(() => h.admin.clearFaults());

  it('rebuilds the registration slip, booked place included, from its msgid or its setl_id, with masked names only', async () => {
    const engine = h.engine();
    const { quote, answer: settled } = await registerResident(engine);
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    const original = settled.value.receipt;
    const byMsgid = await findReceipt(engine.ctx, { reference: original.msgid });
    expect(byMsgid).toEqual({
      ok: true,
      value: { status: 'found', receipt: original, registration: quote.registration, reprintedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) },
    });
    // Typed in lower case or scanned with spaces around it: the same slip.
    expect(await findReceipt(engine.ctx, { reference: ` ${original.msgid.toLowerCase()} ` })).toEqual(byMsgid);
    expect(await findReceipt(engine.ctx, { reference: original.setlId })).toMatchObject({ ok: true, value: { status: 'found', receipt: { msgid: original.msgid } } });
    const text = JSON.stringify(byMsgid);
    expect(text).toContain(original.patientName);
    expect(text).not.toContain(RESIDENT.name);
    expect(text).not.toContain(RESIDENT.certno);
  });

  it('reprints a cancel as the cancel slip', async () => {
    const engine = h.engine();
    const { answer: settled } = await registerResident(engine);
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    const cancelled = await cancelSettlement(engine.ctx, { setlId: settled.value.receipt.setlId, ...OPERATOR });
    if (!cancelled.ok || cancelled.value.status !== 'settled') throw new Error(JSON.stringify(cancelled));
    const cancel = cancelled.value.receipt;
    expect(await findReceipt(engine.ctx, { reference: cancel.msgid })).toMatchObject({
      ok: true,
      value: { status: 'found', receipt: { kind: 'cancel', msgid: cancel.msgid, totalFen: cancel.totalFen, setlId: cancel.setlId } },
    });
  });

  it('an answer lost reprints as the "result pending" slip; once reversed there is no slip, only "not charged"', async () => {
    const engine = h.engine();
    await h.admin.fault({ infno: '2207', mode: 'commit-then-drop', times: 1 });
    const { answer: settled } = await registerResident(engine);
    if (!settled.ok || settled.value.status !== 'pending') throw new Error(JSON.stringify(settled));
    const reference = settled.value.receipt.reference;
    expect(await findReceipt(engine.ctx, { reference })).toMatchObject({
      ok: true,
      value: { status: 'found', receipt: { kind: 'pending', reference, requestedFen: settled.value.receipt.requestedFen } },
    });
    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(engine.ctx.journal.get(reference)?.state).toBe('reversed');
    expect(await findReceipt(engine.ctx, { reference })).toEqual({ ok: true, value: { status: 'not-charged', reference, state: 'reversed' } });
  });

  it('finds nothing for an unknown reference, and nothing of an earlier day', async () => {
    let now = Date.now();
    const engine = h.engine({ clock: () => new Date(now) });
    const { answer: settled } = await registerResident(engine);
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    expect(await findReceipt(engine.ctx, { reference: 'H42120200001209901010000000000' })).toMatchObject({ ok: false, error: { code: 'SETTLEMENT_NOT_FOUND' } });
    expect(await findReceipt(engine.ctx, { reference: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    now += 24 * 3600_000;
    expect(await findReceipt(engine.ctx, { reference: settled.value.receipt.msgid })).toMatchObject({ ok: false, error: { code: 'SETTLEMENT_NOT_FOUND' } });
  });
});
