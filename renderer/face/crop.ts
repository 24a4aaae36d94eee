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
}

export const DEFAULT_CROP: CropConfig = { margin: 0.25, quality: 0.9 };

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
  const crop = cropPixels(frame, cropRect(box, frame, cfg.margin));
  let bytes: Uint8Array | undefined;
  try {
    bytes = await encode(crop, cfg.quality);
    return { jpegBase64: toBase64(bytes), width: crop.width, height: crop.height };
  } finally {
    crop.data.fill(0);
    bytes?.fill(0);
  }
}
