import { z } from 'zod';
import {
  dateText, hisBill, hisCatalogueItem, hisDept, hisDoctor, hisRegistration, hisRegistry, hisSlot, hisStay, hisVisit, isHisRefusalReason, type HisRefusalReason,
} from './schemas';

/** A 404 or 409 an operation may answer, and the reasons it names with it. */
export interface HisRefusal {
  description: string;
  reasons: readonly [HisRefusalReason, ...HisRefusalReason[]];
}

const refusal = (description: string, ...reasons: [HisRefusalReason, ...HisRefusalReason[]]): HisRefusal => ({ description, reasons });

/**
 * Every operation of the HIS port: what the kiosk calls and a hospital system answers. Path
 * parameters are written `{name}`; the answer of the success status is validated by the kiosk
 * with `answer`, refusals carry the `Error` body with the statuses listed in `errors`, and a
 * 404 or 409 names one of the reasons listed with its status.
 */
export interface HisOperation {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  description: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  ok: 200 | 201;
  answer: z.ZodType;
  /** The refusals this operation may answer, beyond 400 (invalid request) and 401 (auth). */
  errors: Partial<Record<404 | 409, HisRefusal>>;
}

const named = <T extends z.ZodType>(id: string, schema: T): T => {
  hisRegistry.add(schema as z.ZodType, { id });
  return schema;
};

export const setlIdBody = named(
  'SettlementRef',
  z.object({ setlId: z.string().min(1).max(30).describe('The platform settlement id (setl_id).') }),
);
export const registrationBody = named(
  'RegistrationRequest',
  z.object({ psnNo: z.string().min(1).max(30), slotId: z.number().int().positive() }),
);
export const platformVisitBody = named(
  'PlatformVisitRef',
  z.object({ mdtrtId: z.string().min(1).max(30).describe('The platform visit id 2201 answered (mdtrt_id).') }),
);

const departments = named(
  'Departments',
  z.object({ departments: z.array(hisDept.extend({ doctors: z.array(hisDoctor) })) }),
);
const slots = named('Slots', z.object({ date: dateText, slots: z.array(hisSlot) }));
const personBills = named(
  'PersonBills',
  z.object({ psnNo: z.string(), bills: z.array(hisBill), totalFen: z.number().int().min(0).optional() }),
);
const personStays = named('PersonStays', z.object({ psnNo: z.string(), stays: z.array(hisStay) }));
const catalogueItems = named('CatalogueItems', z.object({ items: z.array(hisCatalogueItem) }));

const IDEMPOTENT_SETL =
  'Idempotent per setl_id: repeating it with the same setlId answers the same; the kiosk repeats it after a lost answer or a restart.';

export const hisOperations = {
  listDepartments: {
    method: 'get',
    path: '/his/departments',
    summary: 'Departments and their doctors',
    description: 'Reference data: every department with its NHSA category (caty) and its doctors.',
    ok: 200,
    answer: departments,
    errors: {},
  },
  listSlots: {
    method: 'get',
    path: '/his/registration/slots',
    summary: 'Registration slots of a day',
    description: 'Bookable slots (doctor, half-day) with the fee and the places left.',
    query: z.object({
      date: dateText.optional().describe('The day, today unless given.'),
      dept: z.string().max(30).optional().describe('One department only.'),
    }),
    ok: 200,
    answer: slots,
    errors: {},
  },
  register: {
    method: 'post',
    path: '/his/registrations',
    summary: 'Book a slot',
    description: 'Takes a place and raises the pending registration-fee bill; the registration opens a visit whose number is the regNo.',
    body: registrationBody,
    ok: 201,
    answer: hisRegistration,
    errors: {
      404: refusal('Unknown person or slot.', 'PERSON_UNKNOWN', 'SLOT_UNKNOWN'),
      409: refusal('The slot is full, the person holds it already, or it is no longer bookable.', 'SLOT_FULL', 'ALREADY_BOOKED', 'SLOT_CLOSED'),
    },
  },
  cancelRegistration: {
    method: 'post',
    path: '/his/registrations/{regNo}/cancel',
    summary: 'Give a booking back',
    description:
      'Frees the place, cancels the unpaid fee bill and clears the platform visit recorded for the visit (the kiosk cancels it on the platform with 2202). Idempotent.',
    ok: 200,
    answer: hisRegistration,
    errors: {
      404: refusal('Unknown registration.', 'REGISTRATION_UNKNOWN'),
      409: refusal('The fee is paid: the settlement must be cancelled (2208) and the bill reopened first.', 'REGISTRATION_PAID'),
    },
  },
  pendingBills: {
    method: 'get',
    path: '/his/persons/{psnNo}/bills',
    summary: "A person's bills",
    description: "The person's bills with their lines, the visit's diagnoses and its platform visit, oldest first.",
    query: z.object({ status: z.enum(['pending', 'paid', 'cancelled', 'all']).optional().describe('pending unless given.') }),
    ok: 200,
    answer: personBills,
    errors: { 404: refusal('Unknown person.', 'PERSON_UNKNOWN') },
  },
  payBill: {
    method: 'post',
    path: '/his/bills/{billNo}/pay',
    summary: 'Mark a bill paid',
    description: `Marks the bill paid by the platform settlement. ${IDEMPOTENT_SETL}`,
    body: setlIdBody,
    ok: 200,
    answer: hisBill,
    errors: { 404: refusal('Unknown bill.', 'BILL_UNKNOWN'), 409: refusal('Paid with another setl_id, or cancelled.', 'BILL_PAID', 'BILL_CANCELLED') },
  },
  reopenBill: {
    method: 'post',
    path: '/his/bills/{billNo}/reopen',
    summary: 'Reopen a bill',
    description: `After the settlement was cancelled (2208) the bill is pending again. Only with the setl_id it was paid with; a pending bill answers as it is. ${IDEMPOTENT_SETL}`,
    body: setlIdBody,
    ok: 200,
    answer: hisBill,
    errors: { 404: refusal('Unknown bill.', 'BILL_UNKNOWN'), 409: refusal('Not paid with that setl_id, or cancelled.', 'OTHER_SETTLEMENT', 'BILL_CANCELLED') },
  },
  recordPlatformVisit: {
    method: 'put',
    path: '/his/visits/{visitNo}/platform-visit',
    summary: "Record a visit's platform visit id",
    description:
      "The kiosk opened the platform visit (2201) for this HIS visit: every bill of the visit carries the mdtrtId from now on, so another terminal settles the visit's later bills within the same platform visit. Idempotent for the same mdtrtId.",
    body: platformVisitBody,
    ok: 200,
    answer: hisVisit,
    errors: { 404: refusal('Unknown visit.', 'VISIT_UNKNOWN'), 409: refusal('Another platform visit is recorded for it.', 'OTHER_PLATFORM_VISIT') },
  },
  catalogue: {
    method: 'get',
    path: '/his/catalogue',
    summary: 'Catalogue lookup (pharmacy)',
    description: 'By barcode (one item), or by text in the name or either code.',
    query: z.object({
      barcode: z.string().max(50).optional().describe('A scanned barcode; 404 when unknown.'),
      q: z.string().max(50).optional().describe('Text in the name or either code, taken literally.'),
      kind: z.enum(['drug', 'service', 'material']).optional(),
      limit: z.string().regex(/^(100|[1-9]\d?)$/, 'must be 1..100').optional().describe('At most this many items, 1..100 (20 unless given).'),
    }),
    ok: 200,
    answer: catalogueItems,
    errors: { 404: refusal('Unknown barcode.', 'ITEM_UNKNOWN') },
  },
  personStays: {
    method: 'get',
    path: '/his/persons/{psnNo}/stays',
    summary: "A person's inpatient stays",
    description: 'Every stay of the person with its lines and diagnoses.',
    ok: 200,
    answer: personStays,
    errors: { 404: refusal('Unknown person.', 'PERSON_UNKNOWN') },
  },
  stay: {
    method: 'get',
    path: '/his/stays/{stayNo}',
    summary: 'One stay',
    description: 'The stay with its fee lines up to today (daily items included).',
    ok: 200,
    answer: hisStay,
    errors: { 404: refusal('Unknown stay.', 'STAY_UNKNOWN') },
  },
  dischargeStay: {
    method: 'post',
    path: '/his/stays/{stayNo}/discharge',
    summary: 'Discharge a stay',
    description: 'Charges up to the day before today, records the discharge time, diagnoses and way, and closes the stay for new lines.',
    ok: 200,
    answer: hisStay,
    errors: { 404: refusal('Unknown stay.', 'STAY_UNKNOWN'), 409: refusal('Not admitted (discharged already, or paid).', 'STAY_NOT_ADMITTED') },
  },
  payStay: {
    method: 'post',
    path: '/his/stays/{stayNo}/pay',
    summary: 'Mark a stay paid',
    description: `Only after discharge. ${IDEMPOTENT_SETL}`,
    body: setlIdBody,
    ok: 200,
    answer: hisStay,
    errors: { 404: refusal('Unknown stay.', 'STAY_UNKNOWN'), 409: refusal('Not discharged, or paid with another setl_id.', 'STAY_NOT_DISCHARGED', 'STAY_PAID') },
  },
  reopenStay: {
    method: 'post',
    path: '/his/stays/{stayNo}/reopen',
    summary: 'Reopen a paid stay',
    description: `After the discharge settlement was cancelled (2305) the stay is discharged and unpaid again. Only with the setl_id it was paid with; an unpaid discharged stay answers as it is. ${IDEMPOTENT_SETL}`,
    body: setlIdBody,
    ok: 200,
    answer: hisStay,
    errors: { 404: refusal('Unknown stay.', 'STAY_UNKNOWN'), 409: refusal('Not paid with that setl_id, or still admitted.', 'OTHER_SETTLEMENT', 'STAY_NOT_DISCHARGED') },
  },
} as const satisfies Record<string, HisOperation>;

export type HisOperationId = keyof typeof hisOperations;
export type HisAnswer<K extends HisOperationId> = z.output<(typeof hisOperations)[K]['answer']>;

/**
 * The reason of a refusal when the operation lists it for that status, else undefined: an
 * unlisted or missing reason (a proxy's 404 for an unknown path, a vendor's own word) is no
 * reason the kiosk may tell the patient.
 */
export function listedReason(op: HisOperation, status: number, reason: unknown): HisRefusalReason | undefined {
  if (status !== 404 && status !== 409) return undefined;
  const listed = op.errors[status]?.reasons;
  return isHisRefusalReason(reason) && listed?.includes(reason) ? reason : undefined;
}
