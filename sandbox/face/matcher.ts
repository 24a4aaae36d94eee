import type { FaceServiceConfig } from './config';

/**
 * The 1:N decision over enrolled persons. These descriptors separate people only partly
 * (face-pipeline-notes.md), so only a high score with a clear lead is taken on its own;
 * a middling or contested one asks for a second factor.
 */
export interface PersonScore {
  psnNo: string;
  similarity: number;
}

export type MatchDecision =
  | { kind: 'clear'; psnNo: string; similarity: number }
  | { kind: 'unclear'; candidates: string[]; best: number }
  | { kind: 'none'; best: number };

type Thresholds = Pick<FaceServiceConfig, 'clearMatchSimilarity' | 'candidateSimilarity' | 'clearMargin' | 'maxCandidates'>;

/** `scores` holds each person once (their best template). */
export function decideMatch(scores: PersonScore[], config: Thresholds): MatchDecision {
  const ranked = [...scores].sort((a, b) => b.similarity - a.similarity);
  const best = ranked[0];
  if (!best || best.similarity < config.candidateSimilarity) return { kind: 'none', best: best?.similarity ?? 0 };
  const runnerUp = ranked[1]?.similarity ?? 0;
  if (best.similarity >= config.clearMatchSimilarity && best.similarity - runnerUp >= config.clearMargin) {
    return { kind: 'clear', psnNo: best.psnNo, similarity: best.similarity };
  }
  const candidates = ranked
    .filter((score) => score.similarity >= config.candidateSimilarity)
    .slice(0, config.maxCandidates)
    .map((score) => score.psnNo);
  return { kind: 'unclear', candidates, best: best.similarity };
}
