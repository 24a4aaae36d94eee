import { DatabaseSync } from 'node:sqlite';
import { hisBill, hisVisit } from '../../../shared/his/schemas';
import { createHospitalSystem } from '../../../sandbox/his';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { demoPersonDirectory } from '../support/persons';
import { getJson, sendJson, serveRoutes } from '../support/serveRoutes';

// One clinic visit, one platform visit: the HIS keeps which visit a doctor's order belongs to,
// and the platform visit (mdtrt_id) a kiosk opened for it.
const C = DEMO_PERSONS[2]!;
const clock = { now: new Date('2026-11-29T01:00:00Z') }; // 09:00 in China
const db = new DatabaseSync(':memory:');
const his = createHospitalSystem({ db, clock: () => clock.now, persons: demoPersonDirectory(), log: () => {} });
let url = '';
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await serveRoutes(his.routes));
});
afterAll(() => close());

const get = (path: string) => getJson(`${url}${path}`);
const post = (path: string, body?: unknown) => sendJson(`${url}${path}`, 'POST', body ?? {});
const put = (path: string, body: unknown) => sendJson(`${url}${path}`, 'PUT', body);
const order = async (doctorCode: string) => hisBill.parse((await post('/his/orders', { psnNo: C.psnNo, doctorCode, items: [{ code: 'YP0002', qty: 1 }] })).body);
const at = (chinaTime: string) => (clock.now = new Date(`${chinaTime.replace(' ', 'T')}+08:00`));

async function book(period: 'AM' | 'PM', date?: string) {
  const slots = (await get(`/his/registration/slots?dept=D01${date ? `&date=${date}` : ''}`)).body.slots as { slotId: number; period: string; doctor: { code: string } }[];
  const slot = slots.find((s) => s.doctor.code === 'DR001' && s.period === period)!;
  const booked = await post('/his/registrations', { psnNo: C.psnNo, slotId: slot.slotId });
  expect(booked.status).toBe(201);
  return { regNo: booked.body.regNo as string, bill: hisBill.parse(booked.body.bill) };
}

describe('a doctor\'s order joins the visit of the patient\'s registration that day', () => {
  let regNo = '';
  let feeBill = '';

  it('opens the visit at registration: its number is the regNo, its start the booking time', async () => {
    const booked = await book('AM');
    ({ regNo } = booked);
    feeBill = booked.bill.billNo;
    expect(booked.bill).toMatchObject({ visitNo: regNo, begntime: '2026-11-29 09:00:00', mdtrtId: null, diagnoses: [] });
  });

  it('keeps an order apart while the registration fee is unpaid (the registration may still be given back)', async () => {
    at('2026-11-29 09:10:00');
    const early = await order('DR001');
    expect(early.visitNo).not.toBe(regNo);
    expect(early.begntime).toBe('2026-11-29 09:10:00');
  });

  it('puts orders of that doctor or department into the paid registration\'s visit, with the visit\'s start and diagnoses', async () => {
    expect((await post(`/his/bills/${feeBill}/pay`, { setlId: 'S-REG-1' })).status).toBe(200);
    at('2026-11-29 10:30:00');
    const sameDoctor = await order('DR001');
    expect(sameDoctor).toMatchObject({ visitNo: regNo, begntime: '2026-11-29 09:00:00', createdAt: '2026-11-29 10:30:00' });
    expect(sameDoctor.diagnoses).toEqual([expect.objectContaining({ code: 'J06.900', main: true, doctorCode: 'DR001', time: '2026-11-29 10:30:00' })]);
    expect((await order('DR002')).visitNo).toBe(regNo); // 内科 too
    expect((await order('DR003')).visitNo).not.toBe(regNo); // 外科: another visit
    // The diagnoses are the visit's: the registration's own bill shows them as well.
    expect(hisBill.parse((await get(`/his/bills/${feeBill}`)).body).diagnoses.map((d) => d.code)).toEqual(['J06.900']);
  });

  it('records the platform visit once for the whole visit, and refuses another', async () => {
    const recorded = await put(`/his/visits/${regNo}/platform-visit`, { mdtrtId: 'M-LINK-1' });
    expect(hisVisit.parse(recorded.body)).toEqual({ visitNo: regNo, psnNo: C.psnNo, begntime: '2026-11-29 09:00:00', mdtrtId: 'M-LINK-1' });
    const all = (await get(`/his/persons/${C.psnNo}/bills?status=all`)).body.bills.map((b: unknown) => hisBill.parse(b));
    const ofVisit = all.filter((b: { visitNo: string }) => b.visitNo === regNo);
    expect(ofVisit).toHaveLength(3);
    expect(new Set(ofVisit.map((b: { mdtrtId: string | null }) => b.mdtrtId))).toEqual(new Set(['M-LINK-1']));
    expect(all.filter((b: { visitNo: string }) => b.visitNo !== regNo).every((b: { mdtrtId: string | null }) => b.mdtrtId === null)).toBe(true);

    expect((await put(`/his/visits/${regNo}/platform-visit`, { mdtrtId: 'M-LINK-1' })).status).toBe(200); // idempotent
    expect((await put(`/his/visits/${regNo}/platform-visit`, { mdtrtId: 'M-LINK-2' })).body.error).toEqual({
      code: 'CONFLICT',
      message: `visit ${regNo} is recorded with platform visit M-LINK-1`,
      reason: 'OTHER_PLATFORM_VISIT',
    });
    expect((await put('/his/visits/NOPE/platform-visit', { mdtrtId: 'M-LINK-2' })).status).toBe(404);
    expect((await put(`/his/visits/${regNo}/platform-visit`, {})).body.error.code).toBe('INVALID_REQUEST');
  });

  it('does not join a registration of another day', async () => {
    const tomorrow = await book('PM', '2026-11-30');
    await post(`/his/bills/${tomorrow.bill.billNo}/pay`, { setlId: 'S-REG-2' });
    at('2026-11-30 08:30:00');
    expect((await order('DR001')).visitNo).toBe(tomorrow.regNo);
    at('2026-12-01 08:30:00');
    const nextDay = await order('DR001');
    expect([regNo, tomorrow.regNo]).not.toContain(nextDay.visitNo);
  });

  it('forgets the platform visit when the registration is given back, which cancels it on the platform', async () => {
    at('2026-12-01 09:00:00');
    const unpaid = await book('PM');
    expect((await put(`/his/visits/${unpaid.regNo}/platform-visit`, { mdtrtId: 'M-LINK-3' })).status).toBe(200);
    expect((await post(`/his/registrations/${unpaid.regNo}/cancel`)).body.status).toBe('cancelled');
    expect((await get(`/his/visits/${unpaid.regNo}`)).body.mdtrtId).toBeNull();
    // A later kiosk attempt may open and record a new one.
    expect((await put(`/his/visits/${unpaid.regNo}/platform-visit`, { mdtrtId: 'M-LINK-4' })).body.mdtrtId).toBe('M-LINK-4');
  });
});
