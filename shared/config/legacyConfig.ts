/**
 * Settings older terminal.json files still carry, read into what replaced them so a kiosk that
 * is upgraded keeps starting; each one read says so in a warning (`npm run config:check`, and
 * the start-up log) naming what to write instead.
 */

export interface PasswordFreeCap {
  perTransactionFen: number;
  perDayFen: number;
}

export interface Migrated {
  /** The file as the current schema reads it. */
  partial: Record<string, unknown>;
  warnings: string[];
  /** A legacy value that was never valid: named, as the schema would. */
  problems: string[];
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * `face.knowledgeCheckAboveFen` (until 2026-11): the amount above which the face step asked for
 * the last four ID digits. The region's password-free cap (`region.passwordFreeCap`) now decides
 * both that and the check at payment, so one amount cannot say two things. When the file has no
 * cap of its own, the old amount becomes the cap per transaction (and `null`, no amount check,
 * becomes no cap); the cap per day is the suggested one (¥1000), never below the per-transaction amount.
 * A file that names both keeps its cap.
 */
export function migrateKnowledgeCheck(partial: Record<string, unknown>, suggested: PasswordFreeCap): Migrated {
  const face = partial.face;
  if (!isRecord(face) || !('knowledgeCheckAboveFen' in face)) return { partial, warnings: [], problems: [] };
  const { knowledgeCheckAboveFen: old, ...rest } = face;
  if (old !== null && (typeof old !== 'number' || !Number.isInteger(old) || old < 0 || old > 1e10)) {
    return { partial: { ...partial, face: rest }, warnings: [], problems: ['face.knowledgeCheckAboveFen: must be an amount in fen or null; it is replaced by region.passwordFreeCap: write the cap there instead'] };
  }
  const region = isRecord(partial.region) ? partial.region : undefined;
  const replaced = 'face.knowledgeCheckAboveFen is replaced by region.passwordFreeCap (the region\'s password-free cap decides the face step\'s ID-digit check and the check at payment)';
  if (region && 'passwordFreeCap' in region) {
    return { partial: { ...partial, face: rest }, warnings: [`${replaced}; ignored, region.passwordFreeCap is used: delete face.knowledgeCheckAboveFen`], problems: [] };
  }
  const cap = old === null ? null : { perTransactionFen: old, perDayFen: Math.max(suggested.perDayFen, old) };
  const written = JSON.stringify(cap);
  const meaning = cap === null ? 'no cap' : `${yuan(cap.perTransactionFen)} a payment, ${yuan(cap.perDayFen)} a day per person`;
  return {
    partial: { ...partial, face: rest, region: { ...region, passwordFreeCap: cap } },
    warnings: [`${replaced}; read as "region": { "passwordFreeCap": ${written} } (${meaning}): write the region's own cap there and delete face.knowledgeCheckAboveFen`],
    problems: [],
  };
}
