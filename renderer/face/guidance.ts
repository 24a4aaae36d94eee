import type { GateReason } from './qualityGate';
import type { FaceMessageKey } from './messages';

/** One instruction per failing check; a passing frame asks the person to hold still. */
export const GUIDANCE_KEYS: Record<GateReason, FaceMessageKey> = {
  'no-face': 'face.guide.noFace',
  'several-faces': 'face.guide.severalFaces',
  'too-far': 'face.guide.tooFar',
  'too-close': 'face.guide.tooClose',
  'off-centre': 'face.guide.offCentre',
  'not-frontal': 'face.guide.notFrontal',
  'too-dark': 'face.guide.tooDark',
  backlit: 'face.guide.backlit',
  'eyes-closed': 'face.guide.eyesClosed',
  blurry: 'face.guide.blurry',
};
export const PASS_KEY: FaceMessageKey = 'face.guide.holdStill';

export interface GuidanceConfig {
  /** The instruction shown is the one most frames asked for over this window. */
  settleMs: number;
  /** A shown instruction stays at least this long, so it can be read and heard to the end. */
  minShowMs: number;
  /** An instruction still shown after this long is spoken again (people miss the first time). */
  repeatSpeakMs: number;
}

export const DEFAULT_GUIDANCE: GuidanceConfig = { settleMs: 600, minShowMs: 1500, repeatSpeakMs: 6000 };

export interface GuidanceState {
  /** What is on screen; undefined until the first window has filled. */
  shown?: FaceMessageKey;
  shownAt: number;
  spokenAt: number;
  /** What recent frames asked for, oldest first, trimmed to the window. */
  recent: ReadonlyArray<{ t: number; key: FaceMessageKey }>;
}

export const INITIAL_GUIDANCE: GuidanceState = { shownAt: 0, spokenAt: 0, recent: [] };

export interface GuidanceStep {
  state: GuidanceState;
  /** True when the shown instruction changed or is due to be repeated: the screen speaks it now. */
  speak: boolean;
}

export const keyForReason = (reason: GateReason | null): FaceMessageKey => (reason ? GUIDANCE_KEYS[reason] : PASS_KEY);

/** The most frequent key in the window; on a tie the shown one stays, else the earliest-asked. */
function majority(recent: GuidanceState['recent'], shown: FaceMessageKey | undefined): FaceMessageKey | undefined {
  const counts = new Map<FaceMessageKey, number>();
  for (const r of recent) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
  let best: FaceMessageKey | undefined;
  let bestCount = 0;
  for (const [key, n] of counts) {
    if (n > bestCount || (n === bestCount && key === shown)) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Debounce reducer: pure, the time comes in as `now`. At a threshold boundary frames flip between
 * two reasons; a majority over the last `settleMs` (not "the same key N times in a row", which
 * would never settle) gives one steady instruction instead of a flickering, stuttering voice.
 */
export function stepGuidance(
  prev: GuidanceState,
  reason: GateReason | null,
  now: number,
  cfg: GuidanceConfig = DEFAULT_GUIDANCE,
): GuidanceStep {
  const all = [...prev.recent, { t: now, key: keyForReason(reason) }];
  const recent = all.filter((r) => now - r.t <= cfg.settleMs);
  // The window is full once some frame in it is settleMs old.
  const windowFull = (all[0]?.t ?? now) <= now - cfg.settleMs;
  const state: GuidanceState = { ...prev, recent };
  const wanted = windowFull ? majority(recent, prev.shown) : undefined;
  if (!wanted || wanted === prev.shown) {
    if (prev.shown && now - prev.spokenAt >= cfg.repeatSpeakMs) return { state: { ...state, spokenAt: now }, speak: true };
    return { state, speak: false };
  }
  if (prev.shown !== undefined && now - prev.shownAt < cfg.minShowMs) return { state, speak: false };
  return { state: { ...state, shown: wanted, shownAt: now, spokenAt: now }, speak: true };
}

/** Stateful wrapper for the frame loop, with the clock injected. */
export class Guidance {
  private state: GuidanceState = INITIAL_GUIDANCE;

  constructor(
    private readonly clock: () => number,
    private readonly cfg: GuidanceConfig = DEFAULT_GUIDANCE,
  ) {}

  update(reason: GateReason | null): { key?: FaceMessageKey; speak: boolean } {
    const step = stepGuidance(this.state, reason, this.clock(), this.cfg);
    this.state = step.state;
    return { key: step.state.shown, speak: step.speak };
  }

  reset(): void {
    this.state = INITIAL_GUIDANCE;
  }
}
