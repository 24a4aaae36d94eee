import { DatabaseSync } from 'node:sqlite';
import { createHospitalSystem } from '../../../sandbox/his';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { demoPersonDirectory } from '../support/persons';
import { getJson, sendJson, serveRoutes } from '../support/serveRoutes';

const [A, B, C, D] = DEMO_PERSONS as [typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0]];
const clock = { now: new Date('2026-11-29T01:00:00Z') }; // 09:00 in China
const db = new DatabaseSync(':memory:');
const logs: string[] = [];
const deps = { db, clock: () => clock.now, persons: demoPersonDirectory(), log: (line: string) => logs.push(line) };
const his = createHospitalSystem(deps);
let url = '';
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await serveRoutes(his.routes));
});
afterAll(() => close());

const get = (path: string) => getJson(`${url}${path}`);
const post = (path: string, body?: unknown) => sendJson(`${url}${path}`, 'POST', body ?? {});
type Line = { qty: number; unitPriceFen: number; amountFen: number; feedetlSn: string };

describe('reference data', () => {
  it('lists departments with their NHSA category and doctors', async () => {
    const { body } = await get('/his/departments');
    expect(body.departments).toHaveLength(4);
    expect(body.departments[0]).toMatchObject({ code: 'D01', name: '内科', caty: 'A03', doctors: [{ code: 'DR001' }, { code: 'DR002' }] });
  });

  it('maps a scanned barcode to the hospital and national catalogue codes', async () => {
    const { status, body } = await get('/his/catalogue?barcode=6901234560017');
    expect(status).toBe(200);
    expect(body.items).toEqual([
      { medinsListCodg: 'YP0001', medListCodg: 'XA02BCA076A001010100', barcode: '6901234560017', name: '奥美拉唑肠溶胶囊 20mg*14', kind: 'drug', cls: 'A', unit: '盒', priceFen: 1850 },
    ]);
    expect((await get('/his/catalogue/barcode/0000000000000')).status).toBe(404);
    expect((await get('/his/catalogue/items/FW0002')).body.priceFen).toBe(2500);
  });

  it('searches the catalogue by name or code, by kind, with % and _ taken literally', async () => {
    const drugs = (await get(`/his/catalogue?q=${encodeURIComponent('片')}&kind=drug`)).body.items;
    expect(drugs.map((i: { medinsListCodg: string }) => i.medinsListCodg)).toEqual(['YP0002', 'YP0003', 'YP0004', 'YP0005', 'YP0007']);
    expect((await get('/his/catalogue?q=FW00&limit=2')).body.items).toHaveLength(2);
    expect((await get(`/his/catalogue?q=${encodeURIComponent('%')}`)).body.items).toEqual([]);
    expect((await get('/his/catalogue?limit=0')).status).toBe(400);
  });
});

describe('outpatient bills', () => {
  it('has the demo orders pending for demo persons, totals exact to the fen', async () => {
    const { body } = await get(`/his/persons/${A.psnNo}/bills`);
    expect(body.bills).toHaveLength(1);
    const [bill] = body.bills;
    expect(bill).toMatchObject({ psnNo: A.psnNo, kind: 'outpatient', status: 'pending', totalFen: 8180, dept: { code: 'D01', caty: 'A03' }, doctor: { code: 'DR001' } });
    expect(bill.lines.map((l: { medinsListCodg: string; qty: number }) => [l.medinsListCodg, l.qty])).toEqual([['YP0001', 2], ['YP0005', 1], ['FW0003', 1]]);
    expect(body.totalFen).toBe(8180);
    for (const person of [B, C]) expect((await get(`/his/persons/${person.psnNo}/bills`)).body.bills).toHaveLength(1);
  });

  it('turns a doctor\'s order into a pending bill (loopback-only endpoint)', async () => {
    const { status, body } = await post('/his/orders', { psnNo: D.psnNo, doctorCode: 'DR004', items: [{ code: 'YP0002', qty: 3 }, { code: 'FW0003', qty: 1 }] });
    expect(status).toBe(201);
    expect(body).toMatchObject({ psnNo: D.psnNo, status: 'pending', totalFen: 620 * 3 + 2000, dept: { code: 'D03' } });
    expect(his.routes.find((r) => r.path === '/his/orders')?.loopbackOnly).toBe(true);
    expect((await post('/his/orders', { psnNo: D.psnNo, doctorCode: 'DR004', items: [{ code: 'NOPE', qty: 1 }] })).status).toBe(404);
    expect((await post('/his/orders', { psnNo: D.psnNo, doctorCode: 'DR004', items: [{ code: 'YP0002', qty: 0.5 }] })).body.error.code).toBe('INVALID_REQUEST');
    expect((await post('/his/orders', { psnNo: 'nobody', doctorCode: 'DR004', items: [{ code: 'YP0002', qty: 1 }] })).status).toBe(404);
  });

  it('marks a bill paid once per settlement, and reopens it after a settlement cancel', async () => {
    const [bill] = (await get(`/his/persons/${B.psnNo}/bills`)).body.bills;
    const paid = await post(`/his/bills/${bill.billNo}/pay`, { setlId: 'S0001' });
    expect(paid.body).toMatchObject({ status: 'paid', setlId: 'S0001', paidAt: '2026-11-29 09:00:00' });
    expect((await post(`/his/bills/${bill.billNo}/pay`, { setlId: 'S0001' })).status).toBe(200);
    expect((await post(`/his/bills/${bill.billNo}/pay`, { setlId: 'S0002' })).status).toBe(409);
    expect((await get(`/his/persons/${B.psnNo}/bills`)).body.bills).toEqual([]);
    expect((await get(`/his/persons/${B.psnNo}/bills?status=paid`)).body.bills).toHaveLength(1);
    expect((await post(`/his/bills/${bill.billNo}/reopen`, { setlId: 'S0009' })).status).toBe(409);
    expect((await post(`/his/bills/${bill.billNo}/reopen`, { setlId: 'S0001' })).body.status).toBe('pending');
    expect((await post(`/his/bills/${bill.billNo}/pay`, {})).body.error).toEqual({ code: 'INVALID_REQUEST', message: 'setlId: Invalid input: expected string, received undefined' });
  });

  it('keeps every line and bill total exact: amount = unit price x qty, total = sum of lines', async () => {
    for (const person of DEMO_PERSONS) {
      for (const bill of (await get(`/his/persons/${person.psnNo}/bills?status=all`)).body.bills) {
        for (const line of bill.lines as Line[]) expect(line.amountFen).toBe(line.unitPriceFen * line.qty);
        expect(bill.totalFen).toBe((bill.lines as Line[]).reduce((sum, l) => sum + l.amountFen, 0));
        expect(new Set((bill.lines as Line[]).map((l) => l.feedetlSn)).size).toBe(bill.lines.length);
      }
    }
  });
});

describe('registration', () => {
  it('offers morning and afternoon slots per doctor with the fee from the catalogue', async () => {
    const { body } = await get('/his/registration/slots?dept=D01');
    expect(body.date).toBe('2026-11-29');
    expect(body.slots).toHaveLength(4);
    expect(body.slots[2]).toMatchObject({ period: 'AM', doctor: { code: 'DR002', title: '副主任医师' }, feeItem: 'FW0002', feeFen: 2500, remaining: 20 });
    expect((await get('/his/registration/slots?date=2026-12-05')).body.slots).toHaveLength(10);
    expect((await get('/his/registration/slots?date=29.11.2026')).status).toBe(400);
  });

  it('books a slot into a pending fee bill, refuses a second booking and frees the place on cancel', async () => {
    const slot = (await get('/his/registration/slots?dept=D02')).body.slots[0];
    const booked = await post('/his/registrations', { psnNo: C.psnNo, slotId: slot.slotId });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ psnNo: C.psnNo, status: 'active', slot: { remaining: 19 }, bill: { kind: 'registration', status: 'pending', totalFen: 1000 } });
    expect(booked.body.bill.visitNo).toBe(booked.body.regNo);
    expect((await post('/his/registrations', { psnNo: C.psnNo, slotId: slot.slotId })).status).toBe(409);
    const cancelled = await post(`/his/registrations/${booked.body.regNo}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', slot: { remaining: 20 }, bill: { status: 'cancelled' } });
  });

  it('refuses a full slot and cancelling a paid registration', async () => {
    const slot = (await get('/his/registration/slots?dept=D04')).body.slots[1];
    db.prepare('UPDATE his_slots SET booked = capacity - 1 WHERE id = ?').run(slot.slotId);
    const last = await post('/his/registrations', { psnNo: A.psnNo, slotId: slot.slotId });
    expect(last.body.slot.remaining).toBe(0);
    expect((await post('/his/registrations', { psnNo: B.psnNo, slotId: slot.slotId })).body.error).toEqual({ code: 'CONFLICT', message: `slot ${slot.slotId} is full`, reason: 'SLOT_FULL' });
    await post(`/his/bills/${last.body.bill.billNo}/pay`, { setlId: 'S0100' });
    expect((await post(`/his/registrations/${last.body.regNo}/cancel`)).status).toBe(409);
  });
});

describe('inpatient stays', () => {
  it('charges bed and nursing for each day of the stay up to today, with the extra lines', async () => {
    const { body } = await get(`/his/persons/${A.psnNo}/stays`);
    expect(body.stays).toHaveLength(1);
    const [stay] = body.stays;
    expect(stay).toMatchObject({ admittedOn: '2026-11-26', status: 'admitted', bed: '3-12' });
    const daily = stay.lines.filter((l: { daily: boolean }) => l.daily);
    expect(daily).toHaveLength(8); // 26, 27, 28, 29 x (bed, nursing)
    expect(stay.lines).toHaveLength(10);
    expect(stay.totalFen).toBe(4 * (4000 + 2200) + 2 * 1290 + 3 * 350);
  });

  it('adds a day when the clock passes midnight, stops at discharge, and is paid after discharge only', async () => {
    const stayNo = (await get(`/his/persons/${A.psnNo}/stays`)).body.stays[0].stayNo;
    expect((await post(`/his/stays/${stayNo}/pay`, { setlId: 'S0200' })).status).toBe(409);
    clock.now = new Date('2026-11-29T17:00:00Z'); // 01:00 on the 30th in China
    expect((await get(`/his/stays/${stayNo}`)).body.lines).toHaveLength(12);
    const discharged = await post(`/his/stays/${stayNo}/discharge`);
    expect(discharged.body).toMatchObject({ status: 'discharged', dischargedOn: '2026-11-30' });
    clock.now = new Date('2026-12-02T01:00:00Z');
    expect((await get(`/his/stays/${stayNo}`)).body.lines).toHaveLength(12);
    expect((await post(`/his/stays/${stayNo}/pay`, { setlId: 'S0200' })).body).toMatchObject({ status: 'paid', setlId: 'S0200' });
    expect((await post(`/his/stays/${stayNo}/discharge`)).status).toBe(409);
  });
});

describe('the API at large', () => {
  it('answers unknown persons, endpoints and bills with a 404 JSON error', async () => {
    expect((await get('/his/persons/nobody/bills')).body).toEqual({ error: { code: 'NOT_FOUND', message: 'person nobody not found', reason: 'PERSON_UNKNOWN' } });
    expect((await get('/his/bills/B000')).status).toBe(404);
    expect((await get('/his/nothing')).status).toBe(404);
  });

  it('seeds idempotently: a restart adds no demo bills, only the slots of days newly in the week ahead', () => {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const before = { bills: count('his_bills'), slots: count('his_slots'), stays: count('his_stays') };
    expect(before.slots).toBe(7 * 10); // 29 Nov .. 5 Dec, 5 doctors x 2 half-days
    createHospitalSystem(deps); // the clock is now 2 Dec: 6, 7 and 8 Dec are new
    expect({ bills: count('his_bills'), slots: count('his_slots'), stays: count('his_stays') }).toEqual({ ...before, slots: before.slots + 3 * 10 });
  });

  it('logs no name or ID number', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const p of DEMO_PERSONS) for (const secret of [p.name, p.certno, p.psnNo]) expect(logs.join('\n')).not.toContain(secret);
  });
});
