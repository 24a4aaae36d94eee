import { readFileSync, writeFileSync } from 'node:fs';
import { decodeJpeg } from '../../sandbox/face/image';
import { seeded } from './replay';

/**
 * A fake-camera clip made from one still photo, for Chromium's --use-file-for-fake-video-capture:
 * a region of the photo scaled to 640x480, every frame the same face shifted by a pixel or two (a
 * phone held to the camera), never a blink or a nod. Written as 4:2:0 Y4M, BT.601 limited range,
 * as ffmpeg's yuv420p is (test/tools/y4m.ts reads it back).
 */
export interface StillClipOptions {
  /** The region of the photo that fills the frame: x, y, width, height (4:3). */
  region: [number, number, number, number];
  seconds: number;
  fps: number;
  /** Largest shift of the region per frame, in output pixels. */
  maxShift: number;
  seed: number;
}

const W = 640;
const H = 480;

export function writeStillClipY4m(photoPath: string, outPath: string, options: StillClipOptions): number {
  const photo = decodeJpeg(new Uint8Array(readFileSync(photoPath)));
  const rng = seeded(options.seed);
  const frames = Math.round(options.seconds * options.fps);
  const [rx, ry, rw, rh] = options.region;
  const sx = rw / W;
  const sy = rh / H;
  const cw = W / 2;
  const ySize = W * H;
  const cSize = cw * (H / 2);
  const chunks: Buffer[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F${options.fps}:1 Ip A1:1 C420jpeg XYSCSS=420JPEG\n`)];
  const rgbAt = (x: number, y: number): [number, number, number] => {
    const px = Math.min(photo.width - 1, Math.max(0, Math.round(x)));
    const py = Math.min(photo.height - 1, Math.max(0, Math.round(y)));
    const i = (py * photo.width + px) * 3;
    return [photo.data[i] ?? 0, photo.data[i + 1] ?? 0, photo.data[i + 2] ?? 0];
  };
  for (let f = 0; f < frames; f++) {
    const dx = (rng() * 2 - 1) * options.maxShift;
    const dy = (rng() * 2 - 1) * options.maxShift;
    const frame = Buffer.alloc(ySize + 2 * cSize);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const [r, g, b] = rgbAt(rx + (x + dx) * sx, ry + (y + dy) * sy);
        frame[y * W + x] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
        if (x % 2 === 0 && y % 2 === 0) {
          const c = (y / 2) * cw + x / 2;
          frame[ySize + c] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
          frame[ySize + cSize + c] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
        }
      }
    }
    chunks.push(Buffer.from('FRAME\n'), frame);
  }
  writeFileSync(outPath, Buffer.concat(chunks));
  photo.data.fill(0);
  return frames;
}
