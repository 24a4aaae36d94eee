import { boxCentre, eyeOpenness } from './landmarks';
import type { FaceLike } from './types';
import type { FaceMessageKey } from './messages';

/**
 * Liveness policy. Passive scores (antispoof `real`, liveness `live`) are advisory in every
 * policy: they never authorise a capture on their own (see pipeline notes: spoofs score as high
 * as real faces). A capture without a passed challenge goes to the face service as
 * `liveness: 'none'`, and the service then asks for the knowledge check (last four ID digits)
 * before it answers with an identity: no policy lets a photo or a replayed clip pay on its own.
 * - passive-only: no challenge; every capture gets the knowledge check (staffed counters).
 * - passive+active: a challenge only when the passive signal is doubtful (missing or low).
 * - active-always: a challenge before every capture (unattended terminals).
 */
export type LivenessPolicy = 'passive-only' | 'passive+active' | 'active-always';

/**
 * `blink-or-nod` is the gentle one, asked first and by default: a slow blink or a small nod,
 * whichever the person manages (people who cannot turn their head, or cannot follow a direction,
 * still pass). The random three remain for terminals that want a gesture a prepared video
 * cannot know in advance.
 */
export type Challenge = 'blink-or-nod' | 'blink' | 'turn-left' | 'turn-right';
export const RANDOM_CHALLENGES: readonly Challenge[] = ['blink', 'turn-left', 'turn-right'];
export const GENTLE_CHALLENGES: readonly Challenge[] = ['blink-or-nod'];

export const CHALLENGE_KEYS: Record<Challenge, FaceMessageKey> = {
  'blink-or-nod': 'face.challenge.blinkOrNod',
  blink: 'face.challenge.blink',
  'turn-left': 'face.challenge.turnLeft',
  'turn-right': 'face.challenge.turnRight',
};

/** Random, so a prepared video cannot know which gesture will be asked. RNG injected for tests. */
export const chooseChallenge = (rng: () => number, from: readonly Challenge[] = RANDOM_CHALLENGES): Challenge =>
  from[Math.min(from.length - 1, Math.floor(rng() * from.length))] ?? 'blink-or-nod';

/** What the check reads from one frame: numbers from the landmarks, never pixels. */
export interface LivenessSample {
  t: number;
  earLeft: number;
  earRight: number;
  /** Human's mesh yaw, radians. Derived from Human's angle code: the person turning to their own left gives a negative yaw. */
  yaw: number;
  /** Human's mesh pitch, radians (the nod). Either sign counts: a nod down or a tilt back and forth. */
  pitch: number;
  cx: number;
  cy: number;
  /** Face box width, to express movement relative to the face. */
  width: number;
}

export const sampleOf = (face: FaceLike, t: number): LivenessSample => {
  const eyes = eyeOpenness(face);
  const [cx, cy] = boxCentre(face);
  return { t, earLeft: eyes.left, earRight: eyes.right, yaw: face.rotation?.angle.yaw ?? Number.NaN, pitch: face.rotation?.angle.pitch ?? Number.NaN, cx, cy, width: face.box[2] };
};

export interface ActiveConfig {
  blinkTimeoutMs: number;
  turnTimeoutMs: number;
  /** blink-or-nod: no give-up by default (Infinity); the screen offers the other ways meanwhile. */
  gentleTimeoutMs: number;
  /** blink-or-nod: only this much of the latest series is kept (a long wait must not grow it). */
  gentleWindowMs: number;
  /** Both eyes below this fraction of their open level (each eye's 90th-percentile ratio over the series) count as closed. */
  blinkClosedRatio: number;
  /** Above this fraction of the open level, eyes count as open again. */
  blinkOpenRatio: number;
  /** The open level itself must be at least this, or there is no open eye to blink. */
  minOpenEar: number;
  /** Longest closed span that still counts as a blink (a slow, deliberate one). */
  maxClosedMs: number;
  /** Yaw away from the starting pose, in the asked direction, radians. */
  turnMinYaw: number;
  /** Frames beyond turnMinYaw: one frame can be landmark noise; a slow turn spans several. */
  turnMinFrames: number;
  /** Back within this of the starting pose to finish the turn. */
  turnReturnYaw: number;
  /** A small nod: pitch this far from the starting pose, either way, for turnMinFrames frames. */
  nodMinPitch: number;
  /** Back within this of the starting pitch to finish the nod. */
  nodReturnPitch: number;
  /** Frames that set the starting pose. */
  baselineFrames: number;
  /** Face centre moving more than this many face widths between two frames: another face (photo swap) or a lost track. */
  maxJump: number;
  /** No face for longer than this breaks the challenge. */
  maxGapMs: number;
}

export const DEFAULT_ACTIVE: ActiveConfig = {
  blinkTimeoutMs: 8000,
  turnTimeoutMs: 10000,
  gentleTimeoutMs: Number.POSITIVE_INFINITY,
  gentleWindowMs: 20000,
  blinkClosedRatio: 0.6,
  blinkOpenRatio: 0.85,
  minOpenEar: 0.18,
  // A slow, deliberate blink as the demonstration shows it: about a second closed; 2.5 s leaves room.
  maxClosedMs: 2500,
  turnMinYaw: 0.25,
  turnMinFrames: 2,
  turnReturnYaw: 0.12,
  nodMinPitch: 0.15,
  nodReturnPitch: 0.07,
  baselineFrames: 3,
  maxJump: 0.5,
  maxGapMs: 1000,
};

export type ActiveVerdict =
  | { status: 'passed'; measured: ActiveMeasure }
  | { status: 'pending'; measured: ActiveMeasure }
  | { status: 'failed'; reason: 'timeout' | 'face-jump' | 'face-lost'; measured: ActiveMeasure };

/** The figures behind a verdict, for the README and the eval tool. */
export interface ActiveMeasure {
  frames: number;
  /** Blink: mean open level of the two eyes, and the lowest ratio to it reached by both eyes at once. */
  openEar?: number;
  minEarRatio?: number;
  /** Turn: largest yaw away from the start in the asked direction. */
  maxTurn?: number;
  /** Nod: largest pitch away from the start, either way. */
  maxNod?: number;
  /**
   * How far the gesture is now, 0..1, for the progress ring: up to 0.6 while the eyes close or
   * the head moves toward the threshold, the rest while it comes back; 1 when passed. Follows
   * the person (it falls back when they stop halfway): it measures the gesture, never time.
   */
  progress: number;
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
/** The share of the ring the first half of a gesture (closing, moving away) fills. */
const FIRST_HALF = 0.6;

/** The q-quantile (nearest rank) of the finite values. */
const quantile = (xs: number[], q: number): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))] ?? Number.NaN;
};
/** An eye's open level: most frames are open, but a slow blink may fill half a short series, so not the median. */
const OPEN_QUANTILE = 0.9;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? Number.NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

function continuityBreak(samples: LivenessSample[], cfg: ActiveConfig): 'face-jump' | 'face-lost' | undefined {
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    if (!a || !b) continue;
    if (b.t - a.t > cfg.maxGapMs) return 'face-lost';
    if (Math.hypot(b.cx - a.cx, b.cy - a.cy) > cfg.maxJump * Math.max(a.width, b.width)) return 'face-jump';
  }
  return undefined;
}

/**
 * Open → both eyes closed → open again, the closed span short enough to be a blink. Each eye
 * is measured against its own open level: the two eyes' ratios differ by up to a third on the
 * same still face (the fixture clip: left 0.18–0.20, right 0.28–0.29).
 */
function findBlink(samples: LivenessSample[], cfg: ActiveConfig): { passed: boolean; measured: ActiveMeasure } {
  const openL = quantile(samples.map((s) => s.earLeft), OPEN_QUANTILE);
  const openR = quantile(samples.map((s) => s.earRight), OPEN_QUANTILE);
  const openEar = (openL + openR) / 2;
  let minEarRatio = Number.POSITIVE_INFINITY;
  for (const s of samples) minEarRatio = Math.min(minEarRatio, Math.max(s.earLeft / openL, s.earRight / openR));
  const measured = { frames: samples.length, openEar, minEarRatio, progress: 0 };
  if (!(openEar >= cfg.minOpenEar)) return { passed: false, measured };
  const ratio = (s: LivenessSample) => Math.max(s.earLeft / openL, s.earRight / openR);

  const closed = (s: LivenessSample) => s.earLeft < cfg.blinkClosedRatio * openL && s.earRight < cfg.blinkClosedRatio * openR;
  const open = (s: LivenessSample) => s.earLeft >= cfg.blinkOpenRatio * openL && s.earRight >= cfg.blinkOpenRatio * openR;
  let sawOpen = false;
  let closedAt: number | undefined;
  for (const s of samples) {
    if (closedAt === undefined) {
      if (closed(s) && sawOpen) closedAt = s.t;
      else if (open(s)) sawOpen = true;
    } else if (open(s)) {
      if (s.t - closedAt <= cfg.maxClosedMs) return { passed: true, measured: { ...measured, progress: 1 } };
      closedAt = undefined; // eyes shut too long: not a blink, but the next one may be
    }
  }
  const last = samples[samples.length - 1];
  const r = last ? ratio(last) : 1;
  const progress =
    closedAt === undefined
      ? FIRST_HALF * clamp01((1 - r) / (1 - cfg.blinkClosedRatio))
      : FIRST_HALF + (1 - FIRST_HALF) * clamp01((r - cfg.blinkClosedRatio) / (cfg.blinkOpenRatio - cfg.blinkClosedRatio));
  return { passed: false, measured: { ...measured, progress } };
}

interface Swing {
  angle: (s: LivenessSample) => number;
  /** -1 / 1: only that direction counts; 0: either. */
  dir: -1 | 0 | 1;
  minAway: number;
  back: number;
}

/** From the starting pose, minAway in the asked direction held for turnMinFrames, then back within `back`. */
function findSwing(samples: LivenessSample[], swing: Swing, cfg: ActiveConfig): { passed: boolean; maxAway: number; progress: number } {
  const valid = samples.filter((s) => Number.isFinite(swing.angle(s)));
  const start = median(valid.slice(0, cfg.baselineFrames).map(swing.angle));
  let beyond = 0;
  let turned = false;
  let maxAway = 0;
  let progress = 0;
  for (const s of valid.slice(cfg.baselineFrames)) {
    const delta = swing.angle(s) - start;
    const away = swing.dir === 0 ? Math.abs(delta) : delta * swing.dir;
    maxAway = Math.max(maxAway, away);
    if (!turned) {
      beyond = away >= swing.minAway ? beyond + 1 : 0;
      if (beyond >= cfg.turnMinFrames) turned = true;
      progress = FIRST_HALF * clamp01(away / swing.minAway);
    } else if (Math.abs(delta) <= swing.back) {
      return { passed: true, maxAway, progress: 1 };
    } else {
      progress = FIRST_HALF + (1 - FIRST_HALF) * clamp01((swing.minAway - Math.abs(delta)) / (swing.minAway - swing.back));
    }
  }
  return { passed: false, maxAway, progress };
}

function findTurn(samples: LivenessSample[], dir: -1 | 1, cfg: ActiveConfig): { passed: boolean; measured: ActiveMeasure } {
  const found = findSwing(samples, { angle: (s) => s.yaw, dir, minAway: cfg.turnMinYaw, back: cfg.turnReturnYaw }, cfg);
  return { passed: found.passed, measured: { frames: samples.length, maxTurn: found.maxAway, progress: found.progress } };
}

/** Whichever the person manages: a slow blink, or a small nod (pitch either way and back). */
function findBlinkOrNod(samples: LivenessSample[], cfg: ActiveConfig): { passed: boolean; measured: ActiveMeasure } {
  const blink = findBlink(samples, cfg);
  const nod = findSwing(samples, { angle: (s) => s.pitch, dir: 0, minAway: cfg.nodMinPitch, back: cfg.nodReturnPitch }, cfg);
  const passed = blink.passed || nod.passed;
  const progress = passed ? 1 : Math.max(blink.measured.progress, nod.progress);
  return { passed, measured: { ...blink.measured, maxNod: nod.maxAway, progress } };
}

/**
 * Verdict on the samples recorded since the challenge was shown at `startedAt`. Pure: the same
 * recorded series always gets the same verdict.
 */
export function verifyChallenge(
  challenge: Challenge,
  samples: LivenessSample[],
  startedAt: number,
  now: number,
  cfg: ActiveConfig = DEFAULT_ACTIVE,
): ActiveVerdict {
  const found =
    challenge === 'blink-or-nod'
      ? findBlinkOrNod(samples, cfg)
      : challenge === 'blink'
        ? findBlink(samples, cfg)
        : findTurn(samples, challenge === 'turn-left' ? -1 : 1, cfg);
  const broken = continuityBreak(samples, cfg);
  if (broken) return { status: 'failed', reason: broken, measured: found.measured };
  if (found.passed) return { status: 'passed', measured: found.measured };
  const timeout = challenge === 'blink-or-nod' ? cfg.gentleTimeoutMs : challenge === 'blink' ? cfg.blinkTimeoutMs : cfg.turnTimeoutMs;
  const last = samples[samples.length - 1]?.t ?? startedAt;
  if (now - startedAt > timeout) return { status: 'failed', reason: 'timeout', measured: found.measured };
  if (now - last > cfg.maxGapMs && samples.length > 0) return { status: 'failed', reason: 'face-lost', measured: found.measured };
  return { status: 'pending', measured: found.measured };
}

/** passive+active: the passive signal only ever adds a challenge, it never removes one in active-always. */
/**
 * The series a long gentle challenge keeps: the latest gentleWindowMs. Continuity is checked on
 * every frame as it arrives, so dropping older samples loses no break already judged.
 */
export function trimSeries(samples: LivenessSample[], now: number, cfg: ActiveConfig = DEFAULT_ACTIVE): LivenessSample[] {
  const from = samples.findIndex((s) => now - s.t <= cfg.gentleWindowMs);
  return from <= 0 ? samples : samples.slice(from);
}

export function needsChallenge(policy: LivenessPolicy, passive: { real: number; live: number }, doubtBelow: number): boolean {
  if (policy === 'active-always') return true;
  if (policy === 'passive-only') return false;
  return passive.real < doubtBelow || passive.live < doubtBelow;
}
