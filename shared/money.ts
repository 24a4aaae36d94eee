/**
 * Money is integer fen inside the program and yuan with exactly two decimals on the wire.
 * Conversions go through strings so no binary float ever rounds a patient's bill.
 */
export type Fen = number;

const YUAN_PATTERN = /^(-)?(\d+)(?:\.(\d{1,6}))?$/;

/** Parses a yuan amount given as a number or a string; rounds half away from zero to the fen. */
export function yuanToFen(amount: number | string): Fen {
  const text = typeof amount === 'number' ? numberToPlainString(amount) : amount.trim();
  const match = YUAN_PATTERN.exec(text);
  if (!match) throw new RangeError(`not a yuan amount: ${JSON.stringify(amount)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const digits = (fraction + '000000').slice(0, 6);
  let fen = Number(whole) * 100 + Number(digits.slice(0, 2));
  if (Number(digits[2]) >= 5) fen += 1;
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount out of range: ${text}`);
  return sign && fen !== 0 ? -fen : fen;
}

/** Formats fen as yuan with exactly two decimals, e.g. 452 -> "4.52", -5 -> "-0.05". */
export function fenToYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer: ${fen}`);
  const abs = Math.abs(fen);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return fen < 0 ? `-${text}` : text;
}

/**
 * The opposite amount, as a cancellation records it. Plain `-fen` turns 0 into -0, which
 * Object.is and every strict test tell apart from 0; `0 - fen` is +0 for both zeros.
 */
export const negateFen = (fen: Fen): Fen => 0 - fen;

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  // toFixed(6) avoids exponent notation; amounts on the wire carry at most 6 decimals (pric 16,6).
  return value.toFixed(6);
}
