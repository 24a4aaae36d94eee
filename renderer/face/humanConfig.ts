import type { Config } from '@vladmandic/human';

/** The models the kiosk loads, by Human's config name; `humanLoader` checks this many loaded. */
export type FaceModel = 'detector' | 'mesh' | 'iris' | 'antispoof' | 'liveness' | 'description';

export interface HumanConfigOptions {
  backend: 'wasm' | 'webgl';
  /** Where the app serves Human's models and the tfjs wasm binaries: same origin, never a CDN. */
  modelBasePath: string;
  wasmPath: string;
  /**
   * faceres descriptors: off on the kiosk (the face service matches, the kiosk never compares
   * faces, and it saves 7 MB and ~90 ms a decision); on in the eval tool's similarity table.
   */
  description: boolean;
  /** Most faces the detector reports: more than one, or the gate could not see a second person. */
  maxFaces: number;
  /**
   * Iris on the plain gate frames too. Off by default: there it only feeds the eyes-open check,
   * which the plain mesh's eye contour answers as well (open-eye ratios 0.22–0.37 either way on
   * the fixtures), and it is more than half the gate pass (Chromium, load ~5: 42 → 29 ms,
   * 19 → 28.5 gated fps; Node: 40–49 → 17 ms). Iris always runs where the eyes decide something:
   * on the challenge frames (blink) and on the decision frame.
   */
  irisOnGate: boolean;
}

export const KIOSK_HUMAN: HumanConfigOptions = {
  backend: 'wasm',
  modelBasePath: '/models/',
  wasmPath: '/wasm/',
  description: false,
  maxFaces: 3,
  irisOnGate: false,
};

export const modelsFor = (o: HumanConfigOptions): FaceModel[] => [
  'detector',
  'mesh',
  'iris',
  'antispoof',
  'liveness',
  ...(o.description ? (['description'] as const) : []),
];

/**
 * Human's load-time config: every model the pipeline may use is enabled here so `load()` fetches
 * it; which ones run on a given frame is chosen per call by `passConfig`.
 */
export function humanConfig(o: HumanConfigOptions = KIOSK_HUMAN): Partial<Config> {
  return {
    backend: o.backend,
    modelBasePath: o.modelBasePath,
    // The default is a public CDN; offline, wasm init fails and Human silently falls back to WebGL.
    wasmPath: o.wasmPath,
    // Models come from the app; an IndexedDB copy would be a second, unmanaged store.
    cacheModels: false,
    debug: false,
    // The first real frame warms the models; Human's warmup images would add start-up time for nothing on wasm.
    warmup: 'none',
    // The image filters run on WebGL; with the wasm backend they would create a GL context per frame.
    filter: { enabled: false, return: false },
    gesture: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      detector: {
        enabled: true,
        rotation: false,
        maxDetected: o.maxFaces,
        minConfidence: 0.3,
        // The detector reuses the mesh's boxes between runs; re-run at least twice a second so a
        // second person stepping in is seen (the decision frame always re-runs it).
        skipFrames: 10,
        skipTime: 500,
      },
      mesh: { enabled: true },
      iris: { enabled: true },
      attention: { enabled: false },
      emotion: { enabled: false },
      gear: { enabled: false },
      antispoof: { enabled: true },
      liveness: { enabled: true },
      description: { enabled: o.description },
    },
  };
}

/**
 * - gate: every frame while guiding; detection + mesh (+ iris with `irisOnGate`); Human's cache on.
 * - challenge: the frames of an active challenge; the gate pass with iris, for the eye ratios.
 * - decision: the chosen candidate frame; antispoof + liveness (+ description when loaded),
 *   caching off so nothing is reused from earlier frames (pipeline notes, trap 8).
 */
export type DetectPass = 'gate' | 'challenge' | 'decision';

/**
 * Per-call overrides. Human merges them into its config permanently, so every toggle a pass
 * changes is set explicitly on every call.
 */
export function passConfig(pass: DetectPass, o: HumanConfigOptions = KIOSK_HUMAN): Partial<Config> {
  const decision = pass === 'decision';
  return {
    cacheSensitivity: decision ? 0 : 0.7,
    face: {
      iris: { enabled: pass !== 'gate' || o.irisOnGate },
      antispoof: { enabled: decision, skipFrames: 0, skipTime: 0 },
      liveness: { enabled: decision, skipFrames: 0, skipTime: 0 },
      description: { enabled: decision && o.description, skipFrames: 0, skipTime: 0 },
    },
  };
}
