import type { FramePixels } from '../../../renderer/face/types';

/** Doctored copies of a real frame, to drive the gate's light, sharpness and centring checks with real Human results. */

/**
 * Separable box blur of radius r (a defocused or moving camera), with running sums: per-pixel
 * loops over the kernel ran 60x slower under jest's VM context than under plain Node.
 */
export function boxBlur(f: FramePixels, r: number): FramePixels {
  const { width: w, height: h } = f;
  const n = 2 * r + 1;
  const line = (src: Uint8ClampedArray, dst: Uint8ClampedArray, start: number, stride: number, len: number) => {
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let k = -r; k <= r; k++) sum += src[start + Math.min(len - 1, Math.max(0, k)) * stride + c] ?? 0;
      for (let i = 0; i < len; i++) {
        dst[start + i * stride + c] = sum / n;
        const out = Math.max(0, i - r);
        const inn = Math.min(len - 1, i + r + 1);
        sum += (src[start + inn * stride + c] ?? 0) - (src[start + out * stride + c] ?? 0);
      }
    }
  };
  const tmp = new Uint8ClampedArray(f.data);
  for (let y = 0; y < h; y++) line(f.data, tmp, y * w * 4, 4, w);
  const out = new Uint8ClampedArray(tmp);
  for (let x = 0; x < w; x++) line(tmp, out, x * 4, w * 4, h);
  return { width: w, height: h, data: out };
}

/** Every pixel's light times k (a dim room, or a bright one for k > 1). */
export const scaleLight = (f: FramePixels, k: number): FramePixels => ({
  width: f.width,
  height: f.height,
  data: f.data.map((v, i) => (i % 4 === 3 ? v : v * k)),
});

/** The frame moved right by dx pixels, black on the left (the person standing off to one side). */
export function shifted(f: FramePixels, dx: number): FramePixels {
  const data = new Uint8ClampedArray(f.data.length);
  for (let y = 0; y < f.height; y++) {
    const row = y * f.width * 4;
    data.set(f.data.subarray(row, row + (f.width - dx) * 4), row + dx * 4);
  }
  return { width: f.width, height: f.height, data };
}
