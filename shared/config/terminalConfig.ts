import { z } from 'zod';

export const COUNTER_MODES = ['registration', 'cashier', 'pharmacy', 'inpatient'] as const;
export type CounterMode = (typeof COUNTER_MODES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Gateways differ by province; only the TIF header profile exists so far. */
export const REGION_PROFILES = ['tif'] as const;

/** `embedded` means: start the local sandbox and talk to it (the zero-configuration default). */
export const EMBEDDED_PLATFORM = 'embedded';

/** The face capture's liveness policy (renderer/face/README.md says what each does). */
export const FACE_POLICIES = ['passive-only', 'passive+active', 'active-always'] as const;
export type FacePolicy = (typeof FACE_POLICIES)[number];

/** A terminal's msgid slot (electron/settlement/nhsa/msgid.ts). */
export const TERMINAL_SLOT = /^\d{2}$/;
const SLOT_RULE = 'must be two digits in quotes, "00" to "99", a different one for every terminal of the institution';

/** `salt:hash`, scrypt hex, as `npm run pin:hash` prints it: PINs are never stored in clear. */
const pinHash = z.string().regex(/^[^:]{1,64}:[0-9a-f]{64}$/, 'must be salt:hash as printed by npm run pin:hash');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const terminalConfigSchema = z
  .object({
    institution: z
      .object({
        code: z.string().regex(/^[HP]\d{11}$/, 'must be H or P followed by 11 digits (e.g. H42120200001)'),
        name: z.string().min(1).max(200),
      })
      .strict(),
    region: z
      .object({
        profile: z.enum(REGION_PROFILES),
        areaCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit division code (e.g. 421200)'),
        infver: z.string().min(1).max(6),
        recerSysCode: z.string().min(1).max(10),
        /**
         * The gateway's request-freshness window (TIF x-tif-timestamp): a request older than this
         * can no longer be accepted, so an unanswered one is "never happened" only after
         * sent + window + skew.
         */
        freshnessWindowSeconds: z.number().int().min(10).max(3600),
        /** How far the kiosk's clock may differ from the platform's. */
        clockSkewSeconds: z.number().int().min(0).max(600),
      })
      .strict(),
    platform: z
      .object({
        url: z.union([z.literal(EMBEDDED_PLATFORM), httpUrl]),
        paasId: z.string().min(1).max(64),
      })
      .strict(),
    /** The hospital information system's bridge API; `embedded` is the sandbox's mini HIS. */
    his: z.object({ url: z.union([z.literal(EMBEDDED_PLATFORM), httpUrl]) }).strict(),
    /** The province's e-voucher (face and QR) channel; `embedded` is the sandbox's. */
    evoucher: z.object({ url: z.union([z.literal(EMBEDDED_PLATFORM), httpUrl]) }).strict(),
    terminal: z
      .object({
        id: z.string().regex(/^[A-Za-z0-9-]{1,30}$/, 'must be 1-30 letters, digits or dashes'),
        name: z.string().min(1).max(50),
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
          .object({ id: z.string().regex(/^[A-Za-z0-9]{1,20}$/, 'must be 1-20 letters or digits'), name: z.string().min(1).max(50), pinHash })
          .strict(),
      )
      .max(50),
    admin: z.object({ pinHash }).strict(),
    face: z
      .object({ policy: z.enum(FACE_POLICIES), maxAttempts: z.number().int().min(1).max(10) })
      .strict(),
    /** The system printer's name; empty: receipts are saved as PDF. */
    printer: z.object({ deviceName: z.string().max(200) }).strict(),
  })
  .strict();

export type TerminalConfig = z.infer<typeof terminalConfigSchema>;

/** The demo terminal at the sandbox's demo hospital in Xianning. */
export const SANDBOX_DEFAULTS: TerminalConfig = {
  institution: { code: 'H42120200001', name: '咸宁市演示医院' },
  region: { profile: 'tif', areaCode: '421200', infver: 'V1.0', recerSysCode: 'YBXT', freshnessWindowSeconds: 300, clockSkewSeconds: 30 },
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
  printer: { deviceName: '' },
};

/** One readable line per problem, naming the field: what a hospital's IT team acts on. */
export function describeConfigIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
}

export type ConfigCheck =
  | { ok: true; config: TerminalConfig }
  | { ok: false; problems: string[] };

/** Merges a partial file over the defaults (section by section), then validates the whole. */
export function checkTerminalConfig(input: unknown): ConfigCheck {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: ['(top level): must be a JSON object'] };
  }
  const partial = input as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...SANDBOX_DEFAULTS };
  for (const [key, value] of Object.entries(partial)) {
    const base = (SANDBOX_DEFAULTS as Record<string, unknown>)[key];
    merged[key] =
      base && typeof base === 'object' && value && typeof value === 'object' && !Array.isArray(value)
        ? { ...base, ...value }
        : value;
  }
  const parsed = terminalConfigSchema.safeParse(merged);
  const problems = [...(parsed.success ? [] : describeConfigIssues(parsed.error)), ...slotProblems(partial, merged)];
  return parsed.success && problems.length === 0 ? { ok: true, config: parsed.data } : { ok: false, problems };
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
