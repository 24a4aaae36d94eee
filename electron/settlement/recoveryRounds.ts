import type { PlatformView } from './journalTypes';

/**
 * When recovery stops trying and asks staff. Only a round that tells us something about the
 * reversal brings a row closer to staff: its 2601 was refused, and its query was answered on the
 * session that 2601 was refused on, so the platform was taking our requests at that moment.
 */

/** What one round of recovery met, beside what the platform's records showed. */
export interface RoundEvidence {
  /** This round sent 2601 and the platform refused it (false once staff are asked: recovery only looks). */
  reversalRefused: boolean;
  /**
   * The platform refused the round's query at its first try and answered only after a fresh
   * sign-in. The 2601 refused just before, on that same session, then says nothing about the
   * reversal: the platform was refusing everything from us (down, answering errors) or no longer
   * knew our sign_no, and a 2601 is not sent twice on a refusal as other calls are (it expects
   * one whenever the original never happened).
   */
  querySignedInAgain: boolean;
}

/**
 * Consecutive rounds that found the same (a valid record 2601 will not undo, or an answer we
 * cannot read) and count toward staff. A round that does not count keeps the tally; an outage
 * round that reaches no records keeps it too (recovery.ts `later`). A view written without a
 * tally (a reconciliation orphan handed to recovery) was no round of ours.
 */
export function roundsAfter(previous: PlatformView | null, view: PlatformView, evidence: RoundEvidence): number {
  const tally = previous?.found === view.found ? (previous.rounds ?? 0) : 0;
  return counts(evidence) ? tally + 1 : tally;
}

export function counts(evidence: RoundEvidence): boolean {
  return evidence.reversalRefused && !evidence.querySignedInAgain;
}
