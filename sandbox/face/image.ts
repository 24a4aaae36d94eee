import { decode } from 'jpeg-js';

/**
 * JPEG decoding for Node with EXIF orientation applied. jpeg-js ignores the orientation tag,
 * and a photo stored sideways gives no face or a wrong descriptor, so the pixels are turned
 * here the way a browser would show them.
 */
export interface RgbImage {
  width: number;
  height: number;
  /** Packed RGB, row-major, 3 bytes per pixel. */
  data: Uint8Array;
}

export interface DecodedJpeg extends RgbImage {
  /** The EXIF orientation (1–8) found in the file and already applied to `data`; 1 when absent. */
  orientation: number;
}

export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

/** Limits keep a hostile or huge upload from exhausting memory. */
const MAX_MEGAPIXELS = 40;
const MAX_MEMORY_MB = 256;

export function decodeJpeg(buffer: Uint8Array): DecodedJpeg {
  if (buffer.length < 4 || buffer[0] !== 0xff || buffer[1] !== 0xd8) throw new ImageDecodeError('not a JPEG');
  let raw: { width: number; height: number; data: Uint8Array };
  try {
    raw = decode(buffer, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: MAX_MEGAPIXELS,
      maxMemoryUsageInMB: MAX_MEMORY_MB,
    });
  } catch (error) {
    throw new ImageDecodeError(`JPEG decoding failed: ${(error as Error).message}`);
  }
  if (raw.width < 1 || raw.height < 1 || raw.data.length !== raw.width * raw.height * 3) {
    throw new ImageDecodeError('JPEG decoded to an empty or inconsistent image');
  }
  const orientation = readExifOrientation(buffer);
  return { ...applyOrientation(raw, orientation), orientation };
}

/** Reads tag 0x0112 from IFD0 of the APP1 Exif segment; 1 (upright) when absent or unreadable. */
export function readExifOrientation(jpeg: Uint8Array): number {
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  let offset = 2;
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) return 1;
    const marker = jpeg[offset + 1]!;
    // Start of scan or end of image: metadata segments come before, so there is none.
    if (marker === 0xda || marker === 0xd9) return 1;
    const length = view.getUint16(offset + 2);
    const start = offset + 4;
    if (marker === 0xe1 && length >= 16 && ascii(jpeg, start, 6) === 'Exif\0\0') {
      return orientationFromTiff(view, start + 6, Math.min(jpeg.length, offset + 2 + length));
    }
    offset += 2 + length;
  }
  return 1;
}

function orientationFromTiff(view: DataView, tiff: number, end: number): number {
  if (tiff + 8 > end) return 1;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  if (ifd0 + 2 > end) return 1;
  const count = view.getUint16(ifd0, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/**
 * Returns the image as it is meant to be displayed. For each output pixel the source pixel is
 * looked up; orientations 5–8 swap width and height.
 */
export function applyOrientation(image: RgbImage, orientation: number): RgbImage {
  if (orientation <= 1 || orientation > 8) return image;
  const { width: w, height: h, data } = image;
  const swap = orientation >= 5;
  const outW = swap ? h : w;
  const outH = swap ? w : h;
  const out = new Uint8Array(outW * outH * 3);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2: sx = w - 1 - ox; sy = oy; break;
        case 3: sx = w - 1 - ox; sy = h - 1 - oy; break;
        case 4: sx = ox; sy = h - 1 - oy; break;
        case 5: sx = oy; sy = ox; break;
        case 6: sx = oy; sy = h - 1 - ox; break;
        case 7: sx = w - 1 - oy; sy = h - 1 - ox; break;
        default: sx = w - 1 - oy; sy = ox; break; // 8
      }
      const from = (sy * w + sx) * 3;
      const to = (oy * outW + ox) * 3;
      out[to] = data[from]!;
      out[to + 1] = data[from + 1]!;
      out[to + 2] = data[from + 2]!;
    }
  }
  return { width: outW, height: outH, data: out };
}

/** Copies a rectangle (clamped to the image) out of an RGB image. */
export function cropRgb(image: RgbImage, x: number, y: number, width: number, height: number): RgbImage {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(image.width, Math.ceil(x + width));
  const y1 = Math.min(image.height, Math.ceil(y + height));
  const outW = Math.max(1, x1 - x0);
  const outH = Math.max(1, y1 - y0);
  const out = new Uint8Array(outW * outH * 3);
  for (let row = 0; row < outH; row++) {
    const from = ((y0 + row) * image.width + x0) * 3;
    out.set(image.data.subarray(from, from + outW * 3), row * outW * 3);
  }
  return { width: outW, height: outH, data: out };
}

/**
 * Shrinks an image so its longer side is at most `maxSide`, averaging each output pixel's
 * footprint (no aliasing); smaller images are returned as they are. Human squeezes its input
 * anyway: a smaller tensor only saves time.
 */
export function shrinkRgb(image: RgbImage, maxSide: number): RgbImage {
  const scale = maxSide / Math.max(image.width, image.height);
  if (scale >= 1) return image;
  const outW = Math.max(1, Math.round(image.width * scale));
  const outH = Math.max(1, Math.round(image.height * scale));
  const out = new Uint8Array(outW * outH * 3);
  const stepX = image.width / outW;
  const stepY = image.height / outH;
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
          const at = (y * image.width + x) * 3;
          r += image.data[at]!;
          g += image.data[at + 1]!;
          b += image.data[at + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const to = (oy * outW + ox) * 3;
      out[to] = Math.round(r / n);
      out[to + 1] = Math.round(g / n);
      out[to + 2] = Math.round(b / n);
    }
  }
  return { width: outW, height: outH, data: out };
}
