import type { ActiveMeasure, Challenge } from './activeLiveness';
import type { FaceMessageKey } from './messages';
import type { GateReason } from './qualityGate';
import type { FramePixels, FrameSize } from './types';

/** What the frame loop takes (camera, scheduler) and what it tells the screen (events, the capture). */

/** The camera as the loop sees it. grab() hands over a fresh buffer the loop owns (and wipes). */
export interface CameraSource {
  start(size: FrameSize): Promise<void>;
  /** The latest frame, or null when there is no new one yet. */
  grab(): FramePixels | null;
  stop(): void;
}

/** requestAnimationFrame in the browser: the next tick runs after the page had a chance to paint. */
export interface Scheduler {
  next(tick: () => void): unknown;
  cancel(handle: unknown): void;
}

export interface Capture {
  /** The square face crop, JPEG, base64: the only thing sent to the face service. */
  jpegBase64: string;
  width: number;
  height: number;
  /** Advisory only (0 when Human omitted the score). */
  passive: { real: number; live: number };
  challenge?: { kind: Challenge; measured: ActiveMeasure };
}

/**
 * How liveness was shown, as the face identification request carries it: `motion` only when a
 * challenge was passed. Everything else (passive-only, passive scores, the patient choosing the
 * knowledge check) is `none`, and the face service then asks for the last four ID digits.
 */
export type LivenessShown = 'motion' | 'none';
export const livenessOf = (capture: Capture): LivenessShown => (capture.challenge ? 'motion' : 'none');

export type LoopEvent =
  | { type: 'guidance'; key: FaceMessageKey; reason: GateReason | null; speak: boolean }
  | { type: 'challenge'; challenge: Challenge; key: FaceMessageKey }
  /** How far the gesture is (0..1), when it moved by a visible step: the progress ring. */
  | { type: 'progress'; progress: number }
  /**
   * The first miss (a challenge open offerAfterMs without the gesture, or a failed attempt): the
   * screen offers staff and the knowledge check. Once per loop; the challenge keeps running.
   */
  | { type: 'offer'; key: FaceMessageKey }
  | { type: 'captured'; capture: Capture }
  | { type: 'attempt-failed'; attempt: number; reason: string; key: FaceMessageKey }
  | { type: 'alternatives'; key: FaceMessageKey }
  | { type: 'error'; message: string };
