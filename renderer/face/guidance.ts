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
  /** A new instruction must be what the frames say for this long before it replaces the shown one. */
  settleMs: number;
  /** A shown instruction stays at least this long, so it can be read and heard to the end. */
  minShowMs: number;
  /** An instruction still shown after this long is spoken again (people miss the first time). */
  repeatSpeakMs: number;
}

export const DEFAULT_GUIDANCE: GuidanceConfig = { settleMs: 600, minShowMs: 1500, repeatSpeakMs: 6000 };

export interface GuidanceState {
  /** What is on screen; undefined until the first instruction has settled. */
  shown?: FaceMessageKey;
  shownAt: number;
  spokenAt: number;
  pending?: FaceMessageKey;
  pendingSince: number;
}

export const INITIAL_GUIDANCE: GuidanceState = { shownAt: 0, spokenAt: 0, pendingSince: 0 };

export interface GuidanceStep {
  state: GuidanceState;
  /** True when the shown instruction changed or is due to be repeated: the screen speaks it now. */
  speak: boolean;
}

export const keyForReason = (reason: GateReason | null): FaceMessageKey => (reason ? GUIDANCE_KEYS[reason] : PASS_KEY);

/**
 * Debounce reducer: pure, the time comes in as `now`. Frames flip between reasons at the
 * boundary of a threshold; without this the prompt (and the voice) would flicker at 25 fps.
 */
export function stepGuidance(
  prev: GuidanceState,
  reason: GateReason | null,
  now: number,
  cfg: GuidanceConfig = DEFAULT_GUIDANCE,
): GuidanceStep {
  const wanted = keyForReason(reason);
  if (wanted === prev.shown) {
    const state: GuidanceState = { ...prev, pending: undefined };
    if (now - prev.spokenAt >= cfg.repeatSpeakMs) return { state: { ...state, spokenAt: now }, speak: true };
    return { state, speak: false };
  }
  const pendingSince = wanted === prev.pending ? prev.pendingSince : now;
  const settled = now - pendingSince >= cfg.settleMs;
  const shownLongEnough = prev.shown === undefined || now - prev.shownAt >= cfg.minShowMs;
  if (settled && shownLongEnough) {
    return { state: { shown: wanted, shownAt: now, spokenAt: now, pendingSince: now }, speak: true };
  }
  return { state: { ...prev, pending: wanted, pendingSince }, speak: false };
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
