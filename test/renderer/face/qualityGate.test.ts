import { DEFAULT_GATE, evaluateGate, type GateReason } from '../../../renderer/face/qualityGate';
import { imageStats } from '../../../renderer/face/imageStats';
import type { FaceLike, ImageStats } from '../../../renderer/face/types';
import { craftFace, craftFrame } from './craft';

const frame = { width: 640, height: 480 };
const good: ImageStats = { faceLuma: 130, surroundLuma: 120, sharpness: 0.4 };
const gate = (faces: FaceLike[], stats: ImageStats = good) => evaluateGate(faces, frame, () => stats);
const reasonOf = (faces: FaceLike[], stats?: ImageStats): GateReason | 'pass' => {
  const r = gate(faces, stats);
  return r.pass ? 'pass' : r.reason;
};

describe('quality gate on crafted results', () => {
  it('passes one centred, frontal, open-eyed, well-lit, sharp face', () => {
    const r = gate([craftFace()]);
    expect(r.pass).toBe(true);
    expect(r.metrics.faceCount).toBe(1);
  });

  it('reports no face, and ignores detections under the confidence floor', () => {
    expect(reasonOf([])).toBe('no-face');
    expect(reasonOf([craftFace({ boxScore: 0.3 })])).toBe('no-face');
  });

  it('asks others to step back when a second face is comparable in size', () => {
    const second = craftFace({ box: [20, 150, 160, 180] });
    expect(reasonOf([craftFace(), second])).toBe('several-faces');
  });

  it('takes the largest face when the others are small (people further back)', () => {
    const far = craftFace({ box: [20, 20, 60, 70] });
    const r = gate([far, craftFace()]);
    expect(r.pass).toBe(true);
    expect(r.pass && r.face.box[2]).toBe(200);
  });

  it('checks the subject, not the first detection: a large off-centre face fails centring', () => {
    const small = craftFace({ box: [290, 210, 60, 60] });
    const bigOff = craftFace({ box: [400, 100, 220, 240] });
    expect(reasonOf([small, bigOff])).toBe('off-centre');
  });

  it('reports too far and too close from the box size', () => {
    expect(reasonOf([craftFace({ box: [270, 180, 100, 110] })])).toBe('too-far');
    expect(reasonOf([craftFace({ box: [100, 20, 440, 450] })])).toBe('too-close');
  });

  it('reports off-centre horizontally and vertically', () => {
    expect(reasonOf([craftFace({ box: [20, 130, 200, 220] })])).toBe('off-centre');
    expect(reasonOf([craftFace({ box: [220, 0, 200, 160] })])).toBe('off-centre');
  });

  it.each([
    ['yaw', { yaw: 0.5 }],
    ['pitch', { pitch: -0.45 }],
    ['roll', { roll: 0.4 }],
  ])('reports not frontal on %s beyond its limit', (_name, pose) => {
    expect(reasonOf([craftFace(pose)])).toBe('not-frontal');
  });

  it('treats a face without mesh rotation as not frontal (pose unknown is not a pass)', () => {
    expect(reasonOf([craftFace({ noMesh: true })])).toBe('not-frontal');
  });

  it('reports too dark and backlit from the luminance of the face box against the frame', () => {
    expect(reasonOf([craftFace()], { faceLuma: 30, surroundLuma: 35, sharpness: 0.4 })).toBe('too-dark');
    expect(reasonOf([craftFace()], { faceLuma: 80, surroundLuma: 200, sharpness: 0.4 })).toBe('backlit');
    // A bright background behind a well-lit face is not backlight.
    expect(reasonOf([craftFace()], { faceLuma: 150, surroundLuma: 240, sharpness: 0.4 })).toBe('pass');
  });

  it('reports eyes closed when both eyes are nearly shut, not when one squints a little', () => {
    expect(reasonOf([craftFace({ ear: 0.08 })])).toBe('eyes-closed');
    expect(reasonOf([craftFace({ earLeft: 0.3, earRight: 0.2 })])).toBe('pass');
  });

  it('reports blurry below the sharpness floor', () => {
    expect(reasonOf([craftFace()], { ...good, sharpness: DEFAULT_GATE.minSharpness - 1 })).toBe('blurry');
  });

  it('reports only the first failing reason, in the documented order', () => {
    // Too far AND turned AND dark: only "too far" is said.
    expect(reasonOf([craftFace({ box: [280, 190, 80, 90], yaw: 0.6 })], { faceLuma: 10, surroundLuma: 10, sharpness: 0 })).toBe('too-far');
  });

  it('only reads pixels once the geometric checks pass', () => {
    const statsOf = jest.fn(() => good);
    evaluateGate([craftFace({ yaw: 0.6 })], frame, statsOf);
    expect(statsOf).not.toHaveBeenCalled();
  });

  it('computes light and sharpness from real pixels: a textured face passes, a flat one is blurry, a dark one too dark', () => {
    const box: [number, number, number, number] = [220, 130, 200, 220];
    const check = (f: ReturnType<typeof craftFrame>) => {
      const r = evaluateGate([craftFace({ box })], f, (face) => imageStats(f, face.box));
      return r.pass ? 'pass' : r.reason;
    };
    expect(check(craftFrame({ face: { box, level: 100, checker: 60 } }))).toBe('pass');
    expect(check(craftFrame({ face: { box, level: 130 } }))).toBe('blurry');
    expect(check(craftFrame({ bg: 20, face: { box, level: 20, checker: 10 } }))).toBe('too-dark');
    expect(check(craftFrame({ bg: 230, face: { box, level: 60, checker: 40 } }))).toBe('backlit');
  });
});
