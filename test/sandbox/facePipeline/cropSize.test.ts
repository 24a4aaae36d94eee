import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CROP, encodeFaceCrop, shrinkPixels } from '../../../renderer/face/crop';
import type { FramePixels } from '../../../renderer/face/types';
import { DEFAULT_FACE_CONFIG } from '../../../sandbox/face/config';

/** The square input side of one of Human's models, read from the model file the service loads. */
function modelInputSide(model: string): number {
  const file = path.resolve(__dirname, '..', '..', '..', 'node_modules', '@vladmandic', 'human', 'models', `${model}.json`);
  const shape = /"tensorShape":\{"dim":\[\{"size":"-?1"\},\{"size":"(\d+)"\},\{"size":"(\d+)"\}/.exec(readFileSync(file, 'utf8'));
  if (!shape || shape[1] !== shape[2]) throw new Error(`no square input shape in ${model}.json`);
  return Number(shape[1]);
}

describe('the size of the face crop sent to the face service', () => {
  it('is the size the service describes faces at: more pixels would only be shrunk away there', () => {
    expect(DEFAULT_CROP.maxSide).toBe(DEFAULT_FACE_CONFIG.describeMaxSide);
  });

  it('keeps the face at least as large as the service’s models take it (faceres, blazeface)', () => {
    // The face box is the crop without its margin on both sides.
    const faceSide = DEFAULT_CROP.maxSide / (1 + 2 * DEFAULT_CROP.margin);
    expect(faceSide).toBeGreaterThanOrEqual(modelInputSide('faceres'));
    expect(DEFAULT_CROP.maxSide).toBeGreaterThanOrEqual(modelInputSide('blazeface'));
  });

  it('shrinks a 480×480 crop (a face filling a 640×480 frame) to 400×400 before encoding, and wipes both', async () => {
    const frame: FramePixels = { width: 640, height: 480, data: new Uint8ClampedArray(640 * 480 * 4).fill(120) };
    const seen: FramePixels[] = [];
    const out = await encodeFaceCrop(frame, [160, 80, 320, 320], async (pixels) => {
      seen.push(pixels);
      expect(pixels.data[0]).toBe(120);
      return new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    });
    expect(out).toMatchObject({ width: 400, height: 400 });
    expect(seen.map((p) => [p.width, p.height])).toEqual([[400, 400]]);
    expect(seen[0]!.data.every((v) => v === 0)).toBe(true);
  });

  it('averages each output pixel’s footprint and never enlarges a small crop', () => {
    // 4×4 → 2×2: each output pixel is the mean of a 2×2 block.
    const data = new Uint8ClampedArray(4 * 4 * 4);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) data.set([x * 10, y * 10, 100, 255], (y * 4 + x) * 4);
    const small = shrinkPixels({ width: 4, height: 4, data }, 2);
    expect(Array.from(small.data.subarray(0, 4))).toEqual([5, 5, 100, 255]);
    expect(Array.from(small.data.subarray(12, 16))).toEqual([25, 25, 100, 255]);
    const tiny: FramePixels = { width: 180, height: 180, data: new Uint8ClampedArray(180 * 180 * 4) };
    expect(shrinkPixels(tiny, 400)).toBe(tiny);
  });
});
