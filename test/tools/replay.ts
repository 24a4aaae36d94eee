import type { Box, FramePixels } from '../../renderer/face/types';

/**
 * Frames a still photo as a kiosk camera would see the person, and replays it as a clip: what a
 * print held to the camera, or a photo shown on a phone, looks like to the pipeline. No frame
 * holds a blink or a nod; only the framing wobbles a little, as a hand holding a print does.
 */
export interface Framing {
  /** Face box height as a share of the 480-px frame height. */
  faceShare: number;
  /** Shift of the face centre, pixels. */
  dx: number;
  dy: number;
}

export const KIOSK_FRAMING: Framing = { faceShare: 0.45, dx: 0, dy: 0 };

/**
 * 640x480, the face box centred (plus dx, dy) at `faceShare` of the height. Area-averaged,
 * padded with black.
 */
export function cameraFramed(frame: FramePixels, box: Box, framing: Framing = KIOSK_FRAMING): FramePixels {
  const W = 640;
  const H = 480;
  const scale = (framing.faceShare * H) / box[2];
  const sx0 = box[0] + box[2] / 2 - (W / 2 + framing.dx) / scale;
  const sy0 = box[1] + box[3] / 2 - (H / 2 + framing.dy) / scale;
  const step = 1 / scale;
  const n = Math.max(1, Math.floor(step));
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const fx0 = Math.floor(sx0 + x * step);
      const fy0 = Math.floor(sy0 + y * step);
      let r = 0;
      let g = 0;
      let b = 0;
      let count = 0;
      for (let yy = fy0; yy < fy0 + n; yy++) {
        for (let xx = fx0; xx < fx0 + n; xx++) {
          if (xx < 0 || yy < 0 || xx >= frame.width || yy >= frame.height) continue;
          const i = (yy * frame.width + xx) * 4;
          r += frame.data[i] ?? 0;
          g += frame.data[i + 1] ?? 0;
          b += frame.data[i + 2] ?? 0;
          count++;
        }
      }
      const o = (y * W + x) * 4;
      if (count) {
        data[o] = r / count;
        data[o + 1] = g / count;
        data[o + 2] = b / count;
      }
      data[o + 3] = 255;
    }
  }
  return { width: W, height: H, data };
}

/** Deterministic, so a failing replay replays: the seed is printed by the caller. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * `frames` frames of one still, each shifted by up to ±maxShift px and scaled by up to
 * ±maxScale: a replay on a phone or a print in a hand, with no blink or nod in it.
 */
export function replayOfStill(still: FramePixels, box: Box, frames: number, rng: () => number, maxShift = 3, maxScale = 0.02): FramePixels[] {
  return Array.from({ length: frames }, () =>
    cameraFramed(still, box, {
      faceShare: KIOSK_FRAMING.faceShare * (1 + (rng() * 2 - 1) * maxScale),
      dx: (rng() * 2 - 1) * maxShift,
      dy: (rng() * 2 - 1) * maxShift,
    }),
  );
}
