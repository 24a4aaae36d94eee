import type { Human } from '@vladmandic/human';
import type { FaceServiceConfig } from './config';
import { cropRgb, decodeJpeg, ImageDecodeError, shrinkRgb, type RgbImage } from './image';
import { loadHumanNode, toTensor } from './humanNode';

/**
 * Turns a photo into one face descriptor, or says why it cannot. A wide or tall frame distorts
 * the face for the detector, so faces are first located on a shrunk copy and the one face is
 * described on a square crop around it; a square input already framed that way takes one pass.
 * Nothing here keeps pixels or descriptors.
 */
export type FaceReading =
  | { kind: 'descriptor'; descriptor: number[] }
  | { kind: 'bad-image'; reason: string }
  | { kind: 'no-face' }
  | { kind: 'several-faces'; count: number };

export interface FaceEngine {
  /** Loads Human (once per process); rejects when it cannot run offline on wasm. */
  ready(): Promise<void>;
  readJpeg(jpeg: Uint8Array): Promise<FaceReading>;
  readImage(image: RgbImage): Promise<FaceReading>;
  similarity(a: number[], b: number[]): number;
}

let sharedHuman: Promise<Human> | undefined;

/** Human keeps its models per process anyway; one instance serves every engine. */
function humanForFaceService(): Promise<Human> {
  sharedHuman ??= loadHumanNode({
    face: { detector: { maxDetected: 5, minConfidence: 0.5, rotation: false }, mesh: { enabled: true } },
  });
  return sharedHuman;
}

/** Up to 4:3: a face filling such a frame would be cropped to the whole frame anyway. */
const ONE_PASS_MAX_ASPECT = 4 / 3 + 0.01;

const LOCATE = { face: { mesh: { enabled: false }, description: { enabled: false } } };
const DESCRIBE = { face: { mesh: { enabled: true }, description: { enabled: true } } };

export function createFaceEngine(config: FaceServiceConfig): FaceEngine {
  let human: Human | undefined;
  // Inference runs one at a time: the wasm backend is single-threaded, and `detect` merges its
  // per-call config into the instance, so interleaved calls would see each other's settings.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function ready(): Promise<void> {
    human ??= await humanForFaceService();
  }

  async function boxes(h: Human, image: RgbImage, settings: object) {
    const tensor = toTensor(h, image);
    try {
      const result = await h.detect(tensor, settings);
      return result.face;
    } finally {
      tensor.dispose();
    }
  }

  type Box = [number, number, number, number];
  type Faces = Awaited<ReturnType<typeof boxes>>;

  /** Faces in original-image pixels, without those too small to count. */
  const counted = (faces: Faces, scale: number) =>
    faces
      .map((face) => ({ face, box: face.box.map((v) => v * scale) as Box }))
      .filter(({ box }) => Math.max(box[2], box[3]) >= config.minFaceSidePx);

  /** True when the square crop around this face would be (nearly) the whole image anyway. */
  const cropIsWholeImage = (image: RgbImage, box: Box) =>
    Math.max(box[2], box[3]) * config.cropScale >= 0.9 * Math.max(image.width, image.height);

  async function readImage(image: RgbImage): Promise<FaceReading> {
    await ready();
    const h = human!;
    return serially(async () => {
      // A square crop (what the kiosk sends) or a 4:3 camera frame is described in one pass; the
      // result is kept when the crop around the face would be about the whole input anyway.
      const aspect = Math.max(image.width, image.height) / Math.min(image.width, image.height);
      let faces: ReturnType<typeof counted>;
      if (aspect <= ONE_PASS_MAX_ASPECT) {
        const input = shrinkRgb(image, config.describeMaxSide);
        faces = counted(await boxes(h, input, DESCRIBE), image.width / input.width);
        const only = faces.length === 1 ? faces[0]! : undefined;
        if (only?.face.embedding?.length && cropIsWholeImage(image, only.box)) {
          return { kind: 'descriptor', descriptor: only.face.embedding };
        }
      } else {
        const small = shrinkRgb(image, config.detectMaxSide);
        faces = counted(await boxes(h, small, LOCATE), image.width / small.width);
      }
      if (faces.length === 0) return { kind: 'no-face' };
      if (faces.length > 1) return { kind: 'several-faces', count: faces.length };
      const [x, y, w, hh] = faces[0]!.box;
      const side = Math.max(w, hh) * config.cropScale;
      const crop = shrinkRgb(cropRgb(image, x + w / 2 - side / 2, y + hh / 2 - side / 2, side, side), config.describeMaxSide);
      const described = (await boxes(h, crop, DESCRIBE)).filter((face) => face.embedding && face.embedding.length > 0);
      // The crop may clip a neighbour's face at its edge: the one nearest the centre is ours.
      const ours = described.sort(
        (a, b) => distance(a.box, crop.width / 2, crop.height / 2) - distance(b.box, crop.width / 2, crop.height / 2),
      )[0];
      return ours ? { kind: 'descriptor', descriptor: ours.embedding! } : { kind: 'no-face' };
    });
  }

  async function readJpeg(jpeg: Uint8Array): Promise<FaceReading> {
    let image: RgbImage;
    try {
      image = decodeJpeg(jpeg);
    } catch (error) {
      if (error instanceof ImageDecodeError) return { kind: 'bad-image', reason: error.message };
      throw error;
    }
    return readImage(image);
  }

  return {
    ready,
    readJpeg,
    readImage,
    similarity: (a, b) => {
      if (!human) throw new Error('face engine used before ready()');
      return human.match.similarity(a, b);
    },
  };
}

function distance(box: [number, number, number, number], cx: number, cy: number): number {
  return Math.hypot(box[0] + box[2] / 2 - cx, box[1] + box[3] / 2 - cy);
}
