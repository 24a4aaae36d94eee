import { boxArea, boxCentre, eyeOpenness } from './landmarks';
import type { FaceLike, FrameSize, ImageStats } from './types';

/**
 * Why a frame is not good enough, in the order they are checked: the first failing one is the
 * only one reported, because one instruction at a time is what people can follow.
 */
export const GATE_REASONS = [
  'no-face',
  'several-faces',
  'too-far',
  'too-close',
  'off-centre',
  'not-frontal',
  'too-dark',
  'backlit',
  'eyes-closed',
  'blurry',
] as const;
export type GateReason = (typeof GATE_REASONS)[number];

export interface GateConfig {
  /** Detector confidence below which a detection is ignored. */
  minBoxScore: number;
  /** Another face at least this fraction of the subject's box area counts as a second person at the counter. */
  crowdAreaRatio: number;
  /** Face box width over the frame's shorter side: below is too far, above too close. */
  minFaceSize: number;
  maxFaceSize: number;
  /** Allowed offset of the face centre from the frame centre, as a fraction of width / height. */
  maxOffsetX: number;
  maxOffsetY: number;
  /** Head pose limits from the mesh rotation, radians. */
  maxYaw: number;
  maxPitch: number;
  maxRoll: number;
  /** Mean eye aspect ratio of both eyes below this is "eyes closed". */
  minEyeAspect: number;
  /** Mean face luma (0..255) below this is too dark. */
  minFaceLuma: number;
  /** Backlit: the surround is this much brighter than the face, and the face is darker than backlitFaceMax. */
  backlitDelta: number;
  backlitFaceMax: number;
  /** Laplacian variance over patch variance on the 96-px-wide face patch (see imageStats). */
  minSharpness: number;
}

/** Calibrated on the fixtures (see README: measured figures); one object so a terminal profile can override it. */
export const DEFAULT_GATE: GateConfig = {
  minBoxScore: 0.5,
  crowdAreaRatio: 0.4,
  minFaceSize: 0.3,
  maxFaceSize: 0.85,
  maxOffsetX: 0.15,
  maxOffsetY: 0.2,
  maxYaw: 0.3,
  maxPitch: 0.3,
  maxRoll: 0.25,
  minEyeAspect: 0.18,
  minFaceLuma: 50,
  backlitDelta: 70,
  backlitFaceMax: 110,
  minSharpness: 0.1,
};

/** What was measured on the subject; printed by the eval tool and used by best-frame scoring. */
export interface GateMetrics {
  faceCount: number;
  boxScore?: number;
  faceSize?: number;
  offsetX?: number;
  offsetY?: number;
  yaw?: number;
  pitch?: number;
  roll?: number;
  eyeAspect?: number;
  faceLuma?: number;
  surroundLuma?: number;
  sharpness?: number;
}

export type GateResult =
  | { pass: true; face: FaceLike; metrics: GateMetrics }
  | { pass: false; reason: GateReason; face?: FaceLike; metrics: GateMetrics };

/**
 * Several faces: the subject is the largest face; any other face at least `crowdAreaRatio` of
 * its area is someone else standing at the counter, and the gate asks them to step back. Smaller
 * faces (people further away, passing by) are ignored, so a queue behind the patient does not
 * block the kiosk. Whether the subject is centred is then the ordinary centring check.
 */
export function pickSubject(faces: FaceLike[], cfg: GateConfig): { face?: FaceLike; crowded: boolean; count: number } {
  const seen = faces.filter((f) => f.boxScore >= cfg.minBoxScore).sort((a, b) => boxArea(b) - boxArea(a));
  const [face, ...others] = seen;
  if (!face) return { crowded: false, count: 0 };
  const crowded = others.some((o) => boxArea(o) >= cfg.crowdAreaRatio * boxArea(face));
  return { face, crowded, count: seen.length };
}

/**
 * Pure quality gate. `statsOf` computes luminance and sharpness for the chosen face only (it
 * reads pixels, so it is called at most once, and only when the cheaper geometric checks pass).
 */
export function evaluateGate(
  faces: FaceLike[],
  frame: FrameSize,
  statsOf: (face: FaceLike) => ImageStats,
  cfg: GateConfig = DEFAULT_GATE,
): GateResult {
  const { face, crowded, count } = pickSubject(faces, cfg);
  const metrics: GateMetrics = { faceCount: count };
  if (!face) return { pass: false, reason: 'no-face', metrics };
  const fail = (reason: GateReason): GateResult => ({ pass: false, reason, face, metrics });

  metrics.boxScore = face.boxScore;
  if (crowded) return fail('several-faces');

  metrics.faceSize = face.box[2] / Math.min(frame.width, frame.height);
  if (metrics.faceSize < cfg.minFaceSize) return fail('too-far');
  if (metrics.faceSize > cfg.maxFaceSize) return fail('too-close');

  const [cx, cy] = boxCentre(face);
  metrics.offsetX = cx / frame.width - 0.5;
  metrics.offsetY = cy / frame.height - 0.5;
  if (Math.abs(metrics.offsetX) > cfg.maxOffsetX || Math.abs(metrics.offsetY) > cfg.maxOffsetY) return fail('off-centre');

  const angle = face.rotation?.angle;
  // No rotation means the mesh did not run: pose is unknown, which must not pass as frontal.
  if (!angle) return fail('not-frontal');
  metrics.yaw = angle.yaw;
  metrics.pitch = angle.pitch;
  metrics.roll = angle.roll;
  if (Math.abs(angle.yaw) > cfg.maxYaw || Math.abs(angle.pitch) > cfg.maxPitch || Math.abs(angle.roll) > cfg.maxRoll) {
    return fail('not-frontal');
  }

  const stats = statsOf(face);
  metrics.faceLuma = stats.faceLuma;
  metrics.surroundLuma = stats.surroundLuma;
  metrics.sharpness = stats.sharpness;
  if (stats.faceLuma < cfg.minFaceLuma) return fail('too-dark');
  if (stats.surroundLuma - stats.faceLuma >= cfg.backlitDelta && stats.faceLuma < cfg.backlitFaceMax) return fail('backlit');

  const eyes = eyeOpenness(face);
  metrics.eyeAspect = (eyes.left + eyes.right) / 2;
  // NaN (no eye points) fails too: closed eyes and unknown eyes are both not a capture.
  if (!(metrics.eyeAspect >= cfg.minEyeAspect)) return fail('eyes-closed');

  if (stats.sharpness < cfg.minSharpness) return fail('blurry');
  return { pass: true, face, metrics };
}
