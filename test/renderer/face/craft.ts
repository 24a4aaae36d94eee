import { LEFT_EYE, RIGHT_EYE } from '../../../renderer/face/landmarks';
import type { Box, FaceLike, FramePixels, Point } from '../../../renderer/face/types';

/** A crafted Human face result: a 478-point mesh whose eyes have the given aspect ratio. */
export interface FaceSpec {
  box?: Box;
  boxScore?: number;
  yaw?: number;
  pitch?: number;
  roll?: number;
  ear?: number;
  earLeft?: number;
  earRight?: number;
  noMesh?: boolean;
}

function placeEye(mesh: Point[], idx: readonly number[], cx: number, cy: number, w: number, ear: number): void {
  const h = (ear * w) / 2; // EAR = (2h + 2h) / (2w)
  const [p1, p2, p3, p4, p5, p6] = idx as [number, number, number, number, number, number];
  mesh[p1] = [cx - w / 2, cy, 0];
  mesh[p4] = [cx + w / 2, cy, 0];
  mesh[p2] = [cx - w / 6, cy - h, 0];
  mesh[p3] = [cx + w / 6, cy - h, 0];
  mesh[p5] = [cx + w / 6, cy + h, 0];
  mesh[p6] = [cx - w / 6, cy + h, 0];
}

export function craftFace(spec: FaceSpec = {}): FaceLike {
  const box: Box = spec.box ?? [220, 130, 200, 220];
  const [x, y, w, h] = box;
  const mesh: Point[] = spec.noMesh ? [] : Array.from({ length: 478 }, () => [x + w / 2, y + h / 2, 0]);
  if (!spec.noMesh) {
    const eyeW = w * 0.18;
    placeEye(mesh, RIGHT_EYE, x + w * 0.3, y + h * 0.4, eyeW, spec.earRight ?? spec.ear ?? 0.3);
    placeEye(mesh, LEFT_EYE, x + w * 0.7, y + h * 0.4, eyeW, spec.earLeft ?? spec.ear ?? 0.3);
  }
  return {
    box,
    boxScore: spec.boxScore ?? 0.9,
    mesh,
    rotation: spec.noMesh ? null : { angle: { yaw: spec.yaw ?? 0, pitch: spec.pitch ?? 0, roll: spec.roll ?? 0 } },
  };
}

/** A frame filled with one grey level, optionally with a checkerboard (sharp) or flat (blurry) face region. */
export function craftFrame(opts: { width?: number; height?: number; bg?: number; face?: { box: Box; level: number; checker?: number } } = {}): FramePixels {
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const data = new Uint8ClampedArray(width * height * 4);
  const bg = opts.bg ?? 128;
  for (let yy = 0; yy < height; yy++) {
    for (let xx = 0; xx < width; xx++) {
      let v = bg;
      const f = opts.face;
      if (f && xx >= f.box[0] && xx < f.box[0] + f.box[2] && yy >= f.box[1] && yy < f.box[1] + f.box[3]) {
        const c = f.checker ?? 0;
        v = f.level + (c && (Math.floor(xx / 4) + Math.floor(yy / 4)) % 2 ? c : 0);
      }
      const i = (yy * width + xx) * 4;
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}
