import { encode } from 'jpeg-js';
import { shrinkRgb, type RgbImage } from '../../../sandbox/face/image';

/** RGB pixels to a JPEG (jpeg-js wants RGBA). */
export function rgbToJpeg(image: RgbImage, quality = 90): Buffer {
  const rgba = Buffer.alloc(image.width * image.height * 4, 255);
  for (let i = 0, j = 0; i < image.data.length; i += 3, j += 4) {
    rgba[j] = image.data[i]!;
    rgba[j + 1] = image.data[i + 1]!;
    rgba[j + 2] = image.data[i + 2]!;
  }
  return encode({ width: image.width, height: image.height, data: rgba }, quality).data;
}

/** Two photos scaled to one height and placed side by side: a frame with two faces. */
export function sideBySide(left: RgbImage, right: RgbImage, height: number): RgbImage {
  const a = shrinkRgb(left, height * Math.max(1, left.width / left.height));
  const b = shrinkRgb(right, height * Math.max(1, right.width / right.height));
  const h = Math.max(a.height, b.height);
  const w = a.width + b.width;
  const data = new Uint8Array(w * h * 3).fill(128);
  for (const [img, x0] of [[a, 0], [b, a.width]] as const) {
    for (let y = 0; y < img.height; y++) {
      data.set(img.data.subarray(y * img.width * 3, (y + 1) * img.width * 3), (y * w + x0) * 3);
    }
  }
  return { width: w, height: h, data };
}
