import { z } from 'zod';

/**
 * The hospital-system (HIS) port: the shapes both sides of it implement. The kiosk validates
 * every HIS answer with these schemas, the sandbox HIS validates its requests with them, and
 * `build/his-openapi.json` is generated from them (`npm run his:openapi`). Money is integer fen,
 * times are China time (UTC+8) text. Objects may carry fields not named here: readers ignore
 * them, so a vendor can send more without breaking the kiosk.
 */
export const hisRegistry = z.registry<{ id: string }>();
const named = <T extends z.ZodType>(id: string, schema: T): T => {
  hisRegistry.add(schema as z.ZodType, { id });
  return schema;
};

export const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be yyyy-MM-dd').describe('A date, `yyyy-MM-dd`, China time.');
export const dateTimeText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be yyyy-MM-dd HH:mm:ss')
  .describe('A time, `yyyy-MM-dd HH:mm:ss`, China time (UTC+8, no daylight saving).');
const fen = z.number().int().min(0).describe('Money in integer fen (1 yuan = 100 fen).');
const code = (what: string, max = 30) => z.string().min(1).max(max).describe(what);

export const hisDept = named(
  'Department',
  z.object({
    code: code("The hospital's department code (2204 bilg_dept_codg)."),
    name: z.string().min(1).max(100),
    caty: code("The NHSA department category (2201 caty), from the platform's dictionary.", 6),
  }),
);

export const hisDoctor = named(
  'Doctor',
  z.object({
    code: code("The doctor's code (2201 atddr_no, 2204 bilg_dr_codg)."),
    name: z.string().min(1).max(50),
    title: z.string().max(50).describe('Professional title, e.g. 主治医师.'),
  }),
);

export const hisDiagnosis = named(
  'Diagnosis',
  z
    .object({
      diagType: z.string().regex(/^\d{1,3}$/).describe("NHSA diag_type: '1' western medicine, '2' TCM disease, '3' TCM syndrome."),
      seq: z.number().int().min(1).max(99).describe('Order within the list (diag_srt_no), from 1.'),
      code: code('Diagnosis code (ICD-10 national edition, or the TCM code), as the platform knows it.', 20),
      name: z.string().min(1).max(100),
      main: z.boolean().describe('The main diagnosis (maindiag_flag); exactly one per list when the list is not empty.'),
      deptCode: code('Department of the diagnosing doctor.'),
      deptName: z.string().min(1).max(100),
      doctorCode: code('The diagnosing doctor (dise_dor_no).'),
      doctorName: z.string().min(1).max(50),
      time: dateTimeText.describe('When the diagnosis was made (diag_time).'),
    })
    .describe("A diagnosis as the hospital's doctor recorded it: what 2203 / 2401 / 2402 carry in diseinfo."),
);

const diagnoses = (what: string) =>
  z
    .array(hisDiagnosis)
    .max(50)
    .superRefine((list, ctx) => {
      if (list.length > 0 && list.filter((d) => d.main).length !== 1) ctx.addIssue({ code: 'custom', message: 'exactly one diagnosis must be main' });
    })
    .describe(what);

export const hisOrderer = named(
  'Orderer',
  z
    .object({ deptCode: code('Ordering department.'), deptName: z.string().min(1).max(100), doctorCode: code('Ordering doctor.'), doctorName: z.string().min(1).max(50) })
    .describe('Who ordered the line (2204 / 2301 bilg_dept_* and bilg_dr_*).'),
);

const lineFields = {
  lineNo: z.number().int().min(1),
  feedetlSn: code('Unique within the visit or stay: what 2204 / 2301 carry as feedetl_sn.'),
  medinsListCodg: code("The hospital's own item code (medins_list_codg).", 150),
  medListCodg: code('The national list code (med_list_codg).', 50),
  name: z.string().min(1).max(200),
  kind: z.string().max(20).optional().describe('drug, service or material.'),
  unit: z.string().max(20),
  qty: z.number().int().positive().describe('Quantity, a whole number of units.'),
  unitPriceFen: fen.describe("The hospital's unit price in fen."),
  amountFen: fen.describe('unitPriceFen × qty.'),
  occurredAt: dateTimeText.describe('When the fee occurred (fee_ocur_time): the order time, or the time a daily item was charged.'),
  rxno: z.string().min(1).max(30).nullable().describe('The prescription number (rxno) when the line comes from a prescription, else null.'),
  rxCirculation: z.boolean().describe('Whether that prescription is circulated to outside pharmacies (rx_circ_flag); false for lines without one.'),
  orderedBy: hisOrderer,
};

const exactAmount = (line: { qty: number; unitPriceFen: number; amountFen: number }, ctx: z.RefinementCtx) => {
  if (line.amountFen !== line.unitPriceFen * line.qty) ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'must be unitPriceFen × qty' });
};

export const hisLine = named('BillLine', z.object(lineFields).superRefine(exactAmount).describe('One fee line of an outpatient bill.'));

export const hisStayLine = named(
  'StayLine',
  z
    .object({
      ...lineFields,
      feeDate: dateText.describe('The day the line is charged for.'),
      daily: z.boolean().describe('A recurring daily item (bed, nursing).'),
    })
    .superRefine(exactAmount)
    .describe('One fee line of an inpatient stay.'),
);

const totalOfLines = (value: { totalFen: number; lines: { amountFen: number }[] }, ctx: z.RefinementCtx) => {
  const sum = value.lines.reduce((total, line) => total + line.amountFen, 0);
  if (value.totalFen !== sum) ctx.addIssue({ code: 'custom', path: ['totalFen'], message: `must be the sum of the lines (${sum})` });
};

export const hisBill = named(
  'Bill',
  z
    .object({
      billNo: code('The bill number, unique in the hospital.'),
      psnNo: code("The person's platform number (psn_no)."),
      kind: z.enum(['registration', 'outpatient']),
      visitNo: code("The HIS visit number (2201 ipt_otp_no). A registration's bill has the registration number; a doctor's order for a patient registered that day with that doctor or department has the registration's."),
      status: z.enum(['pending', 'paid', 'cancelled']),
      totalFen: fen.describe('The sum of the lines.'),
      createdAt: dateTimeText,
      setlId: z.string().nullable().describe('The platform settlement (setl_id) that paid it.'),
      paidAt: dateTimeText.nullable(),
      dept: hisDept,
      doctor: hisDoctor,
      begntime: dateTimeText.describe('When the visit began: the registration time of a registered visit, else the time of its first order (2201 / 2203 begntime).'),
      diagnoses: diagnoses("The visit's diagnoses so far; empty before the doctor has seen the patient."),
      mdtrtId: z.string().min(1).max(30).nullable().describe('The platform visit (mdtrt_id) recorded for the visit by PUT /his/visits/{visitNo}/platform-visit; null until then.'),
      lines: z.array(hisLine).min(1),
    })
    .superRefine(totalOfLines)
    .describe("A bill: a doctor's order or a registration fee, pending until a settlement pays it."),
);

export const hisSlot = named(
  'Slot',
  z.object({
    slotId: z.number().int().positive(),
    date: dateText,
    period: z.enum(['AM', 'PM']),
    dept: hisDept,
    doctor: hisDoctor,
    feeItem: z.string().max(150).optional().describe('The consultation item whose price is the fee.'),
    feeFen: fen.describe('The registration fee.'),
    capacity: z.number().int().min(0).optional(),
    remaining: z.number().int().min(0),
  }),
);

export const hisRegistration = named(
  'Registration',
  z.object({
    regNo: code('The registration number; also the visit number of the visit it opens.'),
    psnNo: code("The person's platform number."),
    status: z.enum(['active', 'cancelled']),
    slot: hisSlot,
    bill: hisBill.describe('The registration-fee bill.'),
  }),
);

export const hisVisit = named(
  'Visit',
  z.object({
    visitNo: code('The HIS visit number.'),
    psnNo: code("The person's platform number."),
    begntime: dateTimeText,
    mdtrtId: z.string().min(1).max(30).nullable().describe('The platform visit recorded for it.'),
  }),
);

export const hisStay = named(
  'Stay',
  z
    .object({
      stayNo: code('The inpatient number (2401 ipt_no).'),
      psnNo: code("The person's platform number."),
      deptCode: code('The ward department.'),
      doctorCode: code('The attending doctor.'),
      dept: hisDept,
      attendingDoctor: hisDoctor.describe('The attending doctor (2401 atddr_no / chfpdr_name).'),
      bed: z.string().min(1).max(30),
      admittedOn: dateText,
      admittedAt: dateTimeText.describe('The admission time (2401 begntime).'),
      dischargedOn: dateText.nullable(),
      dischargedAt: dateTimeText.nullable().describe('The discharge time (2402 endtime); null while admitted.'),
      dischargeWay: z.string().regex(/^\d$/).nullable().describe("NHSA dscg_way: '1' on the doctor's order, '2' transferred, '3' to a community facility, '4' against advice, '5' died, '9' other; null while admitted."),
      status: z.enum(['admitted', 'discharged', 'paid']),
      setlId: z.string().nullable(),
      totalFen: fen.describe('The sum of the lines.'),
      admissionDiagnoses: diagnoses('Diagnoses on admission (2401 diseinfo).'),
      dischargeDiagnoses: diagnoses('Diagnoses on discharge (2402 diseinfo); empty while admitted.'),
      lines: z.array(hisStayLine),
    })
    .superRefine(totalOfLines)
    .describe('An inpatient stay with its fee lines up to today (or the day before discharge).'),
);

export const hisCatalogueItem = named(
  'CatalogueItem',
  z.object({
    medinsListCodg: code("The hospital's own item code.", 150),
    medListCodg: code('The national list code.', 50),
    barcode: z.string().max(50).nullable(),
    name: z.string().min(1).max(200),
    kind: z.string().max(20).optional(),
    cls: z.string().max(5).optional().describe("The fund's class as the hospital lists it (informational: the platform decides)."),
    unit: z.string().max(20),
    priceFen: fen,
  }),
);

/**
 * Why the HIS refused a request (404 or 409): the machine-readable reason the patient is told in
 * the kiosk's own words. Each operation lists the few it may answer (operations.ts `errors`); a
 * reason the operation does not list is read as no reason, never guessed at.
 */
export const HIS_REFUSAL_REASONS = {
  PERSON_UNKNOWN: 'The hospital has no record of this person (psnNo).',
  SLOT_UNKNOWN: 'No such slot.',
  SLOT_FULL: 'No place is left in the slot.',
  ALREADY_BOOKED: 'The person already holds an active booking of this slot.',
  SLOT_CLOSED: 'The slot is no longer bookable: its day has passed, or the hospital closed it.',
  REGISTRATION_UNKNOWN: 'No such registration.',
  REGISTRATION_PAID: 'The registration fee is paid: cancel the settlement (2208) and reopen the bill first.',
  BILL_UNKNOWN: 'No such bill.',
  BILL_PAID: 'The bill is paid with another settlement.',
  BILL_CANCELLED: 'The bill was cancelled.',
  OTHER_SETTLEMENT: 'It was not paid with the setlId given.',
  VISIT_UNKNOWN: 'No such visit.',
  OTHER_PLATFORM_VISIT: 'Another platform visit (mdtrtId) is recorded for the visit.',
  ITEM_UNKNOWN: 'No catalogue item has this barcode.',
  STAY_UNKNOWN: 'No such inpatient stay.',
  STAY_NOT_ADMITTED: 'The stay is not admitted any more (discharged or paid).',
  STAY_NOT_DISCHARGED: 'The stay is still admitted: discharge it first.',
  STAY_PAID: 'The stay is paid with another settlement.',
} as const;
export type HisRefusalReason = keyof typeof HIS_REFUSAL_REASONS;
export const isHisRefusalReason = (value: unknown): value is HisRefusalReason => typeof value === 'string' && Object.hasOwn(HIS_REFUSAL_REASONS, value);

const errorMessage = z.string().describe('For staff and logs, naming the field or the state that refused the request.');

export const hisErrorBody = named(
  'Error',
  z.object({
    error: z.object({
      code: z.enum(['INVALID_REQUEST', 'UNAUTHORIZED', 'NOT_FOUND', 'CONFLICT']),
      message: errorMessage,
      reason: z
        .string()
        .optional()
        .describe('Why, on a 404 or 409 of a port operation: one of the reasons that operation lists. Absent on 400 and 401.'),
    }),
  }),
);

/** The body of one operation's 404 or 409: the reason is required and one of those it lists. */
export const hisRefusalBody = (status: 404 | 409, reasons: readonly [HisRefusalReason, ...HisRefusalReason[]]) =>
  z.object({
    error: z.object({
      code: z.literal(status === 404 ? 'NOT_FOUND' : 'CONFLICT'),
      message: errorMessage,
      reason: z.enum(reasons).describe(reasons.map((r) => `${r}: ${HIS_REFUSAL_REASONS[r]}`).join('\n')),
    }),
  });

export type HisBill = z.infer<typeof hisBill>;
export type HisLine = z.infer<typeof hisLine>;
export type HisStayLine = z.infer<typeof hisStayLine>;
export type HisStay = z.infer<typeof hisStay>;
export type HisSlot = z.infer<typeof hisSlot>;
export type HisRegistration = z.infer<typeof hisRegistration>;
export type HisDiagnosis = z.infer<typeof hisDiagnosis>;
export type HisCatalogueItem = z.infer<typeof hisCatalogueItem>;
export type HisVisit = z.infer<typeof hisVisit>;
export type HisErrorCode = z.infer<typeof hisErrorBody>['error']['code'];
