import { boxCentre, eyeOpenness } from './landmarks';
import type { FaceLike } from './types';
import type { FaceMessageKey } from './messages';

/**
 * Liveness policy. Passive scores (antispoof `real`, liveness `live`) are advisory in every
 * policy: they never authorise a capture on their own (see pipeline notes: spoofs score as high
 * as real faces).
 * - passive-only: no challenge; the passive scores travel with the capture for the record.
 * - passive+active: a challenge only when the passive signal is doubtful (missing or low).
 * - active-always: a challenge before every capture (unattended terminals).
 */
export type LivenessPolicy = 'passive-only' | 'passive+active' | 'active-always';

export type Challenge = 'blink' | 'turn-left' | 'turn-right';
const CHALLENGES: readonly Challenge[] = ['blink', 'turn-left', 'turn-right'];

export const CHALLENGE_KEYS: Record<Challenge, FaceMessageKey> = {
  blink: 'face.challenge.blink',
  'turn-left': 'face.challenge.turnLeft',
  'turn-right': 'face.challenge.turnRight',
};

/** Random, so a prepared video cannot know which gesture will be asked. RNG injected for tests. */
export const chooseChallenge = (rng: () => number): Challenge =>
  CHALLENGES[Math.min(CHALLENGES.length - 1, Math.floor(rng() * CHALLENGES.length))] ?? 'blink';

/** What the check reads from one frame: numbers from the landmarks, never pixels. */
export interface LivenessSample {
  t: number;
  earLeft: number;
  earRight: number;
  /** Human's mesh yaw, radians. Derived from Human's angle code: the person turning to their own left gives a negative yaw. */
  yaw: number;
  cx: number;
  cy: number;
  /** Face box width, to express movement relative to the face. */
  width: number;
}

export const sampleOf = (face: FaceLike, t: number): LivenessSample => {
  const eyes = eyeOpenness(face);
  const [cx, cy] = boxCentre(face);
  return { t, earLeft: eyes.left, earRight: eyes.right, yaw: face.rotation?.angle.yaw ?? Number.NaN, cx, cy, width: face.box[2] };
};

export interface ActiveConfig {
  blinkTimeoutMs: number;
  turnTimeoutMs: number;
  /** Both eyes below this fraction of their open level (each eye's median ratio over the series) count as closed. */
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
  blinkClosedRatio: 0.6,
  blinkOpenRatio: 0.85,
  minOpenEar: 0.18,
  maxClosedMs: 1500,
  turnMinYaw: 0.25,
  turnMinFrames: 2,
  turnReturnYaw: 0.12,
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
}

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
  const openL = median(samples.map((s) => s.earLeft).filter(Number.isFinite));
  const openR = median(samples.map((s) => s.earRight).filter(Number.isFinite));
  const openEar = (openL + openR) / 2;
  let minEarRatio = Number.POSITIVE_INFINITY;
  for (const s of samples) minEarRatio = Math.min(minEarRatio, Math.max(s.earLeft / openL, s.earRight / openR));
  const measured = { frames: samples.length, openEar, minEarRatio };
  if (!(openEar >= cfg.minOpenEar)) return { passed: false, measured };

  const closed = (s: LivenessSample) => s.earLeft < cfg.blinkClosedRatio * openL && s.earRight < cfg.blinkClosedRatio * openR;
  const open = (s: LivenessSample) => s.earLeft >= cfg.blinkOpenRatio * openL && s.earRight >= cfg.blinkOpenRatio * openR;
  let sawOpen = false;
  let closedAt: number | undefined;
  for (const s of samples) {
    if (closedAt === undefined) {
      if (closed(s) && sawOpen) closedAt = s.t;
      else if (open(s)) sawOpen = true;
    } else if (open(s)) {
      if (s.t - closedAt <= cfg.maxClosedMs) return { passed: true, measured };
      closedAt = undefined; // eyes shut too long: not a blink, but the next one may be
    }
  }
  return { passed: false, measured };
}

/** From the starting pose, a turn of turnMinYaw in the asked direction held for turnMinFrames, then back. */
function findTurn(samples: LivenessSample[], dir: -1 | 1, cfg: ActiveConfig): { passed: boolean; measured: ActiveMeasure } {
  const valid = samples.filter((s) => Number.isFinite(s.yaw));
  const start = median(valid.slice(0, cfg.baselineFrames).map((s) => s.yaw));
  let beyond = 0;
  let turned = false;
  let maxTurn = 0;
  for (const s of valid.slice(cfg.baselineFrames)) {
    const away = (s.yaw - start) * dir;
    maxTurn = Math.max(maxTurn, away);
    if (!turned) {
      beyond = away >= cfg.turnMinYaw ? beyond + 1 : 0;
      if (beyond >= cfg.turnMinFrames) turned = true;
    } else if (Math.abs(s.yaw - start) <= cfg.turnReturnYaw) {
      return { passed: true, measured: { frames: samples.length, maxTurn } };
    }
  }
  return { passed: false, measured: { frames: samples.length, maxTurn } };
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
    challenge === 'blink' ? findBlink(samples, cfg) : findTurn(samples, challenge === 'turn-left' ? -1 : 1, cfg);
  const broken = continuityBreak(samples, cfg);
  if (broken) return { status: 'failed', reason: broken, measured: found.measured };
  if (found.passed) return { status: 'passed', measured: found.measured };
  const timeout = challenge === 'blink' ? cfg.blinkTimeoutMs : cfg.turnTimeoutMs;
  const last = samples[samples.length - 1]?.t ?? startedAt;
  if (now - startedAt > timeout) return { status: 'failed', reason: 'timeout', measured: found.measured };
  if (now - last > cfg.maxGapMs && samples.length > 0) return { status: 'failed', reason: 'face-lost', measured: found.measured };
  return { status: 'pending', measured: found.measured };
}

/** passive+active: the passive signal only ever adds a challenge, it never removes one in active-always. */
export function needsChallenge(policy: LivenessPolicy, passive: { real: number; live: number }, doubtBelow: number): boolean {
  if (policy === 'active-always') return true;
  if (policy === 'passive-only') return false;
  return passive.real < doubtBelow || passive.live < doubtBelow;
}
