/**
 * What a social-security card reader gives: the card number (社会保障卡卡号, 1101
 * `mdtrt_cert_no` for type 03) and the card identification code (卡识别码, `card_sn`), which is
 * held in the chip and printed nowhere, so only a reader can supply it (spec §2.2).
 */
export interface CardReading {
  cardNo: string;
  cardSn: string;
}

export type CardReadResult =
  | { status: 'read'; card: CardReading }
  /** No card in (or on) the reader. */
  | { status: 'no-card' }
  /** A card is there but could not be read (upside down, damaged chip, reader fault). */
  | { status: 'unreadable'; detail: string };

/** A card reader attached to this counter PC, as main uses it. */
export interface CardReader {
  /** For the diagnostics: which kind of reader this is. */
  readonly kind: string;
  read(): Promise<CardReadResult>;
}

/** Shapes a chip's fields may take: what 1101 accepts (char 50 / char 32), letters and digits. */
const CARD_NO = /^[A-Z0-9]{1,50}$/;
const CARD_SN = /^[A-Z0-9]{1,32}$/;

/** A reading as a driver returned it, kept only when both fields have the chip's shapes. */
export function cardReadingOf(raw: unknown): CardReading | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { cardNo, cardSn } = raw as Record<string, unknown>;
  if (typeof cardNo !== 'string' || typeof cardSn !== 'string') return undefined;
  const card = { cardNo: cardNo.trim().toUpperCase(), cardSn: cardSn.trim().toUpperCase() };
  return CARD_NO.test(card.cardNo) && CARD_SN.test(card.cardSn) ? card : undefined;
}
