import type { AmountStyle } from '../../../shared/config/terminalConfig';
import { fenToYuan, type Fen } from '../../../shared/money';

/** Money as a request field carries it: yuan with two decimals, a JSON number or a string (spec §2.10). */
export type WireAmount = number | string;

/**
 * Formatted from integer fen, never summed as floats: the number is parsed from the exact
 * two-decimal text, so JSON prints it as those digits (4.52, 0, -25.1).
 */
export function wireAmount(fen: Fen, style: AmountStyle): WireAmount {
  const text = fenToYuan(fen);
  return style === 'number' ? Number(text) : text;
}
