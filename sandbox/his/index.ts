import { z } from 'zod';
import { maskId } from '../../shared/mask';
import { hisOperations, platformVisitBody, registrationBody, setlIdBody } from '../../shared/his/operations';
import type { SandboxRequest, SandboxRoute } from '../http/types';
import type { SandboxPart, SandboxPartDeps } from '../parts';
import { requireHeader, type HisAuth } from './auth';
import { createBills, type Bill } from './bills';
import { createCatalogue } from './catalogue';
import { createDiagnoses } from './diagnoses';
import { invalid, notFound } from './errors';
import { createInpatient } from './inpatient';
import { createRegistration } from './registration';
import { createRouter } from './router';
import { migrateHisTables } from './schema';
import { DEPARTMENTS, DOCTORS, seedHospital, USUAL_DIAGNOSES } from './seed';
import { chinaDate, chinaDateTime } from './time';
import { createVisits } from './visits';

export type { HisAuth };

/**
 * The mini hospital system (issue 3, item 8): the sandbox's implementation of the HIS port
 * (shared/his, published as build/his-openapi.json) — what the kiosk reads (pending bills,
 * registration slots, the catalogue, inpatient stays) and writes (bookings, paid marks, the
 * platform visit of a clinic visit). Requests are checked with the port's own schemas. Tables
 * `his_*`; API in README.md.
 */
export function createHospitalSystem(deps: SandboxPartDeps, options: { auth?: HisAuth } = {}): SandboxPart {
  const { db, clock } = deps;
  migrateHisTables(db);
  const catalogue = createCatalogue(db);
  const diagnoses = createDiagnoses(db);
  const visits = createVisits(db);
  const bills = createBills(db, catalogue, visits, diagnoses);
  const registration = createRegistration(db, catalogue, bills, visits);
  const inpatient = createInpatient(db, catalogue, diagnoses);
  const today = () => chinaDate(clock());
  const now = () => chinaDateTime(clock());
  seedHospital(db, { bills, inpatient, today: today(), now: now() });

  const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
    const result = schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    throw invalid(`${issue.path.join('.') || 'body'}: ${issue.message}`);
  };
  const query = <T>(schema: z.ZodType<T>, r: SandboxRequest): T => parse(schema, Object.fromEntries(r.query));
  const person = (psnNo: string) => {
    if (!deps.persons.byPsnNo(psnNo)) throw notFound(`person ${psnNo}`, 'PERSON_UNKNOWN');
    return psnNo;
  };
  const setlId = (r: SandboxRequest) => parse(setlIdBody, r.body).setlId;
  const ok = (body: unknown, status = 200) => ({ status, body });

  const get = createRouter([
    ['/his/departments', () => ok({
      departments: DEPARTMENTS.map((d) => ({ ...d, doctors: DOCTORS.filter((dr) => dr.deptCode === d.code).map(({ code, name, title }) => ({ code, name, title })) })),
    })],
    ['/his/registration/slots', (_, r) => {
      const q = query(hisOperations.listSlots.query, r);
      const date = q.date ?? today();
      return ok({ date, slots: registration.slots(date, q.dept ?? null) });
    }],
    ['/his/registrations/:regNo', (p) => ok(registration.get(p['regNo']!))],
    ['/his/persons/:psnNo/bills', (p, r) => {
      const status = query(hisOperations.pendingBills.query, r).status ?? 'pending';
      const list = bills.forPerson(person(p['psnNo']!), status === 'all' ? null : status);
      return ok({ psnNo: p['psnNo'], bills: list, totalFen: list.reduce((sum, b) => sum + b.totalFen, 0) });
    }],
    ['/his/bills/:billNo', (p) => ok(bills.get(p['billNo']!))],
    ['/his/visits/:visitNo', (p) => ok(visits.view(p['visitNo']!))],
    ['/his/catalogue', (_, r) => {
      const q = query(hisOperations.catalogue.query, r);
      if (q.barcode) return ok({ items: [catalogue.byBarcode(q.barcode)] });
      return ok({ items: catalogue.search(q.q ?? '', q.kind ?? null, Number(q.limit ?? 20)) });
    }],
    ['/his/catalogue/barcode/:barcode', (p) => ok(catalogue.byBarcode(p['barcode']!))],
    ['/his/catalogue/items/:code', (p) => ok(catalogue.byCode(p['code']!))],
    ['/his/persons/:psnNo/stays', (p) => ok({ psnNo: p['psnNo'], stays: inpatient.forPerson(person(p['psnNo']!), today()) })],
    ['/his/stays/:stayNo', (p) => ok(inpatient.read(p['stayNo']!, today()))],
  ]);

  const logBill = (what: string, bill: Bill) => deps.log(`his ${what} ${bill.billNo} psn=${maskId(bill.psnNo)} total=${bill.totalFen}`);
  const post = createRouter([
    ['/his/registrations', (_, r) => {
      const body = parse(registrationBody, r.body);
      const booked = registration.register(person(body.psnNo), body.slotId, now());
      logBill('registration', booked.bill);
      return ok(booked, 201);
    }],
    ['/his/registrations/:regNo/cancel', (p) => ok(registration.cancel(p['regNo']!))],
    ['/his/bills/:billNo/pay', (p, r) => {
      const paid = bills.markPaid(p['billNo']!, setlId(r), now());
      logBill('paid', paid);
      return ok(paid);
    }],
    ['/his/bills/:billNo/reopen', (p, r) => ok(bills.reopen(p['billNo']!, setlId(r)))],
    ['/his/stays/:stayNo/discharge', (p) => ok(inpatient.discharge(p['stayNo']!, today(), now()))],
    ['/his/stays/:stayNo/pay', (p, r) => ok(inpatient.markPaid(p['stayNo']!, setlId(r), now(), today()))],
    ['/his/stays/:stayNo/reopen', (p, r) => ok(inpatient.reopen(p['stayNo']!, setlId(r), today()))],
  ]);

  const put = createRouter([
    ['/his/visits/:visitNo/platform-visit', (p, r) => {
      const visit = visits.recordPlatformVisit(p['visitNo']!, parse(platformVisitBody, r.body).mdtrtId);
      deps.log(`his visit ${visit.visitNo} platform visit ${visit.mdtrtId} psn=${maskId(visit.psnNo)}`);
      return ok(visit);
    }],
  ]);

  // Not part of the port: the demo's stand-in for the doctor's desk, loopback only.
  const orderSchema = z.object({
    psnNo: z.string().min(1),
    doctorCode: z.string().min(1),
    items: z.array(z.object({ code: z.string().min(1), qty: z.number().int().positive().max(999) })).min(1).max(50),
    diagnoses: z
      .array(z.object({ diagType: z.string().regex(/^\d{1,3}$/).default('1'), code: z.string().min(1).max(20), name: z.string().min(1).max(100), main: z.boolean().default(false) }))
      .max(20)
      .optional(),
    rxCirculation: z.boolean().optional(),
  });
  const orders = createRouter([
    ['/his/orders', (_, r) => {
      const body = parse(orderSchema, r.body);
      const doctor = DOCTORS.find((d) => d.code === body.doctorCode);
      // The first diagnosis is the main one unless the doctor marked another.
      const written = body.diagnoses?.map((d, i, all) => ({ ...d, main: d.main || (i === 0 && !all.some((x) => x.main)) }));
      const bill = bills.create({
        psnNo: person(body.psnNo),
        kind: 'outpatient',
        doctorCode: body.doctorCode,
        items: body.items,
        at: now(),
        ...(written ? { diagnoses: written } : {}),
        ...(body.rxCirculation !== undefined ? { rxCirculation: body.rxCirculation } : {}),
        ...(doctor ? { fallbackDiagnoses: USUAL_DIAGNOSES[doctor.deptCode] ?? [] } : {}),
      });
      logBill('order', bill);
      return ok(bill, 201);
    }],
  ]);

  const route = (method: SandboxRoute['method'], path: string, handle: (r: SandboxRequest) => ReturnType<typeof get>, loopbackOnly = false): SandboxRoute =>
    ({ method, path, loopbackOnly, handle });
  const port = (handle: (r: SandboxRequest) => ReturnType<typeof get>) => requireHeader(options.auth, handle);
  return {
    // The exact, loopback-only orders route comes before the POST prefix route that would match it.
    routes: [
      route('POST', '/his/orders', orders, true),
      route('GET', '/his/*', port(get)),
      route('POST', '/his/*', port(post)),
      route('PUT', '/his/*', port(put)),
    ],
  };
}
