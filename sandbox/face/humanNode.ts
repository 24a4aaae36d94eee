import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { io as tfio } from '@tensorflow/tfjs-core';
import type { Config, Human, Tensor } from '@vladmandic/human';
import type { RgbImage } from './image';

export { decodeJpeg, cropRgb, shrinkRgb, applyOrientation, readExifOrientation, ImageDecodeError } from './image';
export type { RgbImage, DecodedJpeg } from './image';

/**
 * Human (@vladmandic/human 3.3.6) in plain Node, fully offline. Each step here avoids one of
 * the silent traps in ../shared/spec/face-pipeline-notes.md:
 * - the package's Node entry needs tfjs-node, so the wasm build is loaded by file path;
 * - the default wasmPath is a CDN, and a failed wasm init silently falls back: the backend is
 *   set to local files and checked after init;
 * - Node's fetch cannot read file://, so models load through a tfjs IO router reading the
 *   package's models/ folder directly (no server, no global fetch patch);
 * - load() does not throw when a model fails: the loaded set is compared with the config;
 * - results are cached across frames by default: caching is off, every call is a decision.
 * Human keeps its models in module-level singletons: all instances in a process share them, and
 * a failed load leaves the module unusable, so load once per process (or per jest file).
 */

/** Directory of the package's dist/ (resolving the package executes nothing). */
const humanDist = dirname(require.resolve('@vladmandic/human'));
export const HUMAN_MODELS_DIR = join(humanDist, '..', 'models');
export const WASM_DIR = `${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`;

const MODEL_SCHEME = 'humanfs://';

type HumanModule = { Human: new (config?: Partial<Config>) => Human };

/** Modules a caller usually does not need: off unless the caller's config turns them on. */
const BASE_CONFIG = {
  backend: 'wasm',
  wasmPath: WASM_DIR,
  wasmPlatformFetch: false,
  modelBasePath: `${MODEL_SCHEME}${HUMAN_MODELS_DIR}/`,
  debug: false,
  async: true,
  warmup: 'none',
  cacheSensitivity: 0,
  filter: { enabled: false },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
  face: {
    enabled: true,
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    detector: { skipFrames: 0, skipTime: 0 },
    mesh: { enabled: true },
    iris: { enabled: false },
    description: { enabled: true, skipFrames: 0, skipTime: 0 },
  },
} satisfies DeepPartial<Config>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export async function loadHumanNode(config: DeepPartial<Config> = {}): Promise<Human> {
  const { Human: HumanClass } = require(join(humanDist, 'human.node-wasm.js')) as HumanModule;
  const merged = deepMerge(BASE_CONFIG, config) as Partial<Config>;
  const human = new HumanClass(merged);
  registerModelRouter(human);
  await human.init();
  const backend = human.tf.getBackend();
  if (backend !== 'wasm') throw new Error(`Human backend is "${backend}", expected "wasm" (wasm files in ${WASM_DIR})`);
  try {
    await human.load();
  } catch (error) {
    throw new Error(`Human model loading failed: ${(error as Error).message}`);
  }
  const expected = expectedModels(human.config);
  const loaded = new Set(human.models.loaded());
  const missing = expected.filter((name) => !loaded.has(name));
  const { numLoadedModels } = human.models.stats();
  if (missing.length > 0 || numLoadedModels < expected.length) {
    throw new Error(`Human loaded ${numLoadedModels} of ${expected.length} models; missing: ${missing.join(', ') || '?'}`);
  }
  return human;
}

/** An RGB image as the [1, h, w, 3] float tensor Human takes; the caller disposes it. */
export function toTensor(human: Human, image: RgbImage): Tensor {
  return human.tf.tensor4d(Float32Array.from(image.data), [1, image.height, image.width, 3], 'float32') as Tensor;
}

let routerRegistered = false;

/** Serves `humanfs://<absolute path>.json` from disk: model JSON plus its weight shards. */
function registerModelRouter(human: Human): void {
  if (routerRegistered) return;
  routerRegistered = true;
  const io = human.tf.io as typeof tfio;
  // A router answers null for URLs it does not own; tfjs's IORouter type omits that case.
  const router = (url: string | string[]): tfio.IOHandler | null => {
    if (typeof url !== 'string' || !url.startsWith(MODEL_SCHEME)) return null;
    const file = url.slice(MODEL_SCHEME.length);
    return {
      load: async () => {
        const modelJson = JSON.parse(await readFile(file, 'utf8'));
        return io.getModelArtifactsForJSON(modelJson, async (manifest: tfio.WeightsManifestConfig) => {
          const specs = manifest.flatMap((group) => group.weights);
          const shards = await Promise.all(
            manifest.flatMap((group) => group.paths).map((path) => readFile(join(dirname(file), path))),
          );
          const buffers = shards.map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
          return [specs, io.concatenateArrayBuffers(buffers)];
        });
      },
    };
  };
  io.registerLoadRouter(router as (url: string | string[]) => tfio.IOHandler);
}

/** Model names (file base names) the config enables, e.g. blazeface, facemesh, faceres. */
function expectedModels(config: Config): string[] {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record['enabled'] === false) return;
    const path = record['modelPath'];
    if (typeof path === 'string' && path.length > 0) names.add(path.split('/').pop()!.replace(/\.json$/i, ''));
    for (const value of Object.values(record)) walk(value);
  };
  for (const key of ['face', 'body', 'hand', 'object', 'segmentation'] as const) walk(config[key]);
  return [...names];
}

function deepMerge(base: object, extra: object): object {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? deepMerge(current, value)
        : value;
  }
  return out;
}
