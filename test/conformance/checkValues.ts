import type { FieldType } from './nhsaTypes';

/** How the region writes money (§2.10): numbers, strings, or either when not said. */
export type AmountSetting = 'number' | 'string' | undefined;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The decimal text of a JSON number or numeric string; null when it is neither. A number is read
 * through its shortest round-trip form, so 4.52 reads "4.52" and 0.1 + 0.2 reads
 * "0.30000000000000004" (too many decimals: a float sum on the wire is caught).
 */
export function decimalText(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && DECIMAL.test(String(value)) ? String(value) : null;
  if (typeof value === 'string') return DECIMAL.test(value) ? value : null;
  return null;
}

/** Integer fen of a decimal with at most two places; null otherwise. */
export function fenOf(value: unknown): bigint | null {
  const text = decimalText(value);
  if (text === null) return null;
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  if (fraction.length > 2) return null;
  const fen = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -fen : fen;
}

function realDate(y: number, m: number, d: number): boolean {
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

/** `yyyy-MM-dd` that names a real day. */
export function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && realDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `yyyy-MM-dd HH:mm:ss` that names a real second. */
export function isDateTime(text: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  return m !== null && isDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60;
}

/** `yyyyMMddHHmmss` that names a real second (the msgid's time). */
export function isCompactDateTime(text: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  return m !== null && isDateTime(`${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`);
}

/** Characters, not UTF-16 units: a Chinese name of 4 characters is 4 long. */
export const charLength = (text: string): number => [...text].length;

/**
 * What is wrong with a non-empty value of this type, or null. `rule` says which kind of finding
 * (a value too long is `length`, anything else `type`).
 */
export function typeProblem(value: unknown, type: FieldType, amounts: AmountSetting): { rule: 'type' | 'length'; message: string } | null {
  const type_ = (message: string) => ({ rule: 'type' as const, message });
  switch (type.kind) {
    case 'char':
      if (typeof value !== 'string') return type_(`char must be a JSON string, not ${typeof value}`);
      return type.max !== undefined && charLength(value) > type.max ? { rule: 'length', message: `${charLength(value)} characters, at most ${type.max}` } : null;
    case 'date':
      return typeof value === 'string' && isDate(value) ? null : type_(`date must be yyyy-MM-dd, not ${JSON.stringify(value)}`);
    case 'datetime':
      return typeof value === 'string' && isDateTime(value) ? null : type_(`datetime must be yyyy-MM-dd HH:mm:ss, not ${JSON.stringify(value)}`);
    case 'number': {
      if (type.money && amounts && typeof value !== amounts) return type_(`money is sent as a JSON ${amounts} in this region, not a ${typeof value}`);
      const text = decimalText(value);
      if (text === null) return type_(`${type.precision},${type.scale} must be a JSON number or a numeric string, not ${JSON.stringify(value)}`);
      const [whole, fraction = ''] = text.replace('-', '').split('.');
      if (fraction.length > type.scale) return type_(`${text} has ${fraction.length} decimals, at most ${type.scale} (${type.precision},${type.scale})`);
      const digits = whole!.replace(/^0+(?=\d)/, '').length;
      return digits > type.precision - type.scale ? { rule: 'length', message: `${text} has ${digits} integer digits, at most ${type.precision - type.scale}` } : null;
    }
    case 'count':
      if (typeof value === 'string') return charLength(value) > type.max ? { rule: 'length', message: `${charLength(value)} characters, at most ${type.max}` } : null;
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value).length > type.max ? { rule: 'length', message: `${value} has more than ${type.max} digits` } : null;
      return type_(`a count (char ${type.max} or a whole number), not ${JSON.stringify(value)}`);
    case 'bytes':
      if (typeof value === 'string') return /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0 ? null : type_('file bytes as a string must be Base64');
      if (Array.isArray(value) && value.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return null;
      return type_('file bytes must be Base64 text or an array of bytes');
  }
}
