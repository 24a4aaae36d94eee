import { z } from 'zod';
import { maskId } from '../../shared/mask';
import type { SandboxRequest, SandboxRoute } from '../http/types';
import type { SandboxPart, SandboxPartDeps } from '../parts';
import { createBills, type Bill } from './bills';
import { createCatalogue } from './catalogue';
import { invalid, notFound } from './errors';
import { createInpatient } from './inpatient';
import { createRegistration } from './registration';
import { createRouter } from './router';
import { migrateHisTables } from './schema';
import { DEPARTMENTS, DOCTORS, seedHospital } from './seed';
import { chinaDate, chinaDateTime } from './time';

/**
 * The mini hospital system (issue 3, item 8): what the kiosk's hospital-system bridge reads
 * (pending bills, registration slots, the catalogue, inpatient fee lines) and writes (bookings,
 * paid marks). Tables `his_*`; API in README.md.
 */
export function createHospitalSystem(deps: SandboxPartDeps): SandboxPart {
  const { db, clock } = deps;
  migrateHisTables(db);
  const catalogue = createCatalogue(db);
  const bills = createBills(db, catalogue);
  const registration = createRegistration(db, catalogue, bills);
  const inpatient = createInpatient(db, catalogue);
  const today = () => chinaDate(clock());
  const now = () => chinaDateTime(clock());
  seedHospital(db, { bills, inpatient, today: today(), now: now() });

  const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
    const result = schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    throw invalid(`${issue.path.join('.') || 'body'}: ${issue.message}`);
  };
  const person = (psnNo: string) => {
    if (!deps.persons.byPsnNo(psnNo)) throw notFound(`person ${psnNo}`);
    return psnNo;
  };
  const setl = z.object({ setlId: z.string().min(1).max(30) });
  const ok = (body: unknown, status = 200) => ({ status, body });
  const billStatus = z.enum(['pending', 'paid', 'cancelled', 'all']);

  const get = createRouter([
    ['/his/departments', () => ok({
      departments: DEPARTMENTS.map((d) => ({ ...d, doctors: DOCTORS.filter((dr) => dr.deptCode === d.code).map(({ code, name, title }) => ({ code, name, title })) })),
    })],
    ['/his/registration/slots', (_, r) => {
      const date = r.query.get('date') ?? today();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw invalid('date: yyyy-MM-dd');
      return ok({ date, slots: registration.slots(date, r.query.get('dept')) });
    }],
    ['/his/registrations/:regNo', (p) => ok(registration.get(p['regNo']!))],
    ['/his/persons/:psnNo/bills', (p, r) => {
      const status = parse(billStatus, r.query.get('status') ?? 'pending');
      const list = bills.forPerson(person(p['psnNo']!), status === 'all' ? null : status);
      return ok({ psnNo: p['psnNo'], bills: list, totalFen: list.reduce((sum, b) => sum + b.totalFen, 0) });
    }],
    ['/his/bills/:billNo', (p) => ok(bills.get(p['billNo']!))],
    ['/his/catalogue', (_, r) => {
      const barcode = r.query.get('barcode');
      if (barcode) return ok({ items: [catalogue.byBarcode(barcode)] });
      const limit = Number(r.query.get('limit') ?? 20);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalid('limit: 1..100');
      return ok({ items: catalogue.search(r.query.get('q') ?? '', r.query.get('kind'), limit) });
    }],
    ['/his/catalogue/barcode/:barcode', (p) => ok(catalogue.byBarcode(p['barcode']!))],
    ['/his/catalogue/items/:code', (p) => ok(catalogue.byCode(p['code']!))],
    ['/his/persons/:psnNo/stays', (p) => ok({ psnNo: p['psnNo'], stays: inpatient.forPerson(person(p['psnNo']!), today()) })],
    ['/his/stays/:stayNo', (p) => ok(inpatient.read(p['stayNo']!, today()))],
  ]);

  const logBill = (what: string, bill: Bill) => deps.log(`his ${what} ${bill.billNo} psn=${maskId(bill.psnNo)} total=${bill.totalFen}`);
  const post = createRouter([
    ['/his/registrations', (_, r) => {
      const body = parse(z.object({ psnNo: z.string().min(1), slotId: z.number().int().positive() }), r.body);
      const booked = registration.register(person(body.psnNo), body.slotId, now());
      logBill('registration', booked.bill);
      return ok(booked, 201);
    }],
    ['/his/registrations/:regNo/cancel', (p) => ok(registration.cancel(p['regNo']!))],
    ['/his/bills/:billNo/pay', (p, r) => {
      const paid = bills.markPaid(p['billNo']!, parse(setl, r.body).setlId, now());
      logBill('paid', paid);
      return ok(paid);
    }],
    ['/his/bills/:billNo/reopen', (p, r) => ok(bills.reopen(p['billNo']!, parse(setl, r.body).setlId))],
    ['/his/stays/:stayNo/discharge', (p) => ok(inpatient.discharge(p['stayNo']!, today()))],
    ['/his/stays/:stayNo/pay', (p, r) => ok(inpatient.markPaid(p['stayNo']!, parse(setl, r.body).setlId, now(), today()))],
  ]);

  const orderSchema = z.object({
    psnNo: z.string().min(1),
    doctorCode: z.string().min(1),
    items: z.array(z.object({ code: z.string().min(1), qty: z.number().int().positive().max(999) })).min(1).max(50),
  });
  const orders = createRouter([
    ['/his/orders', (_, r) => {
      const body = parse(orderSchema, r.body);
      const bill = bills.create({ psnNo: person(body.psnNo), kind: 'outpatient', doctorCode: body.doctorCode, items: body.items, at: now() });
      logBill('order', bill);
      return ok(bill, 201);
    }],
  ]);

  const route = (method: SandboxRoute['method'], path: string, handle: (r: SandboxRequest) => ReturnType<typeof get>, loopbackOnly = false): SandboxRoute =>
    ({ method, path, loopbackOnly, handle });
  return {
    // The exact, loopback-only orders route comes before the POST prefix route that would match it.
    routes: [route('POST', '/his/orders', orders, true), route('GET', '/his/*', get), route('POST', '/his/*', post)],
  };
}
