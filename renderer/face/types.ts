/**
 * The narrow shapes the face pipeline reads from Human and the camera. Human's own
 * `FaceResult` satisfies `FaceLike` structurally; keeping our own type lets the pure modules be
 * tested with crafted inputs and keeps Human's bundle out of them.
 */

/** [x, y] or [x, y, z] in pixels of the analysed frame; Human types z as optional. */
export type Point = ReadonlyArray<number | undefined>;

/** [x, y, width, height] in pixels. */
export type Box = [number, number, number, number];

export interface FrameSize {
  width: number;
  height: number;
}

/** RGBA pixels, laid out like the DOM's ImageData (which satisfies it). */
export interface FramePixels extends FrameSize {
  data: Uint8ClampedArray;
}

export interface FaceLike {
  box: Box;
  /** Detector confidence, 0..1. */
  boxScore: number;
  /** 468 points (478 with iris), pixel coordinates. */
  mesh: Point[];
  /** Radians; absent when the mesh did not run. */
  rotation?: { angle: { yaw: number; pitch: number; roll: number } } | null;
  /** Antispoof score. Human omits it when it is 0 (see pipeline notes, trap 7). */
  real?: number;
  /** Liveness score. Omitted when 0, like `real`. */
  live?: number;
  /** faceres descriptor, only when description ran. */
  embedding?: number[];
}

/** Luminance and sharpness of the face box against the whole frame (see imageStats.ts). */
export interface ImageStats {
  /** Mean luma of the face box, 0..255. */
  faceLuma: number;
  /** Mean luma of the frame outside the face box, 0..255. */
  surroundLuma: number;
  /** Variance of the Laplacian over the variance of the face box (resampled to a fixed width): contrast-free, 0 = flat. */
  sharpness: number;
}
