import type { Box, FramePixels, ImageStats } from './types';

/** The face box is resampled to this width before the Laplacian, so sharpness does not depend on distance. */
const SHARPNESS_WIDTH = 96;
/** Sampling step for the frame-wide luma mean: a 640x480 frame gives ~19k samples, plenty for a mean. */
const SURROUND_STEP = 4;

const lumaAt = (data: Uint8ClampedArray, i: number): number =>
  // Rec. 601 weights: what "brightness" means for camera exposure.
  0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);

interface IntBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function clampBox(box: Box, width: number, height: number): IntBox {
  const x0 = Math.max(0, Math.floor(box[0]));
  const y0 = Math.max(0, Math.floor(box[1]));
  const x1 = Math.min(width, Math.ceil(box[0] + box[2]));
  const y1 = Math.min(height, Math.ceil(box[1] + box[3]));
  return { x0, y0, x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
}

/** Area-averaged grey resample of the box: averaging (not picking) pixels avoids aliasing that would fake sharpness. */
function greyPatch(frame: FramePixels, b: IntBox, outW: number, outH: number): Float32Array {
  const out = new Float32Array(outW * outH);
  const bw = b.x1 - b.x0;
  const bh = b.y1 - b.y0;
  for (let oy = 0; oy < outH; oy++) {
    const sy0 = b.y0 + Math.floor((oy * bh) / outH);
    const sy1 = Math.max(sy0 + 1, b.y0 + Math.floor(((oy + 1) * bh) / outH));
    for (let ox = 0; ox < outW; ox++) {
      const sx0 = b.x0 + Math.floor((ox * bw) / outW);
      const sx1 = Math.max(sx0 + 1, b.x0 + Math.floor(((ox + 1) * bw) / outW));
      let sum = 0;
      let n = 0;
      for (let y = sy0; y < sy1; y++) {
        for (let x = sx0; x < sx1; x++) {
          sum += lumaAt(frame.data, (y * frame.width + x) * 4);
          n++;
        }
      }
      out[oy * outW + ox] = n ? sum / n : 0;
    }
  }
  return out;
}

/** Variance of the 4-neighbour Laplacian: high for crisp edges, low for blur (Pech-Pacheco et al. 2000). */
function laplacianVariance(grey: Float32Array, w: number, h: number): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v = (grey[i - 1] ?? 0) + (grey[i + 1] ?? 0) + (grey[i - w] ?? 0) + (grey[i + w] ?? 0) - 4 * (grey[i] ?? 0);
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** Plain variance of the patch: the contrast that the Laplacian's variance is divided by. */
function variance(xs: Float32Array): number {
  let s = 0;
  let q = 0;
  for (const v of xs) {
    s += v;
    q += v * v;
  }
  const m = s / xs.length;
  return q / xs.length - m * m;
}

/** Luminance of the face box against the rest of the frame, and the face's sharpness. */
export function imageStats(frame: FramePixels, box: Box): ImageStats {
  const b = clampBox(box, frame.width, frame.height);
  const bw = b.x1 - b.x0;
  const bh = b.y1 - b.y0;
  if (bw < 3 || bh < 3) return { faceLuma: 0, surroundLuma: 0, sharpness: 0 };

  const outW = SHARPNESS_WIDTH;
  const outH = Math.max(3, Math.round((SHARPNESS_WIDTH * bh) / bw));
  const grey = greyPatch(frame, b, outW, outH);
  let faceSum = 0;
  for (const v of grey) faceSum += v;

  let surSum = 0;
  let surN = 0;
  for (let y = 0; y < frame.height; y += SURROUND_STEP) {
    for (let x = 0; x < frame.width; x += SURROUND_STEP) {
      if (x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1) continue;
      surSum += lumaAt(frame.data, (y * frame.width + x) * 4);
      surN++;
    }
  }
  const faceLuma = faceSum / grey.length;
  return {
    faceLuma,
    // A face filling the frame leaves no surround: compare it with itself (no backlight verdict).
    surroundLuma: surN ? surSum / surN : faceLuma,
    // Divided by the patch's own variance: the raw Laplacian variance falls with the square of the
    // contrast, so a dim but sharp face would read as blurred (measured: x0.4 light gave 1387 -> 211).
    sharpness: laplacianVariance(grey, outW, outH) / Math.max(1, variance(grey)),
  };
}
