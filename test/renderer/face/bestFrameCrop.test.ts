import { frameScore } from '../../../renderer/face/bestFrame';
import { cropPixels, cropRect, encodeFaceCrop, toBase64 } from '../../../renderer/face/crop';
import { outlineFor } from '../../../renderer/face/outline';
import { evaluateGate, type GateMetrics } from '../../../renderer/face/qualityGate';
import type { FramePixels } from '../../../renderer/face/types';
import { craftFace } from './craft';

const base: GateMetrics = { faceCount: 1, boxScore: 0.9, faceSize: 0.45, yaw: 0, pitch: 0, roll: 0, sharpness: 0.3 };

describe('best frame', () => {
  it('prefers frontal, sharp, larger, more confident frames', () => {
    const s = frameScore(base);
    expect(frameScore({ ...base, yaw: 0.2 })).toBeLessThan(s);
    expect(frameScore({ ...base, sharpness: 0.15 })).toBeLessThan(s);
    expect(frameScore({ ...base, faceSize: 0.32 })).toBeLessThan(s);
    expect(frameScore({ ...base, boxScore: 0.6 })).toBeLessThan(s);
  });

  it('ranks pose above a little extra sharpness', () => {
    expect(frameScore({ ...base, sharpness: 0.38 })).toBeGreaterThan(frameScore({ ...base, sharpness: 0.35 }));
    expect(frameScore({ ...base, yaw: 0.15, sharpness: 0.38 })).toBeLessThan(frameScore({ ...base, sharpness: 0.3 }));
  });
});

describe('crop', () => {
  const frame = { width: 640, height: 480 };

  it('makes a square with margin around the face, centred on it', () => {
    const r = cropRect([270, 140, 100, 120], frame, 0.25);
    expect(r.size).toBe(180);
    expect(r.x + r.size / 2).toBeCloseTo(320, 0);
    expect(r.y + r.size / 2).toBeCloseTo(200, 0);
  });

  it('shifts the square inside the frame rather than cutting or squeezing it', () => {
    const r = cropRect([0, 0, 100, 100], frame, 0.25);
    expect(r).toEqual({ x: 0, y: 0, size: 150 });
    const br = cropRect([590, 430, 50, 50], frame, 0.25);
    expect(br.x + br.size).toBe(640);
    expect(br.y + br.size).toBe(480);
  });

  it('shrinks only when the frame is smaller than the square', () => {
    expect(cropRect([100, 20, 400, 440], frame, 0.25).size).toBe(480);
  });

  it('copies exactly the rect pixels', () => {
    const data = new Uint8ClampedArray(4 * 4 * 4).map((_, i) => i);
    const px: FramePixels = { width: 4, height: 4, data };
    const out = cropPixels(px, { x: 1, y: 2, size: 2 });
    expect(Array.from(out.data.subarray(0, 4))).toEqual([36, 37, 38, 39]); // pixel (1,2)
    expect(Array.from(out.data.subarray(8, 12))).toEqual([52, 53, 54, 55]); // pixel (1,3)
  });

  it('encodes through the injected encoder and wipes the crop and the JPEG bytes', async () => {
    const frameData = new Uint8ClampedArray(640 * 480 * 4).fill(200);
    let seen: FramePixels | undefined;
    let bytes: Uint8Array | undefined;
    const out = await encodeFaceCrop({ width: 640, height: 480, data: frameData }, [270, 140, 100, 120], async (p, q) => {
      seen = p;
      expect(q).toBeGreaterThan(0.5);
      expect(p.data[0]).toBe(200);
      bytes = new Uint8Array([0xff, 0xd8, 1, 2, 3]);
      return bytes;
    });
    expect(out).toEqual({ jpegBase64: toBase64(new Uint8Array([0xff, 0xd8, 1, 2, 3])), width: 180, height: 180 });
    expect(seen?.data.every((v) => v === 0)).toBe(true);
    expect(bytes?.every((v) => v === 0)).toBe(true);
  });

  it('wipes the crop even when the encoder fails', async () => {
    let seen: FramePixels | undefined;
    const failing = encodeFaceCrop({ width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 4).fill(9) }, [10, 10, 30, 30], async (p) => {
      seen = p;
      throw new Error('encoder broke');
    });
    await expect(failing).rejects.toThrow('encoder broke');
    expect(seen?.data.every((v) => v === 0)).toBe(true);
  });

  it('base64-encodes large buffers without overflowing the stack', () => {
    const big = new Uint8Array(200000).fill(65);
    expect(toBase64(big).length).toBe(Math.ceil(200000 / 3) * 4);
  });
});

describe('outline', () => {
  // Drawn from the gate's thresholds, so standing in it is passing the geometric checks.
  it('is centred, inside the frame, and a face standing in it passes the size and centring checks', () => {
    const o = outlineFor();
    expect(o.left + o.width / 2).toBeCloseTo(0.5);
    expect(o.top + o.height / 2).toBeCloseTo(0.5);
    expect(o.top).toBeGreaterThanOrEqual(0);
    const face = craftFace({ box: [o.left * 640, o.top * 480, o.width * 640, o.height * 480] });
    const r = evaluateGate([face], { width: 640, height: 480 }, () => ({ faceLuma: 120, surroundLuma: 110, sharpness: 0.4 }));
    expect(r.pass).toBe(true);
  });
});
