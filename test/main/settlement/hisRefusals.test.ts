import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import axios from 'axios';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { SETTLEMENT_ERRORS } from '../../../electron/settlement/errors';
import { createHttpHis } from '../../../electron/settlement/his/httpHis';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { admitInpatient, prepareDischarge } from '../../../electron/settlement/usecases/inpatient';
import { listRegistrationSlots, prepareRegistration } from '../../../electron/settlement/usecases/outpatient';
import { declineQuote } from '../../../electron/settlement/usecases/settle';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { startHarness, type Harness } from './harness';
import { startTamperingProxy } from './tamperingProxy';

// The hospital system says why it refused, and the patient is told that reason in plain words
// with the step that helps: never a guess, and never "unavailable" for a plain "no".
const [A, B] = DEMO_PERSONS as [typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0]];
let h: Harness;
let proxy: Awaited<ReturnType<typeof startTamperingProxy>>;
beforeAll(async () => {
  h = await startHarness();
  proxy = await startTamperingProxy(h.sandbox.url);
});
afterEach(() => proxy.tamper(undefined));
afterAll(async () => {
  await proxy.close();
  await h.close();
});

async function personRef(engine: SettlementEngine, certno: string): Promise<string> {
  const id = await identifyByIdNumber(engine.ctx, { certno });
  if (!id.ok) throw new Error(id.error.code);
  return id.value.personRef;
}

async function openSlots(engine: SettlementEngine) {
  const slots = await listRegistrationSlots(engine.ctx, {});
  if (!slots.ok) throw new Error(slots.error.code);
  return slots.value.filter((slot) => slot.remaining > 0);
}

const told = (code: keyof typeof SETTLEMENT_ERRORS) => ({ ok: false, error: { code, message: SETTLEMENT_ERRORS[code].zh, next: SETTLEMENT_ERRORS[code].next } });

describe('a booking the hospital system refuses', () => {
  it('a duplicate booking is told it is booked already, with no charge and another choice', async () => {
    const engine = h.engine();
    const ref = await personRef(engine, A.certno);
    const [slot] = await openSlots(engine);
    const first = await prepareRegistration(engine.ctx, { personRef: ref, slotId: slot!.slotId });
    if (!first.ok) throw new Error(first.error.code);
    const again = await prepareRegistration(engine.ctx, { personRef: ref, slotId: slot!.slotId });
    expect(again).toEqual(told('ALREADY_BOOKED'));
    expect(SETTLEMENT_ERRORS.ALREADY_BOOKED.zh).toBe('您已经挂过这个号，不用再挂，没有扣费');
    expect(await declineQuote(engine.ctx, { quoteId: first.value.quoteId })).toMatchObject({ ok: true });
  });

  it('a full slot is told it is full, and to choose another doctor or session', async () => {
    const engine = h.engine();
    const ref = await personRef(engine, B.certno);
    const [, slot] = await openSlots(engine);
    const db = new DatabaseSync(join(h.dir, 'sandbox', 'sandbox.db'));
    try {
      db.prepare('UPDATE his_slots SET booked = capacity WHERE id = ?').run(slot!.slotId);
    } finally {
      db.close();
    }
    expect(await prepareRegistration(engine.ctx, { personRef: ref, slotId: slot!.slotId })).toEqual(told('SLOT_FULL'));
    expect(SETTLEMENT_ERRORS.SLOT_FULL.zh).toBe('这个号已经挂满了，没有扣费，请选择其他医生或时段');
  });

  it('a refusal without a reason says the hospital did not accept it and nothing was charged, and guesses nothing', async () => {
    const log: string[] = [];
    const engine = h.engine({ his: createHttpHis({ baseUrl: proxy.url }), log: (line) => log.push(line) });
    const ref = await personRef(engine, A.certno);
    const [, , slot] = await openSlots(engine);
    const first = await prepareRegistration(engine.ctx, { personRef: ref, slotId: slot!.slotId });
    if (!first.ok) throw new Error(first.error.code);
    // A vendor HIS that answers its 409 without naming the reason.
    proxy.tamper((_, body) => delete body?.error?.reason);
    const again = await prepareRegistration(engine.ctx, { personRef: ref, slotId: slot!.slotId });
    expect(again).toEqual(told('HIS_REFUSED'));
    expect(SETTLEMENT_ERRORS.HIS_REFUSED.zh).toBe('医院系统没有接受，没有扣费，请到人工窗口办理');
    expect(log.some((line) => line.startsWith('his: POST /his/registrations: HTTP 409 CONFLICT: '))).toBe(true);
    proxy.tamper(undefined);
    await declineQuote(engine.ctx, { quoteId: first.value.quoteId });
  });
});

describe('a stay number the hospital system does not know', () => {
  it('a wrong number is told so, to be typed again, for admission and for discharge', async () => {
    const engine = h.engine();
    const ref = await personRef(engine, A.certno);
    for (const outcome of [
      await admitInpatient(engine.ctx, { personRef: ref, stayNo: 'ZY99999999' }),
      await prepareDischarge(engine.ctx, { personRef: ref, stayNo: 'ZY99999999' }),
    ]) {
      expect(outcome).toEqual(told('STAY_NOT_FOUND'));
    }
    expect(SETTLEMENT_ERRORS.STAY_NOT_FOUND).toMatchObject({ next: 'retry', zh: '在您的名下没有找到这个住院号，请核对住院号后重新输入' });
  });

  it("another patient's number gets the same words, and says nothing more about it", async () => {
    const engine = h.engine();
    const stays = (await axios.get(`${h.sandbox.url}/his/persons/${A.psnNo}/stays`, { proxy: false })).data.stays as { stayNo: string }[];
    const ref = await personRef(engine, B.certno);
    expect(await admitInpatient(engine.ctx, { personRef: ref, stayNo: stays[0]!.stayNo })).toEqual(told('STAY_NOT_FOUND'));
  });

  it('a 404 without a reason (a path the HIS does not have) stays "hospital system unavailable"', async () => {
    const engine = h.engine({ his: createHttpHis({ baseUrl: proxy.url }) });
    const ref = await personRef(engine, A.certno);
    proxy.tamper((_, body) => delete body?.error?.reason);
    expect(await admitInpatient(engine.ctx, { personRef: ref, stayNo: 'ZY99999999' })).toEqual(told('HIS_UNAVAILABLE'));
    const misrouted = h.engine({ his: createHttpHis({ baseUrl: `${h.sandbox.url}/not-the-his` }) });
    const other = await personRef(misrouted, A.certno);
    expect(await admitInpatient(misrouted.ctx, { personRef: other, stayNo: 'ZY99999999' })).toEqual(told('HIS_UNAVAILABLE'));
  });
});
