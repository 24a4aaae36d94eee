import { z } from 'zod';
import type { Result } from '../result';
import { COUNTER_MODES, FACE_POLICIES, LOCALES, PAPER_SIZES } from '../config/terminalConfig';
import type {
  AdmissionResult,
  BillView,
  CatalogueProduct,
  DayCsvExport,
  FamilyMemberView,
  IdentifiedPerson,
  InpatientStayView,
  OrphanReversal,
  PendingReceipt,
  QuoteView,
  ReconcileReport,
  RegistrationInfo,
  RegistrationSlot,
  SecondFactorResult,
  SettleResult,
  SettlementReceipt,
  UnresolvedAttemptView,
} from '../types/settlement';
import { deviceReportSchema } from '../health/deviceReport';
import { rendererLogEntrySchema } from '../logging/rendererLog';
import { metricEventSchema, type MetricsSummary } from '../metrics/events';
import type { KioskMethod } from './methods';
import * as requests from './settlementRequests';
import * as staffDesk from './staffDeskRequests';
import type { AdmissionSlip, CashTaken, TodayLookup } from '../types/staffDesk';

/**
 * The kiosk API: each method's request and response, defined once. The preload, the main
 * process handlers, the browser bridge and the renderer client are all derived from this map.
 * Requests are validated at the boundary; responses come from trusted code and are typed only.
 */
const typed = <T>() => z.custom<T>();
const empty = z.object({}).strict();
const adminToken = z.string().min(8).max(64);
/** The largest photo (a base64 JPEG) the face methods take: every transport must carry it. */
export const PHOTO_MAX_CHARS = 3_000_000;
const photo = z.string().min(100).max(PHOTO_MAX_CHARS);
/**
 * The largest request body a transport must accept: the photo (base64 is ASCII, one byte a
 * character) plus room for the other fields and the JSON around them, which are all small.
 */
export const MAX_REQUEST_BYTES = PHOTO_MAX_CHARS + 64 * 1024;

export type FaceIdentification =
  | { status: 'identified'; person: IdentifiedPerson }
  /** `why`: no gesture was shown, the amount is above the cap, or look-alikes (renderer/face/README.md). */
  | { status: 'second-factor'; authNo: string; attemptsLeft: number; why?: SecondFactorWhy }
  | { status: 'wrong-digits'; authNo: string; attemptsLeft: number }
  | { status: 'retry'; reason: 'no-face' | 'several-faces' | 'bad-image' | 'expired' }
  /** The face matched but the digits were wrong too often: not "not found". */
  | { status: 'digits-locked' }
  | { status: 'not-found' };
export type SecondFactorWhy = 'no-motion' | 'amount' | 'look-alike';

/** A slip of today found by its reference for staff to reprint, or why there is none. */
export type ReceiptLookup =
  | { status: 'found'; receipt: SettlementReceipt | PendingReceipt; registration: RegistrationInfo | null; reprintedAt: string }
  | { status: 'not-charged'; reference: string; state: 'failed' | 'reversed' };

export type QrIdentification = { status: 'identified'; person: IdentifiedPerson } | { status: 'qr-invalid' } | { status: 'qr-expired' };

/** The social-security card read by the counter's reader (main's, never typed): who it is, or why not. */
export type CardReaderIdentification =
  | { status: 'identified'; person: IdentifiedPerson }
  | { status: 'no-reader' }
  | { status: 'no-card' }
  | { status: 'unreadable' };

/** The terminal's health as the loopback endpoint reports it (electron/core/health). */
export interface HealthSummary {
  status: 'ok' | 'degraded' | 'down';
  generatedAt: string;
  checks: Record<string, { status: 'ok' | 'warn' | 'fail' | 'unknown'; detail: string }>;
}

export interface Diagnostics {
  version: string;
  shell: 'electron' | 'browser-bridge';
  configSource: string;
  mode: (typeof COUNTER_MODES)[number];
  institution: string;
  terminalId: string;
  printer: string;
  /** Attempts not yet final, of them listed for staff (admin → 待确认结算), HIS marks still owed. */
  journal: { unresolved: number; needStaff: number; hisOwed: number };
  health: HealthSummary;
}

export const contract = {
  getAppInfo: {
    request: empty,
    response: z.object({
      version: z.string(),
      mode: z.enum(COUNTER_MODES),
      institutionCode: z.string(),
      institutionName: z.string(),
      terminalId: z.string(),
      defaultLocale: z.enum(LOCALES),
      idleTimeoutSeconds: z.number().int().positive(),
      shell: z.enum(['electron', 'browser-bridge']),
      face: z.object({ policy: z.enum(FACE_POLICIES), maxAttempts: z.number().int() }),
      operators: z.array(z.object({ id: z.string(), name: z.string() })),
      /** Talking to the embedded sandbox: the demo menu may be shown. */
      demo: z.boolean(),
      /** A social-security card reader is configured (else staff type the number printed on the card). */
      cardReader: z.boolean().optional(),
      /**
       * How slips print here: `auto` when they print without a tap (configured, and this shell has
       * somewhere to print to), the paper they are laid out for, and this mode's next-step sentences.
       */
      printing: z.object({
        auto: z.boolean(),
        paper: z.enum(PAPER_SIZES),
        nextStep: z.object({ cashDue: z.string(), paid: z.string(), pending: z.string(), cancel: z.string() }),
      }),
    }),
  },
  /** Who runs this counter, as main keeps it (a reload or restart keeps it until sign-out or the day turns). */
  getOperator: { request: empty, response: typed<{ operator: { id: string; name: string; since: string } | null }>() },
  getHealth: {
    request: empty,
    response: z.object({
      platform: z.object({ url: z.string(), reachable: z.boolean(), latencyMs: z.number().nullable(), detail: z.string() }),
    }),
  },
  callStaff: {
    request: z
      .object({ reason: z.enum(['help', 'face-failed', 'payment-problem', 'other']), screen: z.string().max(40) })
      .strict(),
    /** `delivered`: the staff-call webhook took the call within a few seconds (else it is retried in the background). */
    response: z.object({ ticket: z.string(), raisedAt: z.string(), delivered: z.boolean() }),
  },
  /** The page's own log lines, validated and redacted in main. */
  log: { request: rendererLogEntrySchema, response: typed<{ logged: boolean }>() },
  /** The page tells main how its camera and face backend are doing, for the health endpoint. */
  reportDevices: { request: deviceReportSchema, response: typed<{ accepted: true }>() },
  /** Inclusion metrics: counts and step times only, never who. */
  recordMetric: { request: metricEventSchema, response: typed<{ recorded: true }>() },
  printReceipt: {
    request: z.object({ receipt: z.custom<SettlementReceipt | PendingReceipt | AdmissionSlip>((v) => typeof v === 'object' && v !== null && 'kind' in v) }).strict(),
    response: typed<{ via: 'printer' | 'pdf' | 'browser'; detail: string }>(),
  },

  identifyByFace: {
    // How liveness was shown (absent = none: the face service then asks for the last four ID
    // digits), and the amount about to be paid when the page knows it (region.passwordFreeCap).
    request: z.object({ photo, liveness: z.enum(['motion', 'none']).optional(), amountFen: z.number().int().min(0).max(1e10).optional() }).strict(),
    response: typed<FaceIdentification>(),
  },
  confirmSecondFactor: {
    request: z.object({ authNo: z.string().min(1).max(64), last4: z.string().regex(/^\d{3}[\dX]$/) }).strict(),
    response: typed<FaceIdentification>(),
  },
  identifyByQr: { request: z.object({ payload: z.string().min(4).max(200) }).strict(), response: typed<QrIdentification>() },
  identifyByCard: { request: requests.identifyByCardInput, response: typed<IdentifiedPerson>() },
  /** Reads the card in the counter's reader (main's device) and identifies by it: 1101 type 03 with card_sn. */
  identifyByCardReader: { request: empty, response: typed<CardReaderIdentification>() },
  identifyByIdNumber: {
    // Staff-assisted: a typed ID number is only as good as the staff member vouching for it.
    request: requests.identifyByIdNumberInput.extend({ operatorId: z.string().min(1).max(30), pin: z.string().min(4).max(12) }),
    response: typed<IdentifiedPerson>(),
  },
  endSession: { request: requests.endSessionInput, response: typed<{ forgotten: true }>() },

  listRegistrationSlots: { request: requests.listRegistrationSlotsInput, response: typed<RegistrationSlot[]>() },
  prepareRegistration: { request: requests.prepareRegistrationInput, response: typed<QuoteView & { registration?: RegistrationInfo }>() },
  listPendingBills: { request: requests.listPendingBillsInput, response: typed<BillView[]>() },
  prepareOutpatientSettlement: { request: requests.prepareOutpatientInput, response: typed<QuoteView>() },
  lookupCatalogue: { request: requests.lookupCatalogueInput, response: typed<CatalogueProduct[]>() },
  preparePharmacySettlement: { request: requests.preparePharmacyInput, response: typed<QuoteView>() },
  listInpatientStays: { request: requests.listInpatientStaysInput, response: typed<InpatientStayView[]>() },
  admitInpatient: { request: requests.admitInpatientInput, response: typed<AdmissionResult>() },
  prepareDischarge: { request: requests.prepareDischargeInput, response: typed<QuoteView>() },
  confirmSettlement: { request: requests.confirmSettlementInput, response: typed<SettleResult>() },
  declineQuote: { request: requests.declineQuoteInput, response: typed<{ declined: true }>() },
  /** The patient's personal-account choice on the confirmation: the platform quotes again, the new quote replaces the old. */
  requoteSettlement: { request: requests.requoteSettlementInput, response: typed<QuoteView>() },
  cancelSettlement: { request: requests.cancelSettlementInput, response: typed<SettleResult>() },
  /** Family payment (issue 15): the identified person's bound family; acting for one opens the patient's session with a payer. */
  listFamily: { request: requests.listFamilyInput, response: typed<{ members: FamilyMemberView[] }>() },
  actForFamily: { request: requests.actForFamilyInput, response: typed<IdentifiedPerson>() },
  /** A relative's own face or QR session pays for this patient: main checks the relative's family holds the patient (by psn_no). */
  attachPayer: { request: requests.attachPayerInput, response: typed<IdentifiedPerson>() },
  /** Above the password-free cap: `passed` marks the quote so confirmSettlement goes through; a miss says how many digit tries are left. */
  passSecondFactor: { request: requests.passSecondFactorInput, response: typed<SecondFactorResult>() },

  adminUnlock: {
    request: z.object({ pin: z.string().min(4).max(12) }).strict(),
    response: typed<{ adminToken: string; expiresAt: number }>(),
  },
  adminLock: { request: z.object({ adminToken }).strict(), response: typed<{ locked: true }>() },
  getDiagnostics: { request: z.object({ adminToken }).strict(), response: typed<Diagnostics>() },
  reconcileDay: { request: requests.reconcileDayInput.extend({ adminToken }), response: typed<ReconcileReport>() },
  /** Attempts not yet final, and staff settling one recovery could not (operator PIN, reason, audited). */
  listUnresolved: { request: z.object({ adminToken }).strict(), response: typed<UnresolvedAttemptView[]>() },
  resolveUnresolved: { request: requests.resolveUnresolvedInput.extend({ adminToken }), response: typed<{ msgid: string; state: string }>() },
  /** The counter's operator signs in with their own PIN (the admin token only opens the page). */
  signInOperator: {
    request: z.object({ adminToken, operatorId: z.string().min(1).max(20), pin: z.string().min(4).max(12) }).strict(),
    response: typed<{ operator: { id: string; name: string; since: string } }>(),
  },
  signOutOperator: { request: z.object({ adminToken }).strict(), response: typed<{ signedOut: true }>() },
  exitKiosk: { request: z.object({ adminToken }).strict(), response: typed<{ exiting: boolean }>() },
  /** Demo terminals (the embedded sandbox) only: who can be enrolled, and enrolling a face. */
  listDemoPersons: { request: z.object({ adminToken }).strict(), response: typed<Array<{ psnNo: string; maskedName: string; enrolled: boolean }>>() },
  demoEnrolFace: {
    request: z.object({ adminToken, psnNo: z.string().regex(/^\d{20}$/), photo }).strict(),
    response: typed<{ enrolled: true; maskedName: string }>(),
  },
  getMetrics: { request: z.object({ adminToken, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(), response: typed<MetricsSummary>() },
  exportMetricsCsv: {
    request: z
      .object({ adminToken, from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() })
      .strict(),
    response: typed<{ csv: string }>(),
  },
  /** This terminal's day for the finance office, and staff reversing an orphan day-end found (operator PIN, reason, audited). */
  exportDayCsv: { request: requests.exportDayCsvInput.extend({ adminToken }), response: typed<DayCsvExport>() },
  reverseOrphan: { request: requests.reverseOrphanInput.extend({ adminToken }), response: typed<OrphanReversal>() },
  /** Staff reprint today's slips (admin → 补打凭条), rebuilt from the journal: masked names only. */
  findReceipt: { request: requests.findReceiptInput.extend({ adminToken }), response: typed<ReceiptLookup>() },
  /** The staff side (issue 13): the cashier confirms cash taken with their PIN; today's settlements to reprint or cancel. */
  confirmCashTaken: { request: staffDesk.confirmCashTakenRequest, response: typed<CashTaken>() },
  findTodaySettlements: { request: staffDesk.findTodaySettlementsRequest, response: typed<TodayLookup>() },
  /** 交班签退 on the staff side with the signed-in operator's own PIN (issue 13). */
  endShift: { request: staffDesk.endShiftRequest, response: typed<{ signedOut: true }>() },
} satisfies Record<KioskMethod, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<M extends KioskMethod> = z.input<Contract[M]['request']>;
export type ResponseOf<M extends KioskMethod> = z.output<Contract[M]['response']>;

/** What `window.kiosk` is, in Electron (preload) and in the browser bridge alike. */
export type KioskApi = {
  [M in KioskMethod]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
};

/** What the main process (or the bridge host) implements for each method. */
export type KioskHandlers = {
  [M in KioskMethod]: (request: z.output<Contract[M]['request']>) => Promise<ResponseOf<M>>;
};
