import { z } from 'zod';
import { migrateKnowledgeCheck } from './legacyConfig';

export const COUNTER_MODES = ['registration', 'cashier', 'pharmacy', 'inpatient'] as const;
export type CounterMode = (typeof COUNTER_MODES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Gateways differ by province (spec §1.3): TIF headers, Alibaba CSB headers, or an OAuth2 bearer
 * token with SM2/SM4 on the envelope. electron/settlement/README.md "Gateway profiles".
 */
export const REGION_PROFILES = ['tif', 'csb', 'oauth-sm'] as const;
export type RegionProfile = (typeof REGION_PROFILES)[number];
/** One URL with infno in the body, or one REST path per transaction (spec §1.3, URL layout). */
export const ENDPOINT_STYLES = ['single', 'per-transaction'] as const;
/** Money on the wire as JSON numbers (yuan, 2 decimals) or as strings (spec §2.10). */
export const AMOUNT_STYLES = ['number', 'string'] as const;
export type AmountStyle = (typeof AMOUNT_STYLES)[number];

/**
 * Per-transaction paths of the Hebei gateway (spec §1.3, OH `ClassHelper.cs` `GetPubWay`), used
 * under `endpoint.style: per-transaction` unless `endpoint.paths` names another. The source has
 * none for 9002, the pharmacy 2101-2103 or 5201: a region using this style must name those.
 */
export const HEBEI_TRANSACTION_PATHS: Readonly<Record<string, string>> = {
  '9001': '/fsi/api/signInSignOutService/signIn',
  '1101': '/fsi/api/fsiPsnInfoService/queryPsnInfo',
  '2201': '/fsi/api/outpatientDocInfoService/outpatientRregistration',
  '2202': '/fsi/api/outpatientDocInfoService/outpatientRegistrationCancel',
  '2203': '/fsi/api/outpatientDocInfoService/outpatientMdtrtinfoUp',
  '2204': '/fsi/api/outpatientDocInfoService/outpatientFeeListUp',
  '2205': '/fsi/api/outpatientDocInfoService/outpatientFeeListUpCancel',
  '2206': '/fsi/api/outpatientSettleService/preSettletment',
  '2207': '/fsi/api/outpatientSettleService/saveSettletmentV2',
  '2207A': '/fsi/api/outpatientSettleService/saveSettletment',
  '2208': '/fsi/api/outpatientSettleService/cancleSettletment',
  '2301': '/fsi/api/hospFeeDtlService/feeDtlUp',
  '2302': '/fsi/api/hospFeeDtlService/feeDtlCl',
  '2303': '/fsi/api/hospSettService/preSett',
  '2304': '/fsi/api/hospSettService/settV2',
  '2305': '/fsi/api/hospSettService/settCl',
  '2401': '/fsi/api/hospitalRegisterService/hospitalRegisterSave',
  '2402': '/fsi/api/dscgService/dischargeProcess',
  '2404': '/fsi/api/hospitalRegisterService/hospitalRegisterCancel',
  '2405': '/fsi/api/dscgService/dischargeUndo',
  '2601': '/fsi/api/reverseService/revsMethod',
  '3201': '/fsi/api/ybSettlementStmtService/stmtTotal',
  '3202': '/fsi/api/ybSettlementStmtService/stmtDetail',
  '5203': '/fsi/api/fsiIntegratedQueryService/querySetlInfo',
  '9101': '/fsi/api/fileupload/upload',
  '9102': '/fsi/api/fileupload/download',
};

/** Every transaction the kiosk sends: under per-transaction paths each needs one. */
export const KIOSK_TRANSACTIONS = [
  '9001', '9002', '1101', '2101', '2102', '2103', '2201', '2202', '2203', '2204', '2205', '2206', '2207', '2208',
  '2301', '2302', '2303', '2304', '2305', '2401', '2402', '2404', '2405', '2601', '3201', '3202', '5201', '5203', '9101', '9102',
] as const;

const INFNO_KEY = z.string().regex(/^\d{4}[A-Z]?$/, 'keys must be transaction codes (e.g. 2207, 2203A)');
const URL_PATH = z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, 'must be a URL path starting with /');

/** What differs by gateway profile; each section is read only by its profile. */
const regionEndpoint = z
  .object({
    style: z.enum(ENDPOINT_STYLES).default('single'),
    /** `single`: the one path every transaction is posted to. */
    path: URL_PATH.default('/fsi/api/rsfComIfsService/callService'),
    /** `per-transaction`: paths that replace the built-in (Hebei, spec §1.3) path of a transaction. */
    paths: z.record(INFNO_KEY, URL_PATH).default({}),
  })
  .strict();
const regionCsb = z
  .object({
    apiVersion: z.string().min(1).max(32).default('1.0.0'),
    /** The CSB service name of every transaction not named in `apiNames`. */
    apiName: z.string().min(1).max(128).default('fsi.callService'),
    apiNames: z.record(INFNO_KEY, z.string().min(1).max(128)).default({}),
    /** `_api_timestamp` in Unix seconds (YR's Jiangsu client) or milliseconds (Alibaba's SDK). */
    timestampUnit: z.enum(['s', 'ms']).default('s'),
  })
  .strict();
const regionOauth = z
  .object({
    tokenPath: URL_PATH.default('/auth/oauth/token'),
    /** Sent with the client secret as HTTP Basic; also the SM4 key, so 16 bytes when encrypting. */
    clientId: z.string().min(1).max(64).default('facesettle000001'),
    scope: z.string().max(64).default('server'),
    /** `input` SM4-encrypted and SM2-signed (`cainfo`), `output` SM4-decrypted. */
    encrypt: z.boolean().default(true),
    /** The SM2 signer id (Z value); the client id when absent (spec §1.3). */
    sm2UserId: z.string().max(64).optional(),
  })
  .strict();

/** `embedded` means: start the local sandbox and talk to it (the zero-configuration default). */
export const EMBEDDED_PLATFORM = 'embedded';

/** The face capture's liveness policy (renderer/face/README.md says what each does). */
export const FACE_POLICIES = ['passive-only', 'passive+active', 'active-always'] as const;
export type FacePolicy = (typeof FACE_POLICIES)[number];
/**
 * The password-free cap the example file suggests (¥500 a payment, ¥1000 a day per person) and
 * an old face.knowledgeCheckAboveFen is read with (legacyConfig.ts); the sandbox demo's cap. Not a
 * default for a real gateway: its file without region.passwordFreeCap has no cap, and config:check
 * says so (README "Family payment").
 */
export const SUGGESTED_PASSWORD_FREE_CAP = { perTransactionFen: 50_000, perDayFen: 100_000 };

/** A terminal's msgid slot (electron/settlement/nhsa/msgid.ts). */
export const TERMINAL_SLOT = /^\d{2}$/;
const SLOT_RULE = 'must be two digits in quotes, "00" to "99", a different one for every terminal of the institution';

/** `salt:hash`, scrypt hex, as `npm run pin:hash` prints it: PINs are never stored in clear. */
const pinHash = z.string().regex(/^[^:]{1,64}:[0-9a-f]{64}$/, 'must be salt:hash as printed by npm run pin:hash');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** Paper the slips are laid out for: a thermal roll 80 or 58 mm wide, or a sheet. */
export const PAPER_SIZES = ['80mm', '58mm', 'A4', 'A5'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** `{cash}` is the only placeholder: the cash still due, as the screen writes money (¥5.00). */
const nextStepText = z
  .string()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters (it is shown and spoken after the slip prints)')
  .refine((text) => !/\{(?!cash\})[^}]*\}/.test(text), 'the only placeholder is {cash} (the cash still due)');
const modeNextStep = z.object({ cashDue: nextStepText, paid: nextStepText }).strict();

/**
 * Where the patient goes once the slip is out, per counter mode: `cashDue` when cash remains to
 * be paid (with `{cash}` filled in), `paid` when nothing does; `pending` and `cancel` for those
 * slips. Hospitals word these for their own building.
 */
export const DEFAULT_NEXT_STEPS = {
  registration: { cashDue: '请到一楼收费处付现金 {cash}，再到诊室候诊', paid: '请凭挂号凭条到诊室候诊' },
  cashier: { cashDue: '现金 {cash} 已在本窗口收取，请凭凭条取药或检查', paid: '请凭凭条取药或检查' },
  pharmacy: { cashDue: '请向药师付现金 {cash}，然后在本窗口取药', paid: '请在本窗口取药' },
  inpatient: { cashDue: '请到住院收费处付现金 {cash}，再办理出院', paid: '请凭凭条到护士站办理出院' },
  pending: '请收好凭条，结果确认前请不要重复缴费',
  cancel: '费用按原支付方式退回，请收好撤销凭条',
} as const;

const printerSection = z
  .object({
    /** The system printer's name; empty: slips are kept as PDF files (Electron) or left to the page's print (browser bridge). */
    deviceName: z.string().max(200),
    /** Slips print as soon as the result is known, without a tap. */
    autoPrint: z.boolean().default(true),
    paper: z.enum(PAPER_SIZES).default('80mm'),
    nextStep: z
      .object({
        registration: modeNextStep.default(DEFAULT_NEXT_STEPS.registration),
        cashier: modeNextStep.default(DEFAULT_NEXT_STEPS.cashier),
        pharmacy: modeNextStep.default(DEFAULT_NEXT_STEPS.pharmacy),
        inpatient: modeNextStep.default(DEFAULT_NEXT_STEPS.inpatient),
        pending: nextStepText.default(DEFAULT_NEXT_STEPS.pending),
        cancel: nextStepText.default(DEFAULT_NEXT_STEPS.cancel),
      })
      .strict()
      .default(DEFAULT_NEXT_STEPS),
  })
  .strict();

export const terminalConfigSchema = z
  .object({
    institution: z
      .object({
        code: z.string().regex(/^[HP]\d{11}$/, 'must be H or P followed by 11 digits (e.g. H42120200001)'),
        name: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters (the envelope\'s fixmedins_name)'),
      })
      .strict(),
    region: z
      .object({
        profile: z.enum(REGION_PROFILES),
        areaCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit division code (e.g. 421200)'),
        infver: z.string().min(1).max(6),
        /** The receiver system code, unless a person-related request's insutype is listed below. */
        recerSysCode: z.string().min(1).max(10),
        /** Per insurance type (the input's `insutype`), e.g. 340 (离休) → LXXT in Hebei. */
        recerSysCodeByInsutype: z.record(z.string().regex(/^\d{3}$/, 'keys must be 3-digit insutype codes'), z.string().min(1).max(10)).default({}),
        /**
         * The gateway's request-freshness window (TIF x-tif-timestamp, CSB _api_timestamp; under
         * oauth-sm the platform's check of the msgid's time): a request older than this can no
         * longer be accepted, so an unanswered one is "never happened" only after
         * sent + window + skew.
         */
        freshnessWindowSeconds: z.number().int().min(10).max(3600),
        /** How far the kiosk's clock may differ from the platform's. */
        clockSkewSeconds: z.number().int().min(0).max(600),
        endpoint: regionEndpoint.default({ style: 'single', path: '/fsi/api/rsfComIfsService/callService', paths: {} }),
        amounts: z.enum(AMOUNT_STYLES).default('string'),
        csb: regionCsb.default({ apiVersion: '1.0.0', apiName: 'fsi.callService', apiNames: {}, timestampUnit: 's' }),
        oauth: regionOauth.default({ tokenPath: '/auth/oauth/token', clientId: 'facesettle000001', scope: 'server', encrypt: true }),
        // Family payment (issue 15): whether the patient's own account pays before a relative's (共济),
        // and the password-free cap per transaction and per person per day (absent or null: no cap).
        // The one amount setting: it also decides the face step's ID-digit check (replaces face.knowledgeCheckAboveFen).
        familyPayment: z.object({ ownAccountFirst: z.boolean() }).strict().optional(),
        passwordFreeCap: z.object({ perTransactionFen: z.number().int().min(0).max(1e10), perDayFen: z.number().int().min(0).max(1e10) }).strict().nullable().optional(),
      })
      .strict()
      .superRefine((region, ctx) => {
        // SM4 keys are 16 bytes, and the client id is the key (spec §1.3, pattern 3).
        if (region.profile === 'oauth-sm' && region.oauth.encrypt && new TextEncoder().encode(region.oauth.clientId).length !== 16) {
          ctx.addIssue({ code: 'custom', path: ['oauth', 'clientId'], message: 'must be exactly 16 bytes when oauth.encrypt is on (it is the SM4 key)' });
        }
        if (region.endpoint.style === 'per-transaction') {
          const missing = KIOSK_TRANSACTIONS.filter((infno) => !(region.endpoint.paths[infno] ?? HEBEI_TRANSACTION_PATHS[infno]));
          if (missing.length > 0) {
            ctx.addIssue({ code: 'custom', path: ['endpoint', 'paths'], message: `needs a path for ${missing.join(', ')} (no built-in Hebei path; ask the region)` });
          }
        }
      }),
    platform: z
      .object({
        url: z.union([z.literal(EMBEDDED_PLATFORM), httpUrl]),
        paasId: z.string().min(1).max(64),
      })
      .strict(),
    /** The hospital information system's port (shared/his, build/his-openapi.json); `embedded` is the sandbox's mini HIS. */
    his: z
      .object({
        url: z.union([z.literal(EMBEDDED_PLATFORM), httpUrl]),
        /**
         * The header the hospital system requires on every call (e.g. `Authorization`, `X-HIS-Key`);
         * its value is kept in the secret store (`--set-his-secret`). None when absent.
         */
        authHeader: z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'must be an HTTP header name, e.g. Authorization or X-HIS-Key').optional(),
      })
      .strict(),
    /** The province's e-voucher (face and QR) channel; `embedded` is the sandbox's. */
    evoucher: z.object({ url: z.union([z.literal(EMBEDDED_PLATFORM), httpUrl]) }).strict(),
    terminal: z
      .object({
        // The terminal signs in to the platform as itself (9001 opter_no, at most 20).
        id: z.string().regex(/^[A-Za-z0-9-]{1,20}$/, 'must be 1-20 letters, digits or dashes (9001 signs the terminal in with it as opter_no, at most 20)'),
        name: z.string().min(1, 'must not be empty').max(50, 'must be at most 50 characters (the envelope\'s opter_name)'),
        mode: z.enum(COUNTER_MODES),
        /**
         * This terminal's two msgid digits. msgids are unique per institution, not per terminal
         * (spec §4), so no two terminals of one institution may share a slot; this file cannot
         * see the others, so hospital IT keeps the list.
         */
        slot: z.string({ error: SLOT_RULE }).regex(TERMINAL_SLOT, SLOT_RULE),
      })
      .strict(),
    locale: z.enum(LOCALES),
    idleTimeoutSeconds: z.number().int().min(30).max(900),
    /** Staff who may authorise cancels and staff-assisted identification. */
    operators: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Za-z0-9]{1,20}$/, 'must be 1-20 letters or digits (9001 signs the operator in with it as opter_no, at most 20)'),
            name: z.string().min(1, 'must not be empty').max(50, 'must be at most 50 characters (the envelope\'s opter_name)'),
            pinHash,
          })
          .strict(),
      )
      .max(50),
    admin: z.object({ pinHash }).strict(),
    face: z
      .object({
        policy: z.enum(FACE_POLICIES),
        maxAttempts: z.number().int().min(1).max(10),
        // The amount above which the face step asks for ID digits is region.passwordFreeCap's (legacyConfig.ts).
      })
      .strict(),
    /** The slip printer: which, on what paper, whether slips print themselves, and what the screen says next. */
    printer: printerSection,
    /**
     * What the confirmation offers first: whether the personal part is paid from the personal
     * account (acct_used_flag 1) until the patient chooses otherwise.
     */
    settlement: z.object({ useAccountByDefault: z.boolean().default(true) }).strict().default({ useAccountByDefault: true }),
    /**
     * Where 呼叫工作人员 is sent: a webhook that receives each call signed with a shared secret
     * (`FACESETTLE_STAFF_CALL_SECRET`). Empty: the embedded sandbox's receiver in a demo, none otherwise.
     */
    staffCall: z.object({ webhookUrl: z.union([z.literal(''), httpUrl]).default('') }).strict().default({ webhookUrl: '' }),
    // PIN lockouts (issue 14): electron/core/pinLockout.ts.
    /** Wrong admin or operator PINs in a row that lock that PIN, and for how long (kept across restarts). */
    pinLockout: z
      .object({ maxFailures: z.number().int().min(3).max(20).default(5), lockMinutes: z.number().int().min(1).max(1440).default(5) })
      .strict()
      .default({ maxFailures: 5, lockMinutes: 5 }),
    // Monitoring (issue 14, Prometheus): README "Monitoring"; resolved in electron/core/metrics/prometheusConfig.ts.
    /**
     * The health server (/health, /metrics): the address it binds (loopback when absent) and a
     * file holding the bearer token both then require. FACESETTLE_HEALTH_BIND and
     * FACESETTLE_METRICS_TOKEN override them. Any address but loopback needs a token.
     */
    monitoring: z
      .object({ bind: z.union([z.ipv4(), z.ipv6()], { error: 'must be an IP address, e.g. 127.0.0.1 or 0.0.0.0' }).optional(), tokenFile: z.string().min(1).optional() })
      .strict()
      .optional(),
    /**
     * The social-security card reader (issue 13 item 7): `none` (staff type the number printed
     * on the card), or `simulated` (demos and tests: the card "in the reader" is the JSON file
     * `cardFile`, electron/core/devices/simulatedCardReader.ts).
     */
    cardReader: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('none') }).strict(),
        z.object({ kind: z.literal('simulated'), cardFile: z.string().min(1, 'must name the card file') }).strict(),
      ])
      .default({ kind: 'none' }),
  })
  .strict();

export type TerminalConfig = z.infer<typeof terminalConfigSchema>;

/** The demo terminal at the sandbox's demo hospital in Xianning. */
export const SANDBOX_DEFAULTS: TerminalConfig = {
  institution: { code: 'H42120200001', name: '咸宁市演示医院' },
  region: {
    profile: 'tif',
    areaCode: '421200',
    infver: 'V1.0',
    recerSysCode: 'YBXT',
    recerSysCodeByInsutype: { '340': 'LXXT' },
    freshnessWindowSeconds: 300,
    clockSkewSeconds: 30,
    endpoint: { style: 'single', path: '/fsi/api/rsfComIfsService/callService', paths: {} },
    amounts: 'string',
    csb: { apiVersion: '1.0.0', apiName: 'fsi.callService', apiNames: {}, timestampUnit: 's' },
    oauth: { tokenPath: '/auth/oauth/token', clientId: 'facesettle000001', scope: 'server', encrypt: true },
    // The demo shows the cap as a region with one would (receipt line, digits above it); the sandbox's
    // own: a file for a real gateway that writes none has none (checkTerminalConfig).
    passwordFreeCap: SUGGESTED_PASSWORD_FREE_CAP,
  },
  platform: { url: EMBEDDED_PLATFORM, paasId: 'facesettle-demo' },
  his: { url: EMBEDDED_PLATFORM },
  evoucher: { url: EMBEDDED_PLATFORM },
  terminal: { id: 'KIOSK-01', name: '自助终端01', mode: 'registration', slot: '01' },
  locale: 'zh-CN',
  idleTimeoutSeconds: 120,
  // Demo PINs, for the sandbox only (README): operator OP001 246810, admin 135790.
  operators: [
    { id: 'OP001', name: '演示收费员', pinHash: 'facesettle-demo-op:475f40a2fac601d6df01ec606e622bc8dba6c336366ed2abb3612e79fa8d4589' },
  ],
  admin: { pinHash: 'facesettle-demo-admin:68871800edec941a573769cbd7015433330b103aa3f4412b9db292b43eec2db3' },
  face: { policy: 'active-always', maxAttempts: 3 },
  printer: { deviceName: '', autoPrint: true, paper: '80mm', nextStep: DEFAULT_NEXT_STEPS },
  settlement: { useAccountByDefault: true },
  staffCall: { webhookUrl: '' },
  pinLockout: { maxFailures: 5, lockMinutes: 5 },
  cardReader: { kind: 'none' },
};

/** One readable line per problem, naming the field: what a hospital's IT team acts on. */
export function describeConfigIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
}

export type ConfigCheck =
  | { ok: true; config: TerminalConfig; warnings: string[] }
  | { ok: false; problems: string[] };

/** Merges a partial file over the defaults (section by section), then validates the whole. */
export function checkTerminalConfig(input: unknown): ConfigCheck {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: ['(top level): must be a JSON object'] };
  }
  // Settings older files still carry are read into what replaced them, each with a warning.
  const { partial, warnings, problems: legacy } = migrateKnowledgeCheck(input as Record<string, unknown>, SUGGESTED_PASSWORD_FREE_CAP);
  const merged: Record<string, unknown> = { ...SANDBOX_DEFAULTS };
  for (const [key, value] of Object.entries(partial)) {
    const base = (SANDBOX_DEFAULTS as Record<string, unknown>)[key];
    merged[key] =
      base && typeof base === 'object' && value && typeof value === 'object' && !Array.isArray(value)
        ? { ...base, ...value }
        : value;
  }
  dropDemoCap(partial, merged);
  const parsed = terminalConfigSchema.safeParse(merged);
  const problems = [...(parsed.success ? recordProblems(parsed.data) : describeConfigIssues(parsed.error)), ...legacy, ...slotProblems(partial, merged)];
  return parsed.success && problems.length === 0 ? { ok: true, config: parsed.data, warnings } : { ok: false, problems };
}

/**
 * The sandbox's demo cap is not a region's: a file for a real gateway that does not write
 * region.passwordFreeCap runs with no cap, as README says, and config:check warns of it.
 */
function dropDemoCap(partial: Record<string, unknown>, merged: Record<string, unknown>): void {
  const platform = merged.platform as { url?: unknown } | undefined;
  const region = partial.region;
  const written = region !== null && typeof region === 'object' && 'passwordFreeCap' in region;
  if (platform?.url === EMBEDDED_PLATFORM || written || merged.region === null || typeof merged.region !== 'object') return;
  const { passwordFreeCap: _demo, ...rest } = merged.region as Record<string, unknown>;
  merged.region = rest;
}

/**
 * Two terminals of one institution that share a slot issue each other's msgids, and the
 * sandbox default would give every terminal "01": against a real gateway the file must say.
 */
function slotProblems(partial: Record<string, unknown>, merged: Record<string, unknown>): string[] {
  const platform = merged.platform as { url?: unknown } | undefined;
  if (platform?.url === EMBEDDED_PLATFORM) return [];
  const terminal = partial.terminal;
  const given = terminal !== null && typeof terminal === 'object' && 'slot' in terminal;
  return given
    ? []
    : [`terminal.slot: must be written in this file when platform.url is a real gateway; it ${SLOT_RULE} (hospital IT keeps the list)`];
}

/**
 * What the platform would refuse about who acts: an institution of the wrong kind for the
 * counter (spec §1.1: H… hospitals, P… pharmacies; the pharmacy transactions are a pharmacy's,
 * the hospital ones a hospital's), and an operator sharing the terminal's id, which would
 * share its 9001 sign-in. Checked once every field is valid on its own.
 */
function recordProblems(config: TerminalConfig): string[] {
  const problems: string[] = [];
  const pharmacy = config.terminal.mode === 'pharmacy';
  if (pharmacy !== config.institution.code.startsWith('P')) {
    problems.push(
      pharmacy
        ? `institution.code: must be a pharmacy's code (P followed by 11 digits) for terminal.mode "pharmacy"; ${config.institution.code} is a hospital's`
        : `institution.code: must be a hospital's code (H followed by 11 digits) for terminal.mode "${config.terminal.mode}"; ${config.institution.code} is a pharmacy's`,
    );
  }
  config.operators.forEach((operator, i) => {
    if (operator.id === config.terminal.id) problems.push(`operators.${i}.id: must differ from terminal.id (both sign in to the platform as opter_no)`);
  });
  return problems;
}
