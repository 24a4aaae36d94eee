import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFaceConfig, type FaceServiceConfig } from './config';
import { createFaceEngine } from './engine';
import { cropRgb, decodeJpeg, type RgbImage } from './image';
import { loadHumanNode, toTensor } from './humanNode';

/**
 * Reproduces the similarity table in README.md: the service's own pipeline (two passes, square
 * crop) on the shared fixtures. Run: `npx tsx sandbox/face/measure.ts [fixturesDir]`.
 */
export async function measureFixtureSimilarities(overrides: Partial<FaceServiceConfig> = {}) {
  const config = resolveFaceConfig(overrides);
  const engine = createFaceEngine(config);
  await engine.ready();
  const describe = async (file: string) => {
    const reading = await engine.readJpeg(readFileSync(join(config.fixturesDir, file)));
    if (reading.kind !== 'descriptor') throw new Error(`${file}: ${reading.kind}`);
    return reading.descriptor;
  };
  const clip = readFileSync(join(config.fixturesDir, 'camera_person_a_640x480_2s.mjpeg'));
  const firstFrame = clip.subarray(0, clip.indexOf(Buffer.from([0xff, 0xd9])) + 2);
  const frame = await engine.readJpeg(firstFrame);
  if (frame.kind !== 'descriptor') throw new Error(`camera frame: ${frame.kind}`);
  const kioskCrop = await squareCropper();
  const kiosk = async (file: string) => {
    const reading = await engine.readImage(await kioskCrop(decodeJpeg(readFileSync(join(config.fixturesDir, file)))));
    if (reading.kind !== 'descriptor') throw new Error(`${file} (kiosk crop): ${reading.kind}`);
    return reading.descriptor;
  };
  const d = {
    a2Kiosk: await kiosk('person_a_obama_2.jpg'),
    b1Kiosk: await kiosk('person_b_biden_1.jpg'),
    a1: await describe('person_a_obama_1.jpg'),
    a2: await describe('person_a_obama_2.jpg'),
    b1: await describe('person_b_biden_1.jpg'),
    upright: await describe('spoof_print_f1_upright.jpg'),
    exif6: await describe('spoof_print_f1_exif_orientation6.jpg'),
    camera: frame.descriptor,
  };
  const pairs: [string, keyof typeof d, keyof typeof d][] = [
    ['A photo 1 ~ A photo 2 (same person)', 'a1', 'a2'],
    ['A camera frame ~ A photo 1 (same picture, re-encoded)', 'camera', 'a1'],
    ['A camera frame ~ A photo 2 (same person)', 'camera', 'a2'],
    ['A photo 1 ~ B photo 1', 'a1', 'b1'],
    ['A photo 2 ~ B photo 1', 'a2', 'b1'],
    ['A camera frame ~ B photo 1', 'camera', 'b1'],
    ['A photo 2, tight kiosk crop ~ A photo 1 (same person)', 'a2Kiosk', 'a1'],
    ['B photo 1, tight kiosk crop ~ A photo 1', 'b1Kiosk', 'a1'],
    ['print F upright ~ A photo 1', 'upright', 'a1'],
    ['print F upright ~ B photo 1', 'upright', 'b1'],
    ['print F upright ~ print F stored sideways (EXIF 6)', 'upright', 'exif6'],
  ];
  return pairs.map(([pair, x, y]) => ({ pair, similarity: Math.round(engine.similarity(d[x], d[y]) * 100) / 100 }));
}

/**
 * What the kiosk sends by default (renderer/face/crop.ts): a square of 1.5 x the face box,
 * shifted to stay inside the frame.
 */
async function squareCropper(): Promise<(image: RgbImage) => Promise<RgbImage>> {
  const human = await loadHumanNode({ face: { mesh: { enabled: false }, description: { enabled: false } } });
  return async (image) => {
    const tensor = toTensor(human, image);
    const result = await human.detect(tensor);
    tensor.dispose();
    const [x, y, w, h] = result.face[0]!.box;
    const side = Math.min(Math.max(w, h) * 1.5, image.width, image.height);
    const left = Math.min(Math.max(0, x + w / 2 - side / 2), image.width - side);
    const top = Math.min(Math.max(0, y + h / 2 - side / 2), image.height - side);
    return cropRgb(image, left, top, side, side);
  };
}

if (require.main === module) {
  const fixturesDir = process.argv[2];
  measureFixtureSimilarities(fixturesDir ? { fixturesDir } : {}).then(
    (rows) => rows.forEach((row) => console.log(`| ${row.pair} | ${row.similarity.toFixed(2)} |`)),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
