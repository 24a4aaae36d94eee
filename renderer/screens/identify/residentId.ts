/**
 * GB 11643: a resident ID number is 17 digits and a check character over them (mod 11-2, X for
 * 10). Checked before anything is sent, so a slip of a finger is said as what it is — a number
 * typed wrong — not as "not found" by the insurance centre.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export const RESIDENT_ID_LENGTH = 18;

export function checkCharacterOf(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK[sum % 11]!;
}

/** What is wrong with a typed ID number, or null when it is a well-formed one. */
export function residentIdProblem(value: string): 'incomplete' | 'check-digit' | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'incomplete';
  return checkCharacterOf(id.slice(0, 17)) === id[17] ? null : 'check-digit';
}
