import type { RgbImage } from '../../../sandbox/face/image';

/**
 * Frames of a YUV4MPEG2 file with 4:2:0 chroma (what Chromium's fake camera reads), converted
 * to RGB with BT.601 limited-range coefficients.
 */
export function parseY4m(file: Buffer): { width: number; height: number; frames: RgbImage[] } {
  const headerEnd = file.indexOf(0x0a);
  const header = file.subarray(0, headerEnd).toString('latin1').split(' ');
  if (header[0] !== 'YUV4MPEG2') throw new Error('not a Y4M file');
  const param = (key: string) => header.find((p) => p.startsWith(key))?.slice(1);
  const width = Number(param('W'));
  const height = Number(param('H'));
  const colour = param('C') ?? '420';
  if (!colour.startsWith('420')) throw new Error(`unsupported Y4M colour space ${colour}`);
  const lumaSize = width * height;
  const chromaWidth = Math.ceil(width / 2);
  const chromaSize = chromaWidth * Math.ceil(height / 2);
  const frames: RgbImage[] = [];
  let offset = headerEnd + 1;
  while (offset < file.length) {
    const frameHeaderEnd = file.indexOf(0x0a, offset);
    if (file.subarray(offset, offset + 5).toString('latin1') !== 'FRAME') throw new Error('bad Y4M frame marker');
    const y = frameHeaderEnd + 1;
    const u = y + lumaSize;
    const v = u + chromaSize;
    const data = new Uint8Array(lumaSize * 3);
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const c = (row >> 1) * chromaWidth + (col >> 1);
        const yy = 1.164 * (file[y + row * width + col]! - 16);
        const cb = file[u + c]! - 128;
        const cr = file[v + c]! - 128;
        const at = (row * width + col) * 3;
        data[at] = clamp(yy + 1.596 * cr);
        data[at + 1] = clamp(yy - 0.392 * cb - 0.813 * cr);
        data[at + 2] = clamp(yy + 2.017 * cb);
      }
    }
    frames.push({ width, height, data });
    offset = v + chromaSize;
  }
  return { width, height, frames };
}

function clamp(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}
