import { fenToYuan, type Fen } from '../../shared/money';

/** Yuan for the screen and the receipt: ¥ and exactly two decimals, from integer fen. */
export const yuan = (fen: Fen): string => `¥${fenToYuan(fen)}`;
