import type { Human } from '@vladmandic/human';
import type { FaceServiceConfig } from './config';
import { cropRgb, decodeJpeg, ImageDecodeError, shrinkRgb, type RgbImage } from './image';
import { loadHumanNode, toTensor } from './humanNode';

/**
 * Turns a photo into one face descriptor, or says why it cannot. Two passes, because a wide
 * or tall frame distorts the face for the detector: first locate faces on a shrunk copy, then
 * describe a square crop around the one face. Nothing here keeps pixels or descriptors.
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

  async function readImage(image: RgbImage): Promise<FaceReading> {
    await ready();
    const h = human!;
    return serially(async () => {
      const small = shrinkRgb(image, config.detectMaxSide);
      const scale = image.width / small.width;
      const faces = (await boxes(h, small, LOCATE))
        .map((face) => face.box.map((v) => v * scale) as [number, number, number, number])
        .filter(([, , w, hh]) => Math.max(w, hh) >= config.minFaceSidePx);
      if (faces.length === 0) return { kind: 'no-face' };
      if (faces.length > 1) return { kind: 'several-faces', count: faces.length };
      const [x, y, w, hh] = faces[0]!;
      const side = Math.max(w, hh) * config.cropScale;
      const crop = shrinkRgb(cropRgb(image, x + w / 2 - side / 2, y + hh / 2 - side / 2, side, side), config.describeMaxSide);
      const described = (await boxes(h, crop, DESCRIBE)).filter((face) => face.embedding && face.embedding.length > 0);
      // The crop may clip a neighbour's face at its edge: the one nearest the centre is ours.
      const centre = crop.width / 2;
      const ours = described.sort(
        (a, b) => distance(a.box, centre, crop.height / 2) - distance(b.box, centre, crop.height / 2),
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
