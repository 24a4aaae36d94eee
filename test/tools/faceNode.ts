import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Human } from '@vladmandic/human';
import { decodeJpeg, loadHumanNode, toTensor } from '../../sandbox/face/humanNode';
import { humanConfig, KIOSK_HUMAN, type HumanConfigOptions } from '../../renderer/face/humanConfig';
import { humanDetector, type FaceDetector } from '../../renderer/face/humanLoader';
import type { FramePixels } from '../../renderer/face/types';
import { decodePng } from './png';
import { y4mFrames } from './y4m';

/**
 * The kiosk's face pipeline on Node: the renderer's own Human config and detector adapter,
 * with Human loaded offline by sandbox/face/humanNode (wasm from local files) and RGBA frames
 * turned into tensors. Shared by the eval and bench tools and the facePipeline tests.
 */
export const FIXTURES_DIR = `${__dirname}/../../../shared/fixtures/faces`;

export async function loadKioskHumanNode(
  options: Partial<HumanConfigOptions> = {},
): Promise<{ human: Human; detector: FaceDetector; options: HumanConfigOptions }> {
  const o = { ...KIOSK_HUMAN, ...options };
  // humanNode owns where models and wasm come from; everything else is the kiosk's own config.
  const { backend: _b, modelBasePath: _m, wasmPath: _w, cacheModels: _c, ...rest } = humanConfig(o);
  const human = await loadHumanNode(rest as Parameters<typeof loadHumanNode>[0]);
  const detector = humanDetector(human, (frame) => {
    const tensor = toTensor(human, rgbOf(frame));
    return { input: tensor, release: () => tensor.dispose() };
  }, o);
  return { human, detector, options: o };
}

export function rgbOf(frame: FramePixels): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(frame.width * frame.height * 3);
  for (let i = 0, j = 0; i < frame.data.length; i += 4, j += 3) {
    data[j] = frame.data[i] ?? 0;
    data[j + 1] = frame.data[i + 1] ?? 0;
    data[j + 2] = frame.data[i + 2] ?? 0;
  }
  return { width: frame.width, height: frame.height, data };
}

export function rgbaOf(img: { width: number; height: number; data: Uint8Array }): FramePixels {
  const data = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0, j = 0; j < img.data.length; i += 4, j += 3) {
    data[i] = img.data[j] ?? 0;
    data[i + 1] = img.data[j + 1] ?? 0;
    data[i + 2] = img.data[j + 2] ?? 0;
    data[i + 3] = 255;
  }
  return { width: img.width, height: img.height, data };
}

export const isImage = (file: string): boolean => ['.jpg', '.jpeg', '.png'].includes(extname(file).toLowerCase());
export const isClip = (file: string): boolean => extname(file).toLowerCase() === '.y4m';

/** A photo as RGBA, EXIF orientation applied (JPEG), with the orientation found. */
export async function readImage(path: string): Promise<{ frame: FramePixels; orientation: number }> {
  const buf = new Uint8Array(await readFile(path));
  if (extname(path).toLowerCase() === '.png') return { frame: decodePng(buf), orientation: 1 };
  const jpeg = decodeJpeg(buf);
  return { frame: rgbaOf(jpeg), orientation: jpeg.orientation };
}

export async function readClip(path: string): Promise<Generator<FramePixels, void, undefined>> {
  return y4mFrames(new Uint8Array(await readFile(path)));
}
