import { setTimeout as sleep } from 'node:timers/promises';
import axios from 'axios';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import type { RegistrationSlot } from '../../../electron/settlement/his/bridge';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { listPendingBills, listRegistrationSlots, prepareOutpatientSettlement, prepareRegistration } from '../../../electron/settlement/usecases/outpatient';
import { confirmSettlement, declineQuote } from '../../../electron/settlement/usecases/settle';
import { startHarness, type Harness } from './harness';

const employee = DEMO_PERSONS[0]!;
const resident = DEMO_PERSONS[1]!;

/** Each test books its own slot, so one test's leftover booking cannot explain another's result. */
let nextSlot = 0;

describe('an abandoned attempt releases what it opened (HIS booking, platform visit, fee lines)', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());
  afterEach(() => h.admin.clearFaults());

  const his = async <T>(path: string) => (await axios.get(`${h.sandbox.url}${path}`, { proxy: false })).data as T;
  const remaining = async (engine: SettlementEngine, slotId: number) => {
    const slots = await listRegistrationSlots(engine.ctx, {});
    if (!slots.ok) throw new Error(slots.error.code);
    return slots.value.find((s) => s.slotId === slotId)?.remaining;
  };

  async function personRef(engine: SettlementEngine, certno: string) {
    const id = await identifyByIdNumber(engine.ctx, { certno });
    if (!id.ok) throw new Error(id.error.code);
    return id.value.personRef;
  }

  /** A registration quoted and shown to the patient: the place is taken, the platform visit holds the fee line. */
  async function quotedRegistration(engine: SettlementEngine) {
    const ref = await personRef(engine, resident.certno);
    const slots = await listRegistrationSlots(engine.ctx, {});
    if (!slots.ok) throw new Error(slots.error.code);
    const slot: RegistrationSlot = slots.value[nextSlot++]!;
    const quote = await prepareRegistration(engine.ctx, { personRef: ref, slotId: slot.slotId });
    if (!quote.ok) throw new Error(quote.error.code);
    const regNo = quote.value.registration!.regNo;
    const mdtrtId = engine.ctx.visits.get(regNo, resident.psnNo)!;
    expect(await remaining(engine, slot.slotId)).toBe(slot.remaining - 1);
    expect(await h.admin.visit(mdtrtId)).toMatchObject({ state: 'registered', open_fee_lines: 1 });
    return { ref, slot, regNo, mdtrtId, quoteId: quote.value.quoteId };
  }

  async function expectRegistrationReleased(engine: SettlementEngine, r: { slot: RegistrationSlot; regNo: string; mdtrtId: string }) {
    expect(await remaining(engine, r.slot.slotId)).toBe(r.slot.remaining);
    expect(await his<{ status: string; bill: { status: string } }>(`/his/registrations/${r.regNo}`)).toMatchObject({
      status: 'cancelled',
      bill: { status: 'cancelled' },
    });
    expect(await h.admin.visit(r.mdtrtId)).toMatchObject({ state: 'cancelled', open_fee_lines: 0, settled_fee_lines: 0 });
    expect(engine.ctx.visits.get(r.regNo, resident.psnNo)).toBeUndefined();
    expect(engine.ctx.undo.pending()).toEqual([]);
  }

  it('declined registration: the place is free again, the platform visit cancelled with no open fee lines', async () => {
    const engine = h.engine();
    const r = await quotedRegistration(engine);
    expect(await declineQuote(engine.ctx, { quoteId: r.quoteId })).toEqual({ ok: true, value: { declined: true } });
    await expectRegistrationReleased(engine, r);

    // The HIS refuses a second active booking of the same slot by the same person: this one is gone.
    const again = await prepareRegistration(engine.ctx, { personRef: r.ref, slotId: r.slot.slotId });
    expect(again).toMatchObject({ ok: true, value: { kind: 'registration' } });
    if (again.ok) await declineQuote(engine.ctx, { quoteId: again.value.quoteId });
  });

  it('registration whose settlement the platform refuses: the same releases, journaled to that attempt', async () => {
    const engine = h.engine();
    const r = await quotedRegistration(engine);
    // The gateway retries a refusal once after a fresh sign-in, so both tries are refused.
    await h.admin.fault({ infno: '2207', mode: 'error', times: 2 });
    const result = await confirmSettlement(engine.ctx, { quoteId: r.quoteId });
    if (result.ok) throw new Error(`settled despite the refusal: ${JSON.stringify(result.value)}`);
    expect(result.error.code).toBe('PLATFORM_REJECTED');
    expect(engine.ctx.journal.get(result.error.reference!)?.state).toBe('failed');
    await expectRegistrationReleased(engine, r);
    expect(engine.ctx.undo.stepsFor(result.error.reference!).map((s) => [s.kind, s.state])).toEqual([
      ['his-cancel-registration', 'done'],
      ['2205', 'done'],
      ['2202', 'done'],
      ['forget-visit', 'done'],
    ]);
  });

  it('registration whose settlement answer is lost and never processed: released once recovery finds it never happened', async () => {
    const engine = h.engine();
    const r = await quotedRegistration(engine);
    await h.admin.fault({ infno: '2207', mode: 'drop', times: 1 });
    const result = await confirmSettlement(engine.ctx, { quoteId: r.quoteId });
    if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
    const msgid = result.value.receipt.reference;

    // Unknown is not "never happened": nothing is released while the request may still arrive.
    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(engine.ctx.journal.get(msgid)?.state).toBe('unknown');
    expect(await remaining(engine, r.slot.slotId)).toBe(r.slot.remaining - 1);
    expect(await h.admin.visit(r.mdtrtId)).toMatchObject({ state: 'registered', open_fee_lines: 1 });

    // The test gateway window is 5 s plus 1 s of skew.
    const deadline = Date.now() + 20_000;
    while (engine.ctx.journal.get(msgid)?.state === 'unknown' && Date.now() < deadline) {
      await sleep(250);
      await engine.recovery.runOnce({ ignoreSchedule: true });
    }
    expect(engine.ctx.journal.get(msgid)).toMatchObject({ state: 'failed', resolvedBy: 'time' });
    await expectRegistrationReleased(engine, r);
    expect(engine.ctx.undo.stepsFor(msgid).every((s) => s.state === 'done')).toBe(true);
    expect(engine.ctx.undo.stepsFor(msgid)).toHaveLength(4);
  }, 30_000);

  it('registration settled but its answer lost: recovery reverses it, then releases', async () => {
    const engine = h.engine();
    const r = await quotedRegistration(engine);
    await h.admin.fault({ infno: '2207', mode: 'commit-then-drop', times: 1 });
    const result = await confirmSettlement(engine.ctx, { quoteId: r.quoteId });
    if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
    const msgid = result.value.receipt.reference;
    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(engine.ctx.journal.get(msgid)).toMatchObject({ state: 'reversed' });
    expect((await h.admin.settlements({ msgid }))[0]?.state).toBe('reversed');
    await expectRegistrationReleased(engine, r);
  });

  it('platform unreachable during the release: the step stays pending, later steps wait, a later pass completes it', async () => {
    const engine = h.engine();
    const r = await quotedRegistration(engine);
    await h.admin.fault({ infno: '2202', mode: 'drop' });
    expect(await declineQuote(engine.ctx, { quoteId: r.quoteId })).toEqual({ ok: true, value: { declined: true } });

    // The HIS place and the fee lines are released; the visit cancel waits, and its mapping with it.
    expect(await remaining(engine, r.slot.slotId)).toBe(r.slot.remaining);
    expect(await h.admin.visit(r.mdtrtId)).toMatchObject({ state: 'registered', open_fee_lines: 0 });
    expect(engine.ctx.undo.pending().map((s) => [s.kind, s.attempts])).toEqual([
      ['2202', 1],
      ['forget-visit', 0],
    ]);
    expect(engine.ctx.visits.get(r.regNo, resident.psnNo)).toBe(r.mdtrtId);

    await sleep(100); // past the test back-off
    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(engine.ctx.undo.pending().map((s) => [s.kind, s.attempts])).toEqual([
      ['2202', 2],
      ['forget-visit', 0],
    ]);

    await h.admin.clearFaults();
    await sleep(100);
    await engine.recovery.runOnce({ ignoreSchedule: true });
    await expectRegistrationReleased(engine, r);
  });

  it('registration whose pre-settlement fails after the visit was registered: released before the error is shown', async () => {
    const engine = h.engine();
    const ref = await personRef(engine, resident.certno);
    const slots = await listRegistrationSlots(engine.ctx, {});
    if (!slots.ok) throw new Error(slots.error.code);
    const slot = slots.value[nextSlot++]!;
    await h.admin.fault({ infno: '2206', mode: 'error', times: 2 });
    expect(await prepareRegistration(engine.ctx, { personRef: ref, slotId: slot.slotId })).toMatchObject({ ok: false, error: { code: 'PLATFORM_REJECTED' } });

    // The attempt left no quote to name it; its queued release does (a batch without a msgid).
    const released = engine.db.prepare("SELECT payload FROM undo_step WHERE kind = '2202' AND msgid IS NULL").all() as Array<{ payload: string }>;
    const payloads = released.map((row) => JSON.parse(row.payload) as { regNo: string; mdtrtId: string });
    const mine = [];
    for (const p of payloads) {
      if ((await his<{ slot: { slotId: number } }>(`/his/registrations/${p.regNo}`)).slot.slotId === slot.slotId) mine.push(p);
    }
    expect(mine).toHaveLength(1);
    await expectRegistrationReleased(engine, { slot, regNo: mine[0]!.regNo, mdtrtId: mine[0]!.mdtrtId });
  });

  it('declined cashier visit: its fee lines are cleared, the bill stays pending and the platform visit is kept', async () => {
    const engine = h.engine();
    const ref = await personRef(engine, employee.certno);
    const bills = await listPendingBills(engine.ctx, { personRef: ref });
    if (!bills.ok) throw new Error(bills.error.code);
    const bill = bills.value[0]!;
    const quote = await prepareOutpatientSettlement(engine.ctx, { personRef: ref, billIds: [bill.billId] });
    if (!quote.ok) throw new Error(quote.error.code);
    const mdtrtId = engine.ctx.visits.get(bill.visitNo, employee.psnNo)!;
    expect(await h.admin.visit(mdtrtId)).toMatchObject({ state: 'registered', open_fee_lines: bill.items.length });

    expect(await declineQuote(engine.ctx, { quoteId: quote.value.quoteId })).toEqual({ ok: true, value: { declined: true } });
    expect(await h.admin.visit(mdtrtId)).toMatchObject({ state: 'registered', open_fee_lines: 0 });
    expect(await his<{ status: string }>(`/his/bills/${bill.billId}`)).toMatchObject({ status: 'pending' });
    expect(engine.ctx.visits.get(bill.visitNo, employee.psnNo)).toBe(mdtrtId);
    expect(engine.ctx.undo.pending()).toEqual([]);

    // The next attempt reuses the kept visit.
    const again = await prepareOutpatientSettlement(engine.ctx, { personRef: ref, billIds: [bill.billId] });
    expect(again).toMatchObject({ ok: true, value: { totalFen: bill.totalFen } });
    expect(engine.ctx.visits.get(bill.visitNo, employee.psnNo)).toBe(mdtrtId);
    expect(await h.admin.visit(mdtrtId)).toMatchObject({ open_fee_lines: bill.items.length });
  });
});
