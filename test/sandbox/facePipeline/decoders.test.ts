import { deflateSync } from 'node:zlib';
import { decodePng } from '../../tools/png';
import { parseY4mHeader, y4mFrames } from '../../tools/y4m';

/** A tiny 4:2:0 clip: every frame one luma/chroma value. */
function y4m(w: number, h: number, frames: Array<[number, number, number]>, extra = ''): Uint8Array {
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg${extra}\n`)];
  const c = Math.ceil(w / 2) * Math.ceil(h / 2);
  for (const [y, u, v] of frames) {
    parts.push(Buffer.from('FRAME\n'), Buffer.alloc(w * h, y), Buffer.alloc(c, u), Buffer.alloc(c, v));
  }
  return new Uint8Array(Buffer.concat(parts));
}

function png(w: number, h: number, colour: 2 | 6, rows: number[][], filters: number[]): Uint8Array {
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    return Buffer.concat([len, Buffer.from(type), body, Buffer.alloc(4)]); // CRC not checked by the decoder
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = colour;
  const raw = Buffer.concat(rows.map((r, i) => Buffer.from([filters[i] ?? 0, ...r])));
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}

describe('Y4M reader', () => {
  it('reads the header and every frame, converting limited-range BT.601 to RGB', () => {
    const clip = y4m(4, 2, [
      [16, 128, 128], // black
      [235, 128, 128], // white
      [81, 90, 240], // red
    ]);
    expect(parseY4mHeader(clip).header).toEqual({ width: 4, height: 2, fps: 10, fullRange: false });
    const frames = [...y4mFrames(clip)];
    expect(frames).toHaveLength(3);
    const px = (i: number) => Array.from(frames[i]!.data.subarray(0, 4));
    expect(px(0)).toEqual([0, 0, 0, 255]);
    expect(px(1)).toEqual([255, 255, 255, 255]);
    const [r, g, b] = px(2);
    expect(r).toBeGreaterThan(240);
    expect(g).toBeLessThan(15);
    expect(b).toBeLessThan(15);
  });

  it('honours full range, and rejects 4:2:2 and truncated clips', () => {
    expect([...y4mFrames(y4m(2, 2, [[255, 128, 128]], ' XCOLORRANGE=FULL'))][0]!.data[0]).toBe(255);
    expect(() => parseY4mHeader(new Uint8Array(Buffer.from('YUV4MPEG2 W4 H2 C422\n')))).toThrow('4:2:0');
    const whole = y4m(4, 2, [[16, 128, 128]]);
    const cut = whole.subarray(0, whole.length - 3);
    expect(() => [...y4mFrames(cut)]).toThrow('truncated');
  });
});

describe('PNG decoder', () => {
  it('decodes RGB and RGBA with the sub, up, average and Paeth filters', () => {
    const rgb = decodePng(png(2, 2, 2, [[10, 20, 30, 5, 5, 5], [1, 1, 1, 2, 2, 2]], [1, 2]));
    // Row 0, sub filter: second pixel = (5,5,5) + (10,20,30). Row 1, up filter: adds row 0.
    expect(Array.from(rgb.data)).toEqual([10, 20, 30, 255, 15, 25, 35, 255, 11, 21, 31, 255, 17, 27, 37, 255]);
    const rgba = decodePng(png(1, 2, 6, [[100, 100, 100, 200], [10, 10, 10, 10]], [0, 4]));
    expect(Array.from(rgba.data)).toEqual([100, 100, 100, 200, 110, 110, 110, 210]);
    const avg = decodePng(png(1, 2, 2, [[100, 50, 20], [10, 10, 10]], [0, 3]));
    expect(Array.from(avg.data.subarray(4, 7))).toEqual([60, 35, 20]);
  });

  it('rejects what it does not support instead of decoding garbage', () => {
    const bad = png(1, 1, 2, [[1, 2, 3]], [0]);
    bad[8 + 8 + 8] = 16; // bit depth 16
    expect(() => decodePng(bad)).toThrow('unsupported PNG');
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow('not a PNG');
  });
});
