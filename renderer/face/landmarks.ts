import type { FaceLike, Point } from './types';

/**
 * Facemesh (MediaPipe 468-point topology) indices for the eye aspect ratio, in the order
 * [outer corner, upper 1, upper 2, inner corner, lower 2, lower 1]. "Right" is the person's right
 * eye (left in an unmirrored image). With iris enabled Human refines these same indices.
 */
export const RIGHT_EYE = [33, 160, 158, 133, 153, 144] as const;
export const LEFT_EYE = [362, 385, 387, 263, 373, 380] as const;

const dist = (a: Point, b: Point): number => Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0));

/**
 * Eye aspect ratio (Soukupová & Čech 2016): eyelid opening over eye width. Scale-free, so the
 * same threshold holds near and far. Open eyes measure roughly 0.25–0.35, closed below 0.15.
 * Returns NaN when the mesh lacks the points (mesh disabled or invalid face).
 */
export function eyeAspectRatio(mesh: Point[], eye: readonly number[]): number {
  const p = eye.map((i) => mesh[i]);
  const [p1, p2, p3, p4, p5, p6] = p;
  if (!p1 || !p2 || !p3 || !p4 || !p5 || !p6) return Number.NaN;
  const width = dist(p1, p4);
  if (width === 0) return Number.NaN;
  return (dist(p2, p6) + dist(p3, p5)) / (2 * width);
}

export interface EyeOpenness {
  left: number;
  right: number;
}

export const eyeOpenness = (face: FaceLike): EyeOpenness => ({
  left: eyeAspectRatio(face.mesh, LEFT_EYE),
  right: eyeAspectRatio(face.mesh, RIGHT_EYE),
});

export const boxCentre = (face: FaceLike): [number, number] => [
  face.box[0] + face.box[2] / 2,
  face.box[1] + face.box[3] / 2,
];

export const boxArea = (face: FaceLike): number => Math.max(0, face.box[2]) * Math.max(0, face.box[3]);
