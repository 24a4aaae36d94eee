import axios from 'axios';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { identifyByVoucher, identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { listPendingBills, listRegistrationSlots, prepareOutpatientSettlement, prepareRegistration } from '../../../electron/settlement/usecases/outpatient';
import { confirmSettlement, declineQuote } from '../../../electron/settlement/usecases/settle';
import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { reconcileDay } from '../../../electron/settlement/usecases/reconcile';
import { OPERATOR, startHarness, type Harness } from './harness';

const employee = DEMO_PERSONS[0]!;
const resident = DEMO_PERSONS[1]!;

describe('cashier and registration counters end to end (2201 → 2203 → 2204 → 2206 → confirm → 2207)', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());

  const hisBill = async (billId: string) => (await axios.get(`${h.sandbox.url}/his/bills/${billId}`, { proxy: false })).data as { status: string; setlId: string | null };

  it('settles the seeded pending bill of a face-identified patient, marks it paid, and a cancel reopens it', async () => {
    const engine = h.engine();
    const id = await identifyByVoucher(engine.ctx, { ecToken: '421200ec000000000000000000000000000001' });
    if (!id.ok) throw new Error(id.error.code);
    const bills = await listPendingBills(engine.ctx, { personRef: id.value.personRef });
    if (!bills.ok) throw new Error(bills.error.code);
    expect(bills.value).toHaveLength(1);
    const bill = bills.value[0]!;
    expect(bill.totalFen).toBe(2 * 1_850 + 2_480 + 2_000);

    const before = await h.admin.balanceFen(employee.psnNo);
    const quote = await prepareOutpatientSettlement(engine.ctx, { personRef: id.value.personRef, billIds: [bill.billId] });
    if (!quote.ok) throw new Error(quote.error.code);
    expect(quote.value.totalFen).toBe(bill.totalFen);
    const settled = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    const receipt = settled.value.receipt;
    expect(receipt.fundFen + receipt.accountFen + receipt.cashFen + receipt.hospitalFen).toBe(bill.totalFen);
    expect(receipt.items.map((i) => i.name)).toHaveLength(3);
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(before - receipt.accountFen);
    expect(await hisBill(bill.billId)).toMatchObject({ status: 'paid', setlId: receipt.setlId });
    expect((await listPendingBills(engine.ctx, { personRef: id.value.personRef })).ok && (await listPendingBills(engine.ctx, { personRef: id.value.personRef }))).toMatchObject({ value: [] });

    const cancelled = await cancelSettlement(engine.ctx, { setlId: receipt.setlId, ...OPERATOR });
    expect(cancelled).toMatchObject({ ok: true, value: { status: 'settled', receipt: { kind: 'cancel', totalFen: -bill.totalFen } } });
    expect(await hisBill(bill.billId)).toMatchObject({ status: 'pending', setlId: null });
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(before);

    // Settled again after the cancel: the platform visit is reused, the bill settles once more.
    const again = await prepareOutpatientSettlement(engine.ctx, { personRef: id.value.personRef, billIds: [bill.billId] });
    if (!again.ok) throw new Error(again.error.code);
    expect(await confirmSettlement(engine.ctx, { quoteId: again.value.quoteId })).toMatchObject({ ok: true, value: { status: 'settled' } });
    expect((await hisBill(bill.billId)).status).toBe('paid');

    const report = await reconcileDay(engine.ctx, {});
    expect(report).toMatchObject({ ok: true, value: { groups: [expect.objectContaining({ count: 3, verdict: 'balanced' })], unresolved: 0 } });

    // The journal keeps what a reversal and a receipt need, nothing that identifies the patient.
    const dump = JSON.stringify(engine.db.prepare('SELECT * FROM journal').all());
    for (const secret of [employee.certno, employee.name, employee.cardNo, '421200ec000000000000000000000000000001']) expect(dump).not.toContain(secret);
    expect(dump).toContain('欧*明');
  });

  it('registers with the fee: books the place, settles the fee, and declining gives the place back', async () => {
    const engine = h.engine();
    const id = await identifyByIdNumber(engine.ctx, { certno: resident.certno });
    if (!id.ok) throw new Error(id.error.code);
    const slots = await listRegistrationSlots(engine.ctx, {});
    if (!slots.ok) throw new Error(slots.error.code);
    const slot = slots.value[0]!;
    const declined = await prepareRegistration(engine.ctx, { personRef: id.value.personRef, slotId: slot.slotId });
    if (!declined.ok) throw new Error(declined.error.code);
    expect(declined.value).toMatchObject({ kind: 'registration', totalFen: slot.feeFen, registration: { doctorName: slot.doctorName } });
    await declineQuote(engine.ctx, { quoteId: declined.value.quoteId });
    const afterDecline = await listRegistrationSlots(engine.ctx, {});
    expect(afterDecline.ok && afterDecline.value.find((s) => s.slotId === slot.slotId)?.remaining).toBe(slot.remaining);

    const quote = await prepareRegistration(engine.ctx, { personRef: id.value.personRef, slotId: slot.slotId });
    if (!quote.ok) throw new Error(quote.error.code);
    const settled = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    expect(settled).toMatchObject({ ok: true, value: { status: 'settled', receipt: { totalFen: slot.feeFen, accountFen: 0 } } });
    const afterBooking = await listRegistrationSlots(engine.ctx, {});
    expect(afterBooking.ok && afterBooking.value.find((s) => s.slotId === slot.slotId)?.remaining).toBe(slot.remaining - 1);
  });

  it('refuses bills of another person or of two visits at once', async () => {
    const engine = h.engine();
    const id = await identifyByIdNumber(engine.ctx, { certno: resident.certno });
    if (!id.ok) throw new Error(id.error.code);
    expect(await prepareOutpatientSettlement(engine.ctx, { personRef: id.value.personRef, billIds: ['B0000000000001'] })).toMatchObject({
      ok: false,
      error: { code: 'NOTHING_TO_SETTLE' },
    });
  });
});
