import { maskId, maskName } from '../../../shared/mask';

/**
 * What a log line may say about a patient: masked names and ID numbers (`张*三`,
 * `4201**********1234`), never a token, a secret, an image or a face descriptor. Fields are
 * recognised by name (in any case, with or without `_`/`-`: `psn_name`, `psnName`), free text
 * by pattern; names in free text cannot be recognised, so callers pass names in fields.
 */

const normalise = (key: string) => key.toLowerCase().replace(/[_-]/g, '');
const keys = (...names: string[]) => new Set(names.map(normalise));

const NAME_KEYS = keys('name', 'psnName', 'userName', 'patientName', 'insuredName', 'fullName', 'operatorName');
/** ID-card, person and card numbers: masked, kept recognisable by their ends for support. */
const ID_KEYS = keys('certno', 'idNo', 'idNumber', 'psnCertNo', 'psnNo', 'cardNo', 'cardSn', 'mdtrtCertNo');
/** Anything that authenticates: gone entirely. (`mdtrt_cert_no` is an ecToken under type 01.) */
const SECRET_KEYS = keys(
  'ecToken', 'token', 'accessToken', 'secret', 'password', 'pin', 'signature', 'x-tif-signature',
  'authorization', 'cookie', 'ecQrCode', 'qrCode', 'authNo',
);
const IMAGE_KEYS = keys('image', 'img', 'photo', 'faceImage', 'frame', 'crop', 'bestFrame', 'jpeg', 'picture', 'imageData', 'base64');
const DESCRIPTOR_KEYS = keys('descriptor', 'embedding', 'faceDescriptor');

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

function byKey(key: string, value: unknown): unknown {
  const k = normalise(key);
  if (value === null || value === undefined) return value;
  if (SECRET_KEYS.has(k)) return REDACTED;
  if (IMAGE_KEYS.has(k)) return '[image removed]';
  if (DESCRIPTOR_KEYS.has(k)) return '[descriptor removed]';
  if (typeof value === 'string' && NAME_KEYS.has(k)) return maskName(value);
  if ((typeof value === 'string' || typeof value === 'number') && ID_KEYS.has(k)) return maskId(String(value));
  return undefined;
}

/** A copy of `value` safe to write to a log: see the module comment. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
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
    const items = value.slice(0, MAX_ITEMS).map((item) => redact(item, depth + 1, seen));
    return value.length > MAX_ITEMS ? [...items, `[${value.length - MAX_ITEMS} more]`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const masked = byKey(key, item);
    out[key] = masked !== undefined ? masked : redact(item, depth + 1, seen);
  }
  return out;
}
