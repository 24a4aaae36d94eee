import type { FramePixels } from '../../renderer/face/types';

/**
 * YUV4MPEG2 reader for 4:2:0 clips (the fake-camera fixtures), frame by frame so a long clip
 * never sits decoded in memory at once. Colour: BT.601, limited (TV) range unless the header
 * says XCOLORRANGE=FULL — what ffmpeg's yuv420p writes.
 */
export interface Y4mHeader {
  width: number;
  height: number;
  fps: number;
  fullRange: boolean;
}

export function parseY4mHeader(buf: Uint8Array): { header: Y4mHeader; dataStart: number } {
  const nl = buf.indexOf(0x0a);
  const line = new TextDecoder().decode(buf.subarray(0, nl));
  const parts = line.split(' ');
  if (parts[0] !== 'YUV4MPEG2') throw new Error('not a YUV4MPEG2 file');
  let width = 0;
  let height = 0;
  let fps = 0;
  let fullRange = false;
  let chroma = '420jpeg';
  for (const p of parts.slice(1)) {
    const v = p.slice(1);
    if (p[0] === 'W') width = Number(v);
    else if (p[0] === 'H') height = Number(v);
    else if (p[0] === 'F') {
      const [n, d] = v.split(':').map(Number);
      fps = (n ?? 0) / (d || 1);
    } else if (p[0] === 'C') chroma = v;
    else if (p === 'XCOLORRANGE=FULL') fullRange = true;
  }
  if (!chroma.startsWith('420')) throw new Error(`only 4:2:0 clips are supported, not C${chroma}`);
  if (!width || !height) throw new Error('Y4M header without size');
  return { header: { width, height, fps, fullRange }, dataStart: nl + 1 };
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

/** One 4:2:0 frame to RGBA. */
export function yuv420ToRgba(y: Uint8Array, u: Uint8Array, v: Uint8Array, h: Y4mHeader): FramePixels {
  const { width, height } = h;
  const data = new Uint8ClampedArray(width * height * 4);
  const cw = Math.ceil(width / 2);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const Y = y[row * width + col] ?? 0;
      const ci = (row >> 1) * cw + (col >> 1);
      const U = (u[ci] ?? 128) - 128;
      const V = (v[ci] ?? 128) - 128;
      const L = h.fullRange ? Y : 1.164 * (Y - 16);
      const k = h.fullRange ? 1 : 1.138; // chroma scale 255/224 for limited range
      const i = (row * width + col) * 4;
      data[i] = clamp(L + 1.402 * k * V);
      data[i + 1] = clamp(L - 0.344136 * k * U - 0.714136 * k * V);
      data[i + 2] = clamp(L + 1.772 * k * U);
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Yields every frame of the clip as RGBA. */
export function* y4mFrames(buf: Uint8Array): Generator<FramePixels, void, undefined> {
  const { header, dataStart } = parseY4mHeader(buf);
  const ySize = header.width * header.height;
  const cSize = Math.ceil(header.width / 2) * Math.ceil(header.height / 2);
  let at = dataStart;
  while (at < buf.length) {
    const nl = buf.indexOf(0x0a, at);
    if (nl < 0 || new TextDecoder().decode(buf.subarray(at, at + 5)) !== 'FRAME') throw new Error(`bad FRAME marker at byte ${at}`);
    const start = nl + 1;
    if (start + ySize + 2 * cSize > buf.length) throw new Error('truncated Y4M frame');
    yield yuv420ToRgba(
      buf.subarray(start, start + ySize),
      buf.subarray(start + ySize, start + ySize + cSize),
      buf.subarray(start + ySize + cSize, start + ySize + 2 * cSize),
      header,
    );
    at = start + ySize + 2 * cSize;
  }
}
