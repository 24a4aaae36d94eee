/**
 * What a number field takes, from the on-screen keypad and from a physical keyboard alike.
 * One description per kind of number, so the keypad offers only keys the field accepts and the
 * input keeps only what the platform will accept.
 */
export interface KeypadSpec {
  maxLength: number;
  /** A PIN: the keypad says how many digits are in, never which. */
  masked?: boolean;
  /** An ID number: X is its check digit, so X is taken only as the last character. */
  checkX?: boolean;
  /** Letters A–Z behind a 字母 key: operator numbers, card numbers, stay numbers. */
  letters?: boolean;
  /** Other characters the number may hold (a prescription number's "-"). */
  symbols?: string;
}

/** Staff and admin PINs: 4–12 digits (npm run pin:hash refuses anything else). */
export const PIN: KeypadSpec = { masked: true, maxLength: 12 };
export const ID_NUMBER: KeypadSpec = { checkX: true, maxLength: 18 };
export const ID_LAST4: KeypadSpec = { checkX: true, maxLength: 4 };
/** Operator numbers: the configuration's 1–20 letters or digits. */
export const OPERATOR_ID: KeypadSpec = { letters: true, maxLength: 20 };
/** Social-security card number and card identification code: letters and digits (A42120001). */
export const CARD_CODE: KeypadSpec = { letters: true, maxLength: 50 };
export const STAY_NO: KeypadSpec = { letters: true, maxLength: 30 };
/** 2204 rxno: letters, digits and "-", at most 30. */
export const RX_NO: KeypadSpec = { letters: true, symbols: '-', maxLength: 30 };
/** A drug's barcode (EAN-8 to GTIN-14); the field itself also takes a name typed by staff. */
export const BARCODE: KeypadSpec = { maxLength: 14 };

export const DIGITS = '1234567890';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const isDigit = (c: string) => c >= '0' && c <= '9';
const isLetter = (c: string) => /^[A-Za-z]$/.test(c);

/** Whether `char` may follow `value` in this field. */
export function accepts(spec: KeypadSpec, value: string, char: string): boolean {
  if (value.length >= spec.maxLength || char.length !== 1) return false;
  if (isDigit(char)) return true;
  if (spec.checkX) return (char === 'X' || char === 'x') && value.length === spec.maxLength - 1;
  if (spec.letters && isLetter(char)) return true;
  return Boolean(spec.symbols?.includes(char));
}

/** What a physical keyboard (or a paste) typed, kept to what the field takes; X upper-cased. */
export function sanitize(spec: KeypadSpec, raw: string): string {
  let value = '';
  for (const char of raw) {
    if (accepts(spec, value, char)) value += spec.checkX && char === 'x' ? 'X' : char;
  }
  return value;
}
