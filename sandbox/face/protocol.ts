import { z } from 'zod';

/**
 * The e-voucher middle platform's wrapper (nhsa-interface.md §3.2): in `{orgId, transType,
 * data, extra}`, out `{code, message, data, orgId, extra}` with `code` 0 for success and
 * `data` a JSON string. Every refusal has its own code so the kiosk can say what to do next.
 */
export const EcCode = {
  OK: 0,
  INVALID_REQUEST: 1001,
  DUPLICATE_OUT_BIZ_NO: 1002,
  UNKNOWN_TRANS_TYPE: 1003,
  BAD_IMAGE: 2001,
  NO_FACE: 2002,
  SEVERAL_FACES: 2003,
  NO_MATCH: 2004,
  SECOND_FACTOR_REQUIRED: 2005,
  SECOND_FACTOR_WRONG: 2006,
  AUTH_UNKNOWN_OR_USED: 2007,
  SECOND_FACTOR_LOCKED: 2008,
  AUTH_EXPIRED: 2009,
  QR_UNKNOWN_OR_USED: 3001,
  QR_EXPIRED: 3002,
  UNKNOWN_PERSON: 4001,
  /** cn.nhsa.ec.family (sandbox extension): the ecToken is unknown, expired, or itself a family member's. */
  TOKEN_NOT_USABLE: 4002,
  SERVICE_UNAVAILABLE: 9001,
} as const;

export type EcCodeValue = (typeof EcCode)[keyof typeof EcCode];

export const TRANS_TYPES = ['cn.nhsa.ec.auth', 'cn.nhsa.auth.check', 'ec.query'] as const;
export type TransType = (typeof TRANS_TYPES)[number];

/** `data` may arrive as an object or, as the DLL sends it, a JSON string. */
const dataObject = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}, z.record(z.string(), z.unknown()));

export const envelopeSchema = z.object({
  orgId: z.string().min(1).max(40),
  transType: z.string().min(1).max(64),
  data: dataObject,
  extra: z.unknown().optional(),
});

const operator = {
  orgId: z.string().min(1).max(40).optional(),
  businessType: z.string().regex(/^\d{5}$/, 'businessType is 5 digits'),
  operatorId: z.string().max(30).optional(),
  operatorName: z.string().max(50).optional(),
  officeId: z.string().max(30).optional(),
  officeName: z.string().max(100).optional(),
  deviceType: z.string().max(30).optional(),
  extData: z.unknown().optional(),
};

export const ecAuthSchema = z.object({
  ...operator,
  outBizNo: z.string().min(1).max(64),
  /** Sandbox extension: the best frame as base64 JPEG (a `data:` URL prefix is accepted). */
  faceImage: z.string().min(16, 'faceImage is a base64 JPEG'),
  /**
   * Sandbox extension: how the kiosk saw liveness. Anything but `motion` (a gesture was shown),
   * absent included, gets the knowledge check: a still photo or a replayed clip never pays alone.
   */
  liveness: z.enum(['motion', 'none']).optional(),
  /** Sandbox extension: the kiosk's amount is above its knowledge-check cap. */
  knowledgeCheck: z.literal('amount').optional(),
});

export const authCheckSchema = z.object({
  ...operator,
  outBizNo: z.string().max(64).optional(),
  authNo: z.string().min(1).max(64),
  /** Sandbox extension: the second factor, the last 4 characters of the ID number. */
  idNoLast4: z.string().regex(/^\d{3}[\dXx]$/, 'idNoLast4 is 4 digits (the last may be X)').optional(),
});

export const ecQuerySchema = z.object({
  ...operator,
  ecQrCode: z.string().min(1).max(200),
});

export interface EcAnswer {
  code: EcCodeValue;
  message: string;
  data: string;
  orgId: string;
  extra: unknown;
}

export function answer(orgId: string, code: EcCodeValue, message: string, data: object = {}): EcAnswer {
  return { code, message, data: JSON.stringify(data), orgId, extra: null };
}

/** The first problem zod found, as `field: rule`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const path = issue.path.join('.') || 'request';
  return `${path}: ${issue.message}`;
}

/** Base64 (optionally a data: URL) to bytes; undefined when it is not base64 at all. */
export function decodeBase64Image(text: string): Buffer | undefined {
  const body = text.replace(/^data:image\/[a-z]+;base64,/i, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  return Buffer.from(body, 'base64');
}
