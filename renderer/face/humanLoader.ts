import type { Config } from '@vladmandic/human';
import { chooseBackend, needsBenchmark, type BackendChoice, type BackendProbe } from './backendChoice';
import { microBenchmark, type TfLike } from './backendProbe';
import { humanConfig, KIOSK_HUMAN, modelsFor, passConfig, type DetectPass, type HumanConfigOptions } from './humanConfig';
import type { FaceLike, FramePixels } from './types';

/** The part of a Human instance the pipeline uses; Human satisfies it, tests fake it. */
export interface HumanLike {
  config: { backend: string };
  tf: TfLike & { getBackend(): string };
  init(): Promise<void>;
  load(): Promise<void>;
  models: { stats(): { numLoadedModels: number }; loaded(): string[] };
  detect(input: never, userConfig?: Partial<Config>): Promise<{ face: FaceLike[]; error?: string | null }>;
}

/** What the frame loop calls: one method per pass, pixels in, faces out. */
export interface FaceDetector {
  detect(frame: FramePixels, pass: DetectPass): Promise<FaceLike[]>;
  /**
   * Runs Human once on a black frame: Human keeps the last input in module-level canvases and
   * its last result in `human.result`; this overwrites both so no face stays inside Human.
   */
  scrub(): Promise<void>;
}

/** Turns pixels into a Human input; `release` frees what the conversion allocated (a tensor in Node). */
export type InputAdapter = (frame: FramePixels) => { input: unknown; release?: () => void };

export function humanDetector(human: HumanLike, toInput: InputAdapter, o: HumanConfigOptions = KIOSK_HUMAN): FaceDetector {
  let lastSize = { width: 640, height: 480 };
  const run = async (frame: FramePixels, pass: DetectPass): Promise<FaceLike[]> => {
    lastSize = { width: frame.width, height: frame.height };
    const { input, release } = toInput(frame);
    try {
      const result = await human.detect(input as never, passConfig(pass, o));
      if (result.error) throw new Error(`Human detect failed: ${result.error}`);
      return result.face;
    } finally {
      release?.();
    }
  };
  return {
    detect: run,
    scrub: async () => {
      const { width, height } = lastSize;
      await run({ width, height, data: new Uint8ClampedArray(width * height * 4) }, 'gate');
    },
  };
}

export interface LoadedHuman {
  human: HumanLike;
  detector: FaceDetector;
  choice: BackendChoice;
  models: string[];
  loadMs: number;
}

export interface LoadDeps {
  create: (config: Partial<Config>) => HumanLike;
  now: () => number;
  /** Reads the unmasked WebGL renderer (backendProbe.unmaskedRenderer in the browser). */
  renderer: () => string | undefined;
  toInput: InputAdapter;
  /** One line at start: the backend choice and its timings (no personal data). */
  log: (line: string) => void;
  options?: HumanConfigOptions;
}

/**
 * Creates Human on the chosen backend and loads the configured models. Throws (the face screen
 * then offers the other ways to identify) when the backend is not the chosen one or fewer
 * models loaded than configured: Human itself does neither, it silently degrades.
 */
export async function loadHuman(deps: LoadDeps): Promise<LoadedHuman> {
  const o = deps.options ?? KIOSK_HUMAN;
  const t0 = deps.now();
  const human = deps.create(humanConfig({ ...o, backend: 'wasm' }));
  await human.init();

  const probe: BackendProbe = { renderer: deps.renderer() };
  if (needsBenchmark(probe.renderer)) {
    probe.wasmMs = await microBenchmark(human.tf, 'wasm', deps.now);
    probe.webglMs = await microBenchmark(human.tf, 'webgl', deps.now);
  }
  const choice = chooseBackend(probe);
  human.config.backend = choice.backend;
  // init() switches tfjs to config.backend; also undoes the benchmark's last setBackend.
  await human.tf.setBackend(choice.backend);
  await human.init();
  const backend = human.tf.getBackend();
  if (backend !== choice.backend) {
    throw new Error(`Human runs on "${backend}", expected "${choice.backend}": check that ${o.wasmPath} serves the .wasm files`);
  }

  await human.load();
  const expected = modelsFor(o).length;
  const { numLoadedModels } = human.models.stats();
  const models = human.models.loaded();
  if (numLoadedModels < expected) {
    throw new Error(`Human loaded ${numLoadedModels} of ${expected} models (${models.join(', ') || 'none'}) from ${o.modelBasePath}`);
  }
  const loadMs = deps.now() - t0;
  const timing = (ms: number | undefined) => (ms === undefined ? '-' : `${ms.toFixed(1)}ms`);
  deps.log(
    `face backend ${choice.backend} (${choice.reason}; renderer ${probe.renderer ?? 'none'}; ` +
      `wasm ${timing(probe.wasmMs)}, webgl ${timing(probe.webglMs)}); ${numLoadedModels} models in ${Math.round(loadMs)}ms`,
  );
  return { human, detector: humanDetector(human, deps.toInput, o), choice, models, loadMs };
}
