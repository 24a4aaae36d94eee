import { maskId, maskName } from '../../../shared/mask';

/**
 * What a log line may say about a patient: masked names and ID numbers (`张*三`,
 * `4201**********1234`), never a token, a secret, an image or a face descriptor. Fields are
 * recognised by name (in any case, with or without `_`/`-`: `psn_name`, `psnName`), free text
 * by pattern. A name in free text cannot be recognised, so main passes names in fields; the
 * page's free text, which main does not write, has its Chinese masked wholesale (redactFreeText).
 */

const normalise = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

/**
 * The named fields, by what is done to them. The logger hands these to pino as redaction paths
 * (logger.ts, every usual spelling of each); `redact` below matches them in any spelling.
 */
export const FIELD_CLASSES = {
  name: ['name', 'psnName', 'userName', 'patientName', 'insuredName', 'fullName', 'operatorName'],
  /** ID-card, person and card numbers: masked, kept recognisable by their ends for support. */
  id: ['certno', 'idNo', 'idNumber', 'psnCertNo', 'psnNo', 'cardNo', 'cardSn', 'mdtrtCertNo'],
  /** Anything that authenticates: gone entirely. (`mdtrt_cert_no` is an ecToken under type 01.) */
  secret: [
    'ecToken', 'token', 'accessToken', 'secret', 'password', 'pin', 'signature', 'x-tif-signature',
    'authorization', 'cookie', 'ecQrCode', 'qrCode', 'authNo',
  ],
  image: ['image', 'img', 'photo', 'faceImage', 'frame', 'crop', 'bestFrame', 'jpeg', 'picture', 'imageData', 'base64'],
  descriptor: ['descriptor', 'embedding', 'faceDescriptor'],
} as const;
export type FieldClass = keyof typeof FIELD_CLASSES;


const REDACTED = '[redacted]';
const MAX_STRING = 2000;
const MAX_ITEMS = 50;
const MAX_DEPTH = 6;

const DATA_IMAGE = /data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]*/gi;
/** 200+ base64 characters in a row are an image or a blob whatever they are called. */
const LONG_BASE64 = /[A-Za-z0-9+/]{200,}={0,2}/g;
/** e-voucher tokens: 6-digit area + `ec` + the token body (nhsa-interface.md). */
const EC_TOKEN = /(?<![0-9A-Za-z])\d{6}ec[0-9A-Za-z]{16,}/g;
const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
/** Resident ID numbers: 17 digits and a check character. Over-masking an 18-digit number is safe. */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** A descriptor printed as text: a list of 16 or more numbers, some with decimals. */
const NUMBER = String.raw`-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?`;
const NUMBER_LIST = new RegExp(`${NUMBER}(?:\\s*,\\s*${NUMBER}){15,}`, 'gi');

export function redactText(text: string): string {
  // Bounded before the patterns run, so a huge string costs no more than a long one.
  const redacted = (text.length > 50 * MAX_STRING ? text.slice(0, 50 * MAX_STRING) : text)
    .replace(DATA_IMAGE, '[image removed]')
    .replace(LONG_BASE64, (run) => `[base64 ${run.length} chars removed]`)
    .replace(EC_TOKEN, '[ecToken removed]')
    .replace(JWT, '[token removed]')
    .replace(ID_NUMBER, (id) => maskId(id))
    .replace(NUMBER_LIST, (list) => (list.includes('.') ? '[descriptor removed]' : list));
  return redacted.length > MAX_STRING ? `${redacted.slice(0, MAX_STRING)}…[${redacted.length - MAX_STRING} chars cut]` : redacted;
}

const isFloatList = (value: unknown[]): boolean =>
  value.length >= 16 && value.every((v) => typeof v === 'number') && value.some((v) => !Number.isInteger(v));

/** What a named field becomes; undefined when its value is not one that class masks (a nested object). */
export function censorField(fieldClass: FieldClass, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (fieldClass) {
    case 'secret':
      return REDACTED;
    case 'image':
      return '[image removed]';
    case 'descriptor':
      return '[descriptor removed]';
    case 'name':
      return typeof value === 'string' ? maskName(value) : undefined;
    case 'id':
      return typeof value === 'string' || typeof value === 'number' ? maskId(String(value)) : undefined;
  }
}

const CLASS_OF = new Map<string, FieldClass>(
  (Object.keys(FIELD_CLASSES) as FieldClass[]).flatMap((c) => FIELD_CLASSES[c].map((name) => [normalise(name), c] as const)),
);

function byKey(key: string, value: unknown): unknown {
  const fieldClass = CLASS_OF.get(normalise(key));
  return fieldClass ? censorField(fieldClass, value) : undefined;
}

/** Runs of Chinese characters: where a name hides in free text. */
const HAN_RUN = /\p{Script=Han}{2,}/gu;

/**
 * Free text from the page (`log`'s message and fields): unlike main's own lines it may say
 * anything, a patient's name included, and a name cannot be told from other words. Every run of
 * Chinese characters is masked like a name (first and last kept); the page logs in English.
 */
export function redactFreeText(text: string): string {
  return redactText(text).replace(HAN_RUN, (run) => maskName(run));
}

/** `redactFreeText` on every string of a page's log fields, keys included. */
export function redactFreeFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactFreeText(value);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => redactFreeFields(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactFreeText(key), redactFreeFields(item, depth + 1)]));
}

/** A copy of `value` safe to write to a log: see the module comment. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  return walk(value, () => false, depth, seen);
}

/**
 * The same, except for the keys `pathCovered` says pino's redaction paths mask (logger.ts):
 * those are left to pino, any other spelling of a named field (`PSN_NAME`, `Authorization`)
 * is still masked here.
 */
export function redactValues(value: unknown, pathCovered: (key: string) => boolean): unknown {
  return walk(value, pathCovered, 0, new WeakSet<object>());
}

function walk(value: unknown, pathCovered: (key: string) => boolean, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return `[${typeof value}]`;
  if (value instanceof Float32Array || value instanceof Float64Array) return `[descriptor ${value.length} floats removed]`;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[binary ${value.byteLength} bytes removed]`;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), ...(value.stack ? { stack: redactText(value.stack) } : {}) };
  }
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (Array.isArray(value)) {
    if (isFloatList(value)) return `[descriptor ${value.length} floats removed]`;
    const items = value.slice(0, MAX_ITEMS).map((item) => walk(item, pathCovered, depth + 1, seen));
    return value.length > MAX_ITEMS ? [...items, `[${value.length - MAX_ITEMS} more]`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const masked = pathCovered(key) ? undefined : byKey(key, item);
    out[key] = masked !== undefined ? masked : walk(item, pathCovered, depth + 1, seen);
  }
  return out;
}
