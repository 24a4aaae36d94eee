/**
 * wasm or WebGL. On a machine without a GPU, WebGL runs on a software rasteriser (SwiftShader,
 * llvmpipe): detection 730–910 ms instead of 31 ms on wasm, yet Human picks WebGL by default. So
 * WebGL must earn its place: a hardware renderer AND a warm micro-benchmark that beats wasm.
 */
export type FaceBackend = 'wasm' | 'webgl';

/** Software renderers (the unmasked renderer string of WEBGL_debug_renderer_info). */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export interface BackendProbe {
  /** Unmasked WebGL renderer; undefined when WebGL or the debug extension is unavailable. */
  renderer?: string;
  /** Warm micro-benchmark, median ms per run; undefined when not run. */
  wasmMs?: number;
  webglMs?: number;
}

export interface BackendChoice {
  backend: FaceBackend;
  reason: 'no-webgl' | 'software-renderer' | 'not-benchmarked' | 'webgl-faster' | 'wasm-not-slower';
  probe: BackendProbe;
}

/** WebGL must be this much faster: a near-tie is not worth its shader compile and first-frame cost. */
export const WEBGL_MUST_BEAT = 0.8;

export const isSoftwareRenderer = (renderer: string): boolean => SOFTWARE_RENDERER.test(renderer);

/** Pure decision; the loader logs the returned choice (with its probe timings) once at start. */
export function chooseBackend(probe: BackendProbe): BackendChoice {
  if (!probe.renderer) return { backend: 'wasm', reason: 'no-webgl', probe };
  if (isSoftwareRenderer(probe.renderer)) return { backend: 'wasm', reason: 'software-renderer', probe };
  if (probe.wasmMs === undefined || probe.webglMs === undefined) return { backend: 'wasm', reason: 'not-benchmarked', probe };
  if (probe.webglMs < probe.wasmMs * WEBGL_MUST_BEAT) return { backend: 'webgl', reason: 'webgl-faster', probe };
  return { backend: 'wasm', reason: 'wasm-not-slower', probe };
}

/** The hardware check comes first: the benchmark is only worth running on a real GPU. */
export const needsBenchmark = (renderer: string | undefined): boolean => !!renderer && !isSoftwareRenderer(renderer);
