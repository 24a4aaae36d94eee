import fc from 'fast-check';
import { DEFAULT_FACE_CONFIG } from '../../../sandbox/face/config';
import { decideMatch } from '../../../sandbox/face/matcher';
import { testSeed } from '../../support/seed';

const config = DEFAULT_FACE_CONFIG;

describe('decideMatch', () => {
  it('takes a high score with a clear lead on its own', () => {
    expect(decideMatch([{ psnNo: 'a', similarity: 0.58 }, { psnNo: 'b', similarity: 0.36 }], config)).toEqual({ kind: 'clear', psnNo: 'a', similarity: 0.58 });
  });

  it('asks for a second factor when the lead is too small or the score middling', () => {
    expect(decideMatch([{ psnNo: 'a', similarity: 0.58 }, { psnNo: 'b', similarity: 0.55 }], config)).toEqual({ kind: 'unclear', candidates: ['a', 'b'], best: 0.58 });
    expect(decideMatch([{ psnNo: 'a', similarity: 0.42 }, { psnNo: 'b', similarity: 0.2 }], config)).toEqual({ kind: 'unclear', candidates: ['a'], best: 0.42 });
  });

  it('finds no match below the candidate threshold or with nobody enrolled', () => {
    expect(decideMatch([{ psnNo: 'a', similarity: 0.3 }], config)).toEqual({ kind: 'none', best: 0.3 });
    expect(decideMatch([], config)).toEqual({ kind: 'none', best: 0 });
  });

  it('never answers clear unless the best is above the threshold with the margin over everyone else', () => {
    const scores = fc.uniqueArray(fc.record({ psnNo: fc.string({ minLength: 1, maxLength: 4 }), similarity: fc.double({ min: 0, max: 1, noNaN: true }) }), { selector: (s) => s.psnNo, maxLength: 8 });
    fc.assert(
      fc.property(scores, (list) => {
        const decision = decideMatch(list, config);
        if (decision.kind === 'clear') {
          expect(decision.similarity).toBeGreaterThanOrEqual(config.clearMatchSimilarity);
          for (const other of list) if (other.psnNo !== decision.psnNo) expect(decision.similarity - other.similarity).toBeGreaterThanOrEqual(config.clearMargin);
        }
        if (decision.kind === 'unclear') {
          expect(decision.candidates.length).toBeGreaterThan(0);
          expect(decision.candidates.length).toBeLessThanOrEqual(config.maxCandidates);
        }
      }),
      { seed: testSeed('decideMatch: clear only with margin') },
    );
  });
});
