import type { Box, FramePixels, FrameSize } from './types';

export interface CropRect {
  x: number;
  y: number;
  size: number;
}

/** Encodes RGBA pixels to JPEG bytes. Injected: a canvas in the browser, a stub in tests. */
export type JpegEncoder = (pixels: FramePixels, quality: number) => Promise<Uint8Array>;

export interface CropConfig {
  /** Added around the face box on each side, as a fraction of its larger side: the service wants hair line and chin. */
  margin: number;
  quality: number;
  /**
   * The crop's largest side in pixels; a larger crop is shrunk to it before encoding. The face
   * service describes faces at this size (sandbox/face/config.ts `describeMaxSide`) and shrinks
   * anything larger itself, so more pixels only cost bytes on the wire (README "Crop size").
   */
  maxSide: number;
}

export const DEFAULT_CROP: CropConfig = { margin: 0.25, quality: 0.9, maxSide: 400 };

/**
 * A square around the face with margin, shifted (not squeezed) to stay inside the frame, and
 * only shrunk when the frame itself is smaller. Square, because the detector and the service's
 * models squeeze their input to a square and a wide crop would distort the face.
 */
export function cropRect(box: Box, frame: FrameSize, margin = DEFAULT_CROP.margin): CropRect {
  const side = Math.max(box[2], box[3]) * (1 + 2 * margin);
  const size = Math.max(1, Math.floor(Math.min(side, frame.width, frame.height)));
  const cx = box[0] + box[2] / 2;
  const cy = box[1] + box[3] / 2;
  const x = Math.round(Math.min(Math.max(0, cx - size / 2), frame.width - size));
  const y = Math.round(Math.min(Math.max(0, cy - size / 2), frame.height - size));
  return { x, y, size };
}

/** Copies the rect's pixels out of the frame (the frame's buffer can then be wiped independently). */
export function cropPixels(frame: FramePixels, r: CropRect): FramePixels {
  const data = new Uint8ClampedArray(r.size * r.size * 4);
  for (let row = 0; row < r.size; row++) {
    const from = ((r.y + row) * frame.width + r.x) * 4;
    data.set(frame.data.subarray(from, from + r.size * 4), row * r.size * 4);
  }
  return { width: r.size, height: r.size, data };
}

/**
 * Shrinks a square crop to `maxSide` by averaging each output pixel's footprint (what the face
 * service's own shrink does, so the service sees the pixels it would have made itself); a crop
 * already small enough is returned as it is, never enlarged.
 */
export function shrinkPixels(crop: FramePixels, maxSide: number): FramePixels {
  const scale = maxSide / Math.max(crop.width, crop.height);
  if (scale >= 1) return crop;
  const outW = Math.max(1, Math.round(crop.width * scale));
  const outH = Math.max(1, Math.round(crop.height * scale));
  const out = new Uint8ClampedArray(outW * outH * 4);
  const stepX = crop.width / outW;
  const stepY = crop.height / outH;
  for (let oy = 0; oy < outH; oy++) {
    const y0 = Math.floor(oy * stepY);
    const y1 = Math.max(y0 + 1, Math.floor((oy + 1) * stepY));
    for (let ox = 0; ox < outW; ox++) {
      const x0 = Math.floor(ox * stepX);
      const x1 = Math.max(x0 + 1, Math.floor((ox + 1) * stepX));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const at = (y * crop.width + x) * 4;
          r += crop.data[at]!;
          g += crop.data[at + 1]!;
          b += crop.data[at + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const to = (oy * outW + ox) * 4;
      out[to] = r / n;
      out[to + 1] = g / n;
      out[to + 2] = b / n;
      out[to + 3] = 255;
    }
  }
  return { width: outW, height: outH, data: out };
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  // Chunked: String.fromCharCode with one argument per byte overflows the stack on large arrays.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * Crop, encode, and wipe the intermediate buffers: only the base64 string leaves this function
 * (strings cannot be wiped; the caller drops it after sending).
 */
export async function encodeFaceCrop(
  frame: FramePixels,
  box: Box,
  encode: JpegEncoder,
  cfg: CropConfig = DEFAULT_CROP,
): Promise<{ jpegBase64: string; width: number; height: number }> {
  const full = cropPixels(frame, cropRect(box, frame, cfg.margin));
  const crop = shrinkPixels(full, cfg.maxSide);
  let bytes: Uint8Array | undefined;
  try {
    bytes = await encode(crop, cfg.quality);
    return { jpegBase64: toBase64(bytes), width: crop.width, height: crop.height };
  } finally {
    full.data.fill(0);
    crop.data.fill(0);
    bytes?.fill(0);
  }
}
