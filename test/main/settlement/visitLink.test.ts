import axios from 'axios';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { listPendingBills, listRegistrationSlots, prepareOutpatientSettlement, prepareRegistration } from '../../../electron/settlement/usecases/outpatient';
import { confirmSettlement, declineQuote } from '../../../electron/settlement/usecases/settle';
import { hospitalConfig, startHarness, type Harness } from './harness';

// One clinic visit, one platform visit, across terminals: the registration at kiosk A and the
// cashier bill of the same visit at terminal B (its own database) settle within one mdtrt_id,
// because the HIS keeps the link, not either terminal.
const patient = DEMO_PERSONS[2]!;
const terminal = (id: string, slot: string, mode: TerminalConfig['terminal']['mode']): TerminalConfig => ({
  ...hospitalConfig,
  terminal: { ...hospitalConfig.terminal, id, slot, mode },
});

describe('a registration at one terminal and the cashier bill at another', () => {
  let h: Harness;
  let kioskA: SettlementEngine;
  let cashierB: SettlementEngine;
  beforeAll(async () => {
    h = await startHarness();
    kioskA = h.engine({ config: terminal('KIOSK-01', '01', 'registration') });
    cashierB = h.engine({ config: terminal('CASHIER-02', '02', 'cashier') });
  });
  afterAll(() => h.close());

  const his = async (path: string) => (await axios.get(`${h.sandbox.url}${path}`, { proxy: false })).data;
  async function personRef(engine: SettlementEngine) {
    const id = await identifyByIdNumber(engine.ctx, { certno: patient.certno });
    if (!id.ok) throw new Error(id.error.code);
    return id.value.personRef;
  }
  async function settle(engine: SettlementEngine, quote: Awaited<ReturnType<typeof prepareRegistration>>) {
    if (!quote.ok) throw new Error(quote.error.code);
    const settled = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    return settled.value.receipt.setlId;
  }

  it('settles both within the one platform visit the registration opened', async () => {
    const slots = await listRegistrationSlots(kioskA.ctx, {});
    if (!slots.ok) throw new Error(slots.error.code);
    const slot = slots.value.find((s) => s.doctorCode === 'DR001' && s.period === 'AM')!;
    const registration = await prepareRegistration(kioskA.ctx, { personRef: await personRef(kioskA), slotId: slot.slotId });
    const regNo = registration.ok ? registration.value.registration!.regNo : '';
    const registrationSetlId = await settle(kioskA, registration);
    const mdtrtId = kioskA.ctx.visits.get(regNo, patient.psnNo)!;
    expect((await his(`/his/visits/${regNo}`)).mdtrtId).toBe(mdtrtId);

    // The doctor sees the patient and orders; the HIS puts the order into the registration's visit.
    const order = (await axios.post(`${h.sandbox.url}/his/orders`, { psnNo: patient.psnNo, doctorCode: 'DR001', items: [{ code: 'YP0001', qty: 1 }, { code: 'FW0003', qty: 1 }] }, { proxy: false })).data;
    expect(order).toMatchObject({ visitNo: regNo, mdtrtId });

    const ref = await personRef(cashierB);
    const pending = await listPendingBills(cashierB.ctx, { personRef: ref });
    expect(pending.ok && pending.value.map((b) => b.billId)).toContain(order.billNo);
    const cashierSetlId = await settle(cashierB, await prepareOutpatientSettlement(cashierB.ctx, { personRef: ref, billIds: [order.billNo] }));

    const [first] = await h.admin.settlements({ setl_id: registrationSetlId });
    const [second] = await h.admin.settlements({ setl_id: cashierSetlId });
    expect([first?.mdtrt_id, second?.mdtrt_id]).toEqual([mdtrtId, mdtrtId]);
    expect(cashierB.ctx.visits.get(regNo, patient.psnNo)).toBeUndefined(); // B opened nothing of its own

    // The platform's own list of the person's visits (5201): one, the registration's.
    const visits = await cashierB.ctx.gateway.call('5201', { data: { psn_no: patient.psnNo, begntime: '2000-01-01', endtime: '2099-12-31' } }, patient.insuplcAdmdvs);
    expect((visits.output.mdtrtinfo as { mdtrt_id: string; ipt_otp_no: string }[]).map((v) => [v.mdtrt_id, v.ipt_otp_no])).toEqual([[mdtrtId, regNo]]);
    expect(await h.admin.visit(mdtrtId)).toMatchObject({ state: 'registered', open_fee_lines: 0, settled_fee_lines: 3 });
    expect((await his(`/his/bills/${order.billNo}`)).setlId).toBe(cashierSetlId);
  });

  it('clears the link in the HIS when a registration is given back', async () => {
    const slots = await listRegistrationSlots(kioskA.ctx, {});
    if (!slots.ok) throw new Error(slots.error.code);
    const slot = slots.value.find((s) => s.doctorCode === 'DR002' && s.period === 'PM')!;
    const quote = await prepareRegistration(kioskA.ctx, { personRef: await personRef(kioskA), slotId: slot.slotId });
    if (!quote.ok) throw new Error(quote.error.code);
    const regNo = quote.value.registration!.regNo;
    const mdtrtId = kioskA.ctx.visits.get(regNo, patient.psnNo)!;
    expect((await his(`/his/visits/${regNo}`)).mdtrtId).toBe(mdtrtId);
    await declineQuote(kioskA.ctx, { quoteId: quote.value.quoteId });
    expect((await his(`/his/visits/${regNo}`)).mdtrtId).toBeNull();
    expect(await h.admin.visit(mdtrtId)).toMatchObject({ state: 'cancelled' });
  });
});
