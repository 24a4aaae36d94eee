import { DatabaseSync } from 'node:sqlite';
import { hisOperations, type HisOperation, type HisOperationId } from '../../../shared/his/operations';
import { hisRefusalBody } from '../../../shared/his/schemas';
import { createHospitalSystem } from '../../../sandbox/his';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { demoPersonDirectory } from '../support/persons';
import { getJson, serveRoutes } from '../support/serveRoutes';

// Every refusal the port lists, provoked for real on the sandbox HIS: each 404 and 409 names the
// reason its operation lists for that status, in the body the published contract describes.
const [A, B, C] = DEMO_PERSONS as [typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0]];
const clock = { now: new Date('2026-11-29T01:00:00Z') }; // 09:00 in China
const db = new DatabaseSync(':memory:');
const his = createHospitalSystem({ db, clock: () => clock.now, persons: demoPersonDirectory(), log: () => {} });
let url = '';
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await serveRoutes(his.routes));
});
afterAll(() => close());

const seen = new Set<string>();

/** Calls one operation; a refusal is checked against that operation's own refusal body. */
async function call(id: HisOperationId, params: Record<string, string> = {}, body?: unknown, query?: Record<string, string>) {
  const op: HisOperation = hisOperations[id];
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
  const response = await fetch(`${url}${path}${query ? `?${new URLSearchParams(query)}` : ''}`, {
    method: op.method.toUpperCase(),
    headers: { 'content-type': 'application/json' },
    ...(op.method !== 'get' ? { body: JSON.stringify(body ?? {}) } : {}),
  });
  const answer = (await response.json()) as any;
  if (response.status === 404 || response.status === 409) {
    const listed = op.errors[response.status];
    if (!listed) throw new Error(`${id} answered ${response.status}, which it does not list`);
    const reason = hisRefusalBody(response.status, listed.reasons).parse(answer).error.reason;
    seen.add(`${id} ${response.status} ${reason}`);
    return { status: response.status, reason, answer };
  }
  return { status: response.status, reason: undefined, answer };
}

const refusal = (status: 404 | 409, reason: string) => ({ status, reason });

async function slotOf(dept: string, date?: string) {
  return (await call('listSlots', {}, undefined, { dept, ...(date ? { date } : {}) })).answer.slots[0] as { slotId: number; date: string };
}

describe('registration refusals say why', () => {
  it('an unknown person or slot, a booking held already, a full slot, a slot of a past day', async () => {
    const slot = await slotOf('D01');
    expect(await call('register', {}, { psnNo: 'nobody', slotId: slot.slotId })).toMatchObject(refusal(404, 'PERSON_UNKNOWN'));
    expect(await call('register', {}, { psnNo: C.psnNo, slotId: 999_999 })).toMatchObject(refusal(404, 'SLOT_UNKNOWN'));

    expect((await call('register', {}, { psnNo: C.psnNo, slotId: slot.slotId })).status).toBe(201);
    expect(await call('register', {}, { psnNo: C.psnNo, slotId: slot.slotId })).toMatchObject(refusal(409, 'ALREADY_BOOKED'));

    const full = await slotOf('D02');
    db.prepare('UPDATE his_slots SET booked = capacity WHERE id = ?').run(full.slotId);
    expect(await call('register', {}, { psnNo: B.psnNo, slotId: full.slotId })).toMatchObject(refusal(409, 'SLOT_FULL'));

    const yesterday = await slotOf('D03');
    clock.now = new Date('2026-11-30T01:00:00Z');
    try {
      expect(yesterday.date).toBe('2026-11-29');
      expect(await call('register', {}, { psnNo: B.psnNo, slotId: yesterday.slotId })).toMatchObject(refusal(409, 'SLOT_CLOSED'));
      // Today's slots stay open.
      expect((await call('register', {}, { psnNo: B.psnNo, slotId: (await slotOf('D03')).slotId })).status).toBe(201);
    } finally {
      clock.now = new Date('2026-11-29T01:00:00Z');
    }
  });

  it('a registration that is unknown, or paid and so not given back', async () => {
    expect(await call('cancelRegistration', { regNo: 'R000' })).toMatchObject(refusal(404, 'REGISTRATION_UNKNOWN'));
    const booked = (await call('register', {}, { psnNo: A.psnNo, slotId: (await slotOf('D04')).slotId })).answer;
    await call('payBill', { billNo: booked.bill.billNo }, { setlId: 'S-REG-1' });
    expect(await call('cancelRegistration', { regNo: booked.regNo })).toMatchObject(refusal(409, 'REGISTRATION_PAID'));
  });
});

describe('bill and visit refusals say why', () => {
  it('paying or reopening a bill that is unknown, paid with another settlement, or cancelled', async () => {
    expect(await call('pendingBills', { psnNo: 'nobody' })).toMatchObject(refusal(404, 'PERSON_UNKNOWN'));
    expect(await call('payBill', { billNo: 'B000' }, { setlId: 'S1' })).toMatchObject(refusal(404, 'BILL_UNKNOWN'));
    expect(await call('reopenBill', { billNo: 'B000' }, { setlId: 'S1' })).toMatchObject(refusal(404, 'BILL_UNKNOWN'));

    const [bill] = (await call('pendingBills', { psnNo: B.psnNo })).answer.bills;
    expect((await call('payBill', { billNo: bill.billNo }, { setlId: 'S-B-1' })).status).toBe(200);
    expect(await call('payBill', { billNo: bill.billNo }, { setlId: 'S-B-2' })).toMatchObject(refusal(409, 'BILL_PAID'));
    expect(await call('reopenBill', { billNo: bill.billNo }, { setlId: 'S-B-2' })).toMatchObject(refusal(409, 'OTHER_SETTLEMENT'));

    const slot = (await call('listSlots', {}, undefined, { dept: 'D01' })).answer.slots[1];
    const booked = (await call('register', {}, { psnNo: B.psnNo, slotId: slot.slotId })).answer;
    await call('cancelRegistration', { regNo: booked.regNo });
    expect(await call('payBill', { billNo: booked.bill.billNo }, { setlId: 'S-B-3' })).toMatchObject(refusal(409, 'BILL_CANCELLED'));
    expect(await call('reopenBill', { billNo: booked.bill.billNo }, { setlId: 'S-B-3' })).toMatchObject(refusal(409, 'BILL_CANCELLED'));
  });

  it('recording a platform visit for an unknown visit, or over another one', async () => {
    expect(await call('recordPlatformVisit', { visitNo: 'MZ000' }, { mdtrtId: 'M1' })).toMatchObject(refusal(404, 'VISIT_UNKNOWN'));
    const slot = (await call('listSlots', {}, undefined, { dept: 'D02' })).answer.slots[1];
    const booked = (await call('register', {}, { psnNo: C.psnNo, slotId: slot.slotId })).answer;
    expect((await call('recordPlatformVisit', { visitNo: booked.regNo }, { mdtrtId: 'M-1' })).status).toBe(200);
    expect(await call('recordPlatformVisit', { visitNo: booked.regNo }, { mdtrtId: 'M-2' })).toMatchObject(refusal(409, 'OTHER_PLATFORM_VISIT'));
  });

  it('an unknown barcode', async () => {
    expect(await call('catalogue', {}, undefined, { barcode: '0000000000000' })).toMatchObject(refusal(404, 'ITEM_UNKNOWN'));
  });
});

describe('stay refusals say why', () => {
  it('an unknown stay number or person, a stay not admitted, not discharged, or paid with another settlement', async () => {
    expect(await call('personStays', { psnNo: 'nobody' })).toMatchObject(refusal(404, 'PERSON_UNKNOWN'));
    for (const id of ['stay', 'dischargeStay', 'payStay', 'reopenStay'] as const) {
      expect(await call(id, { stayNo: 'ZY404' }, { setlId: 'S1' })).toMatchObject(refusal(404, 'STAY_UNKNOWN'));
    }
    const [stay] = (await call('personStays', { psnNo: A.psnNo })).answer.stays;
    const stayNo = stay.stayNo as string;
    expect(await call('payStay', { stayNo }, { setlId: 'S-IN-1' })).toMatchObject(refusal(409, 'STAY_NOT_DISCHARGED'));
    expect(await call('reopenStay', { stayNo }, { setlId: 'S-IN-1' })).toMatchObject(refusal(409, 'STAY_NOT_DISCHARGED'));
    expect((await call('dischargeStay', { stayNo })).status).toBe(200);
    expect(await call('dischargeStay', { stayNo })).toMatchObject(refusal(409, 'STAY_NOT_ADMITTED'));
    expect((await call('payStay', { stayNo }, { setlId: 'S-IN-1' })).status).toBe(200);
    expect(await call('payStay', { stayNo }, { setlId: 'S-IN-2' })).toMatchObject(refusal(409, 'STAY_PAID'));
    expect(await call('reopenStay', { stayNo }, { setlId: 'S-IN-2' })).toMatchObject(refusal(409, 'OTHER_SETTLEMENT'));
  });
});

describe('the list is closed and complete', () => {
  it('every reason an operation lists was answered above, and a path the HIS lacks names none', async () => {
    const listed = Object.entries(hisOperations).flatMap(([id, op]) =>
      Object.entries(op.errors).flatMap(([status, { reasons }]) => reasons.map((reason) => `${id} ${status} ${reason}`)),
    );
    expect([...seen].sort()).toEqual([...listed].sort());
    const stray = await getJson(`${url}/his/nothing`);
    expect(stray.status).toBe(404);
    expect(stray.body.error).not.toHaveProperty('reason');
  });
});
