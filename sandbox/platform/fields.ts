import type { Fen } from '../../shared/money';
import { yuanToFen } from '../../shared/money';
import { refuse } from './errors';

/** A missing field is the most common refusal; it too comes in more than one wording. */
const REQUIRED = ['不能为空', '为必填项', '必须填写', '缺失'] as const;

export type Json = Record<string, unknown>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const MONEY = /^-?\d{1,14}(\.\d{1,2})?$/;
const DECIMAL = /^-?\d{1,12}(\.\d+)?$/;

function validCalendar(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

interface StrRule {
  max: number;
  min?: number;
  optional?: boolean;
  pattern?: RegExp;
  /** Said in the error when `pattern` fails, e.g. "须为6位数字". */
  shape?: string;
  oneOf?: readonly string[];
  /** Counts declared as char fields that clients send as numbers too (e.g. fixmedins_setl_cnt). */
  numeric?: boolean;
}

/**
 * Reads one object of a request, naming every refusal by its full path
 * (`input.data.psn_no`). Char fields must be strings; amounts and decimals may be
 * numbers or strings, as clients send both.
 */
export class FieldReader {
  constructor(
    readonly source: Json,
    readonly path: string,
  ) {}

  static node(parent: Json, name: string, path: string): FieldReader {
    const value = parent[name];
    const where = path ? `${path}.${name}` : name;
    if (value === undefined || value === null) refuse(where, REQUIRED);
    if (!isObject(value)) refuse(where, '须为对象');
    return new FieldReader(value as Json, where);
  }

  static list(parent: Json, name: string, path: string, options: { min?: number; max?: number } = {}): FieldReader[] {
    const value = parent[name];
    const where = path ? `${path}.${name}` : name;
    if (value === undefined || value === null) refuse(where, REQUIRED);
    if (!Array.isArray(value)) refuse(where, '须为数组');
    const list = value as unknown[];
    if (list.length < (options.min ?? 1)) refuse(where, `至少须有${options.min ?? 1}条`);
    if (list.length > (options.max ?? 1000)) refuse(where, `最多${options.max ?? 1000}条`);
    return list.map((item, index) => {
      if (!isObject(item)) refuse(`${where}[${index}]`, '须为对象');
      return new FieldReader(item as Json, `${where}[${index}]`);
    });
  }

  node(name: string): FieldReader {
    return FieldReader.node(this.source, name, this.path);
  }

  list(name: string, options?: { min?: number; max?: number }): FieldReader[] {
    return FieldReader.list(this.source, name, this.path, options);
  }

  /** The reader of the envelope itself has an empty path: its fields are named bare (`msgid`). */
  field(name: string): string {
    return this.path ? `${this.path}.${name}` : name;
  }

  has(name: string): boolean {
    const value = this.source[name];
    return value !== undefined && value !== null && value !== '';
  }

  str(name: string, rule: StrRule & { optional: true }): string | undefined;
  str(name: string, rule: StrRule): string;
  str(name: string, rule: StrRule): string | undefined {
    const where = this.field(name);
    let value = this.source[name];
    if (value === undefined || value === null || value === '') {
      if (rule.optional) return undefined;
      return refuse(where, REQUIRED);
    }
    if (rule.numeric && typeof value === 'number' && Number.isInteger(value)) value = String(value);
    if (typeof value !== 'string') return refuse(where, rule.numeric ? '须为字符串或整数' : '须为字符串');
    const length = Array.from(value).length;
    if (length > rule.max) refuse(where, `长度不能超过${rule.max}个字符`);
    if (length < (rule.min ?? 1)) refuse(where, `长度不能少于${rule.min}个字符`);
    if (rule.pattern && !rule.pattern.test(value)) refuse(where, rule.shape ?? `格式不符合${rule.pattern}`);
    if (rule.oneOf && !rule.oneOf.includes(value)) refuse(where, `须为以下值之一：${rule.oneOf.join('、')}`);
    return value;
  }

  /** `yyyy-MM-dd` */
  date(name: string, optional: true): string | undefined;
  date(name: string, optional?: false): string;
  date(name: string, optional = false): string | undefined {
    const value = this.str(name, { max: 10, optional });
    if (value === undefined) return undefined;
    const m = DATE.exec(value);
    if (!m || !validCalendar(m[1]!, m[2]!, m[3]!)) refuse(this.field(name), '须为有效日期（yyyy-MM-dd）');
    return value;
  }

  /** `yyyy-MM-dd HH:mm:ss` */
  datetime(name: string, optional: true): string | undefined;
  datetime(name: string, optional?: false): string;
  datetime(name: string, optional = false): string | undefined {
    const value = this.str(name, { max: 19, optional });
    if (value === undefined) return undefined;
    const m = DATETIME.exec(value);
    const timeOk = m && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
    if (!m || !timeOk || !validCalendar(m[1]!, m[2]!, m[3]!)) {
      refuse(this.field(name), '须为有效时间（yyyy-MM-dd HH:mm:ss）');
    }
    return value;
  }

  /** Money, 16,2: a yuan number or string with at most two decimals, returned in fen. */
  money(name: string, optional: true): Fen | undefined;
  money(name: string, optional?: false): Fen;
  money(name: string, optional = false): Fen | undefined {
    const where = this.field(name);
    const value = this.source[name];
    if (value === undefined || value === null || value === '') {
      return optional ? undefined : refuse(where, REQUIRED);
    }
    const text = typeof value === 'number' && Number.isFinite(value) ? plain(value) : value;
    if (typeof text !== 'string' || !MONEY.test(text.trim())) {
      return refuse(where, '须为以元为单位、最多两位小数的金额');
    }
    return yuanToFen(text);
  }

  /** A decimal such as `cnt` (16,4) or `pric` (16,6), kept as scaled integer units. */
  decimal(name: string, scale: number): bigint {
    const where = this.field(name);
    const value = this.source[name];
    if (value === undefined || value === null || value === '') return refuse(where, REQUIRED);
    const text = typeof value === 'number' && Number.isFinite(value) ? plain(value) : value;
    if (typeof text !== 'string' || !DECIMAL.test(text.trim())) return refuse(where, '须为数字');
    const [whole = '0', fraction = ''] = text.trim().replace('-', '').split('.');
    if (fraction.replace(/0+$/, '').length > scale) refuse(where, `最多${scale}位小数`);
    const units = BigInt(whole) * 10n ** BigInt(scale) + BigInt((fraction + '0'.repeat(scale)).slice(0, scale) || '0');
    return text.trim().startsWith('-') ? -units : units;
  }
}

/** Shortest decimal text of a JSON number, without exponent (JSON numbers on the wire are short). */
function plain(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(10).replace(/\.?0+$/, '');
}
