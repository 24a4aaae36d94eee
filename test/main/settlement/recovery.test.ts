import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import { listPendingBills, prepareOutpatientSettlement } from '../../../electron/settlement/usecases/outpatient';
import { createHttpHis } from '../../../electron/settlement/his/httpHis';
import { pharmacyConfig, startHarness, type Harness } from './harness';

const person = DEMO_PERSONS[0]!;

describe('recovery of an unknown outcome', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(pharmacyConfig)));
  afterAll(() => h.close());

  async function quote(engine: SettlementEngine) {
    const id = await identifyByIdNumber(engine.ctx, { certno: person.certno });
    if (!id.ok) throw new Error(id.error.code);
    const q = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: 'YP0002', cnt: 3 }] });
    if (!q.ok) throw new Error(q.error.code);
    return q.value.quoteId;
  }

  it('does not take "no record" for an answer while the request may still arrive, then reverses what arrived late', async () => {
    const engine = h.engine({ timeouts: { default: 5_000, '2102': 300 } });
    const before = await h.admin.balanceFen(person.psnNo);
    await h.admin.fault({ infno: '2102', mode: 'latency', latencyMs: 1_000, times: 1 });
    const result = await confirmSettlement(engine.ctx, { quoteId: await quote(engine) });
    if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
    const { reference } = result.value.receipt;
    expect(result.value.receipt).toMatchObject({ kind: 'pending', patientName: '欧*明', requestedFen: 3 * 620 });

    // While one attempt is unresolved, the person cannot be settled again under a new msgid.
    expect(await confirmSettlement(engine.ctx, { quoteId: await quote(engine) })).toMatchObject({
      ok: false,
      error: { code: 'SETTLEMENT_PENDING', reference },
    });

    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(await h.admin.message(reference)).toBeNull(); // the platform has not seen it yet...
    expect(engine.ctx.journal.get(reference)?.state).toBe('unknown'); // ...which is not "never happened"

    for (let i = 0; i < 50 && !(await h.admin.message(reference)); i++) await sleep(100);
    expect((await h.admin.settlements({ msgid: reference }))[0]?.state).toBe('valid'); // it arrived late and settled

    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(engine.ctx.journal.get(reference)).toMatchObject({ state: 'reversed', resolvedBy: '2601' });
    expect((await h.admin.settlements({ msgid: reference }))[0]?.state).toBe('reversed');
    expect(await h.admin.balanceFen(person.psnNo)).toBe(before);

    const again = await confirmSettlement(engine.ctx, { quoteId: await quote(engine) });
    expect(again).toMatchObject({ ok: true, value: { status: 'settled' } });
  });
});

describe('a hospital system that is down when the bill is paid', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());

  it('keeps the settlement, never offers the bill again, and marks it paid once the HIS is back', async () => {
    const real = createHttpHis({ baseUrl: h.sandbox.url });
    // The same client pointed at a port nobody listens on: the HIS is down for the paid mark only.
    const down = createHttpHis({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 500 });
    const engine = h.engine({ his: { ...real, markPaid: down.markPaid } });
    const id = await identifyByIdNumber(engine.ctx, { certno: person.certno });
    if (!id.ok) throw new Error(id.error.code);
    const bills = await listPendingBills(engine.ctx, { personRef: id.value.personRef });
    if (!bills.ok) throw new Error(bills.error.code);
    const [bill] = bills.value;
    const quote = await prepareOutpatientSettlement(engine.ctx, { personRef: id.value.personRef, billIds: [bill!.billId] });
    if (!quote.ok) throw new Error(quote.error.code);
    const settled = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    const { msgid, setlId } = settled.value.receipt;
    expect(engine.ctx.journal.get(msgid)?.hisState).toBe('owed');
    expect((await real.pendingBills(person.psnNo)).map((b) => b.billId)).toContain(bill!.billId); // the HIS still thinks it open
    expect(await listPendingBills(engine.ctx, { personRef: id.value.personRef })).toEqual({ ok: true, value: [] }); // the kiosk knows better

    const restarted = h.engine(); // the real HIS again
    await restarted.start();
    expect(restarted.ctx.journal.get(msgid)?.hisState).toBe('marked');
    expect((await real.pendingBills(person.psnNo)).map((b) => b.billId)).not.toContain(bill!.billId);
    expect((await h.admin.settlements({ setl_id: setlId }))[0]?.state).toBe('valid');
  });
});
