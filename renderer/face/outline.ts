import { DEFAULT_GATE, type GateConfig } from './qualityGate';
import type { FrameSize } from './types';

/**
 * Where the on-screen outline goes, as fractions of the camera frame (CSS percentages over the
 * preview), derived from the gate so "stand in the outline" and "passes the gate" are the same
 * thing: centred, as wide as the middle of the allowed face-size band, face-shaped (1.2 tall).
 * Symmetric, so it is right on the mirrored preview too.
 */
export interface Outline {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function outlineFor(frame: FrameSize = { width: 640, height: 480 }, cfg: GateConfig = DEFAULT_GATE): Outline {
  const short = Math.min(frame.width, frame.height);
  const faceW = ((cfg.minFaceSize + cfg.maxFaceSize) / 2) * short;
  const faceH = Math.min(frame.height, faceW * 1.2);
  const width = faceW / frame.width;
  const height = faceH / frame.height;
  return { left: (1 - width) / 2, top: (1 - height) / 2, width, height };
}
