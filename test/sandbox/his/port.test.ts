import { DatabaseSync } from 'node:sqlite';
import { hisOperations, type HisOperation, type HisOperationId } from '../../../shared/his/operations';
import { hisErrorBody } from '../../../shared/his/schemas';
import { createHospitalSystem } from '../../../sandbox/his';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { demoPersonDirectory } from '../support/persons';
import { serveRoutes } from '../support/serveRoutes';

// The sandbox HIS as an implementation of the published port: every operation answers what the
// contract (shared/his) says, with the data the NHSA messages need.
const [A, B, , D] = DEMO_PERSONS as [typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0]];
const clock = { now: new Date('2026-11-29T01:00:00Z') }; // 09:00 in China
const db = new DatabaseSync(':memory:');
const deps = { db, clock: () => clock.now, persons: demoPersonDirectory(), log: () => {} };
const his = createHospitalSystem(deps);
let url = '';
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await serveRoutes(his.routes));
});
afterAll(() => close());

const covered = new Set<HisOperationId>();

/** Calls one operation of the port and returns its answer, checked against the contract. */
async function call(id: HisOperationId, params: Record<string, string> = {}, options: { query?: Record<string, string>; body?: unknown } = {}) {
  const op = hisOperations[id];
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
  const search = options.query ? `?${new URLSearchParams(options.query)}` : '';
  const response = await fetch(`${url}${path}${search}`, {
    method: op.method.toUpperCase(),
    headers: { 'content-type': 'application/json' },
    ...(options.body !== undefined || op.method !== 'get' ? { body: JSON.stringify(options.body ?? {}) } : {}),
  });
  const body = (await response.json()) as unknown;
  if (response.status !== op.ok) {
    const { error } = hisErrorBody.parse(body);
    // A 404 or 409 of the port names a reason the operation lists for that status.
    if (response.status === 404 || response.status === 409) expect((op as HisOperation).errors[response.status]?.reasons).toContain(error.reason);
    return { status: response.status, error };
  }
  const parsed = op.answer.safeParse(body);
  if (!parsed.success) throw new Error(`${id}: ${JSON.stringify(parsed.error.issues)}`);
  covered.add(id);
  return { status: response.status, answer: parsed.data as any };
}

describe('outpatient bills carry the visit, its diagnoses and the prescription', () => {
  it('serves the seeded bill with the doctor\'s diagnoses, the visit start and per-line prescription data', async () => {
    const { answer } = await call('pendingBills', { psnNo: A.psnNo });
    const [bill] = answer.bills;
    expect(bill).toMatchObject({ begntime: '2026-11-29 09:00:00', mdtrtId: null, visitNo: expect.stringMatching(/^MZ/) });
    expect(bill.diagnoses).toEqual([
      { diagType: '1', seq: 1, code: 'K29.700', name: '胃炎', main: true, deptCode: 'D01', deptName: '内科', doctorCode: 'DR001', doctorName: '李明', time: '2026-11-29 09:00:00' },
      expect.objectContaining({ seq: 2, code: 'E78.500', main: false }),
    ]);
    const [omeprazole, atorvastatin, bloodTest] = bill.lines;
    expect(omeprazole.rxno).toMatch(/^RX\d+$/);
    expect(atorvastatin.rxno).toBe(omeprazole.rxno); // one prescription per order
    expect(bloodTest).toMatchObject({ rxno: null, rxCirculation: false });
    for (const line of bill.lines) {
      expect(line).toMatchObject({ occurredAt: '2026-11-29 09:00:00', rxCirculation: false, orderedBy: { deptCode: 'D01', deptName: '内科', doctorCode: 'DR001', doctorName: '李明' } });
    }
  });

  it('records a doctor\'s diagnoses and circulated prescription with an order, and the department\'s usual one without', async () => {
    const ordered = await fetch(`${url}/his/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ psnNo: D.psnNo, doctorCode: 'DR005', rxCirculation: true, items: [{ code: 'YP0006', qty: 1 }, { code: 'FW0003', qty: 1 }], diagnoses: [{ code: 'G44.200', name: '紧张型头痛' }, { diagType: '2', code: 'BNG010', name: '头痛病' }] }),
    });
    const bill = (await ordered.json()) as any;
    expect(ordered.status).toBe(201);
    expect(bill.diagnoses.map((d: any) => [d.diagType, d.seq, d.code, d.main])).toEqual([['1', 1, 'G44.200', true], ['2', 2, 'BNG010', false]]);
    expect(bill.lines.map((l: any) => [l.medinsListCodg, l.rxno !== null, l.rxCirculation])).toEqual([['YP0006', true, true], ['FW0003', false, false]]);

    const plain = await fetch(`${url}/his/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ psnNo: D.psnNo, doctorCode: 'DR004', items: [{ code: 'YP0002', qty: 1 }] }),
    });
    const usual = (await plain.json()) as any;
    expect(usual.diagnoses).toEqual([expect.objectContaining({ code: 'J20.900', main: true, deptCode: 'D03', doctorCode: 'DR004', time: '2026-11-29 09:00:00' })]);
    const { answer } = await call('pendingBills', { psnNo: D.psnNo }, { query: { status: 'all' } });
    expect(answer.bills.map((b: any) => b.billNo)).toEqual([bill.billNo, usual.billNo]);
  });
});

describe('inpatient stays carry real times, diagnoses and the discharge', () => {
  it('shows the admission time and diagnoses, and lines at the time they were charged', async () => {
    const { answer } = await call('personStays', { psnNo: A.psnNo });
    const [stay] = answer.stays;
    expect(stay).toMatchObject({
      admittedOn: '2026-11-26',
      admittedAt: '2026-11-26 14:20:00',
      dischargedAt: null,
      dischargeWay: null,
      dischargeDiagnoses: [],
      attendingDoctor: { code: 'DR002', name: '王芳' },
      dept: { code: 'D01', caty: 'A03' },
    });
    expect(stay.admissionDiagnoses.map((d: any) => [d.code, d.main, d.doctorCode, d.time])).toEqual([
      ['E11.900', true, 'DR002', '2026-11-26 14:20:00'],
      ['I10.x00', false, 'DR002', '2026-11-26 14:20:00'],
    ]);
    const at = (code: string, date: string) => stay.lines.find((l: any) => l.medinsListCodg === code && l.feeDate === date)?.occurredAt;
    expect(at('FW0005', '2026-11-26')).toBe('2026-11-26 14:20:00'); // the first day starts at admission
    expect(at('FW0005', '2026-11-27')).toBe('2026-11-27 00:00:00');
    expect(at('YP0003', '2026-11-26')).toBe('2026-11-26 15:05:00');
    expect(at('CL0001', '2026-11-27')).toBe('2026-11-27 09:30:00');
    expect(stay.lines.every((l: any) => l.orderedBy.doctorCode === 'DR002' && l.rxno === null)).toBe(true);
  });

  it('writes the doctor\'s discharge record at discharge, and reopens a paid stay only with its setl_id', async () => {
    const stayNo = (await call('personStays', { psnNo: A.psnNo })).answer.stays[0].stayNo;
    expect((await call('stay', { stayNo })).answer.status).toBe('admitted');
    const { answer: discharged } = await call('dischargeStay', { stayNo });
    expect(discharged).toMatchObject({ status: 'discharged', dischargedOn: '2026-11-29', dischargedAt: '2026-11-29 09:00:00', dischargeWay: '1' });
    expect(discharged.dischargeDiagnoses.map((d: any) => [d.seq, d.code, d.main, d.time])).toEqual([
      [1, 'E11.900', true, '2026-11-29 09:00:00'],
      [2, 'I10.x00', false, '2026-11-29 09:00:00'],
      [3, 'E78.500', false, '2026-11-29 09:00:00'],
    ]);
    expect((await call('dischargeStay', { stayNo })).status).toBe(409);

    expect((await call('payStay', { stayNo }, { body: { setlId: 'S-IN-1' } })).answer).toMatchObject({ status: 'paid', setlId: 'S-IN-1' });
    expect((await call('reopenStay', { stayNo }, { body: { setlId: 'S-OTHER' } })).error).toMatchObject({ code: 'CONFLICT' });
    expect((await call('reopenStay', { stayNo }, { body: { setlId: 'S-IN-1' } })).answer).toMatchObject({ status: 'discharged', setlId: null });
    expect((await call('reopenStay', { stayNo }, { body: { setlId: 'S-IN-1' } })).answer.status).toBe('discharged'); // idempotent
  });

  it('keeps the admission diagnoses as the discharge ones when the doctor wrote no other', async () => {
    const [stay] = (await call('personStays', { psnNo: D.psnNo })).answer.stays;
    const discharged = (await call('dischargeStay', { stayNo: stay.stayNo })).answer;
    expect(discharged.dischargeDiagnoses.map((d: any) => [d.code, d.main, d.doctorCode])).toEqual([['J18.900', true, 'DR004']]);
  });
});

describe('the rest of the port', () => {
  it('answers every remaining operation in the contract\'s shapes', async () => {
    await call('listDepartments');
    const slots = (await call('listSlots', {}, { query: { dept: 'D02' } })).answer.slots;
    const booked = (await call('register', {}, { body: { psnNo: B.psnNo, slotId: slots[0].slotId } })).answer;
    expect((await call('recordPlatformVisit', { visitNo: booked.regNo }, { body: { mdtrtId: 'M-PORT-1' } })).answer).toEqual({
      visitNo: booked.regNo, psnNo: B.psnNo, begntime: '2026-11-29 09:00:00', mdtrtId: 'M-PORT-1',
    });
    expect((await call('cancelRegistration', { regNo: booked.regNo })).answer.status).toBe('cancelled');
    const bill = (await call('pendingBills', { psnNo: B.psnNo })).answer.bills[0];
    expect((await call('payBill', { billNo: bill.billNo }, { body: { setlId: 'S-P-1' } })).answer.status).toBe('paid');
    expect((await call('reopenBill', { billNo: bill.billNo }, { body: { setlId: 'S-P-1' } })).answer.status).toBe('pending');
    expect((await call('catalogue', {}, { query: { barcode: '6901234560017' } })).answer.items).toHaveLength(1);
    expect((await call('catalogue', {}, { query: { q: '片', kind: 'drug', limit: '2' } })).answer.items).toHaveLength(2);
    expect((await call('catalogue', {}, { query: { limit: '0' } })).error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/^limit:/) });
    expect(new Set(Object.keys(hisOperations))).toEqual(covered);
  });

  it('reads a database written before the port carried real times and visits', () => {
    const old = new DatabaseSync(':memory:');
    const oldDeps = { ...deps, db: old };
    createHospitalSystem(oldDeps);
    old.exec("ALTER TABLE his_stays DROP COLUMN admitted_at; DELETE FROM his_visits; ALTER TABLE his_bill_lines DROP COLUMN rxno");
    createHospitalSystem(oldDeps);
    const row = old.prepare('SELECT admitted_on, admitted_at FROM his_stays ORDER BY stay_no LIMIT 1').get() as { admitted_on: string; admitted_at: string };
    expect(row.admitted_at).toBe(`${row.admitted_on} 08:00:00`);
    expect((old.prepare('SELECT COUNT(*) AS n FROM his_visits').get() as { n: number }).n).toBe(3); // one per seeded bill
  });
});
