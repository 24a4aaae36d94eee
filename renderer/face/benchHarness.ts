import { canvasJpegEncoder, animationFrameScheduler } from './browserIo';
import { FrameLoop, type CameraSource } from './frameLoop';
import type { DetectPass } from './humanConfig';
import type { LoadedHuman } from './humanLoader';
import type { FramePixels } from './types';

/**
 * The Chromium half of `npm run bench:face`: run in the page (fake camera via
 * --use-file-for-fake-video-capture), it measures on real camera frames what the Node half
 * cannot: the per-pass cost on this browser's wasm, the gate loop's frame rate under
 * requestAnimationFrame, and first face → capture ready. Returns numbers only (no pixels).
 */
export interface PageBenchResult {
  backend: string;
  loadMs: number;
  /** Cold start to the first gated frame: load + first gate pass. */
  firstGatedFrameMs: number;
  passes: Record<DetectPass, { median: number; p90: number }>;
  /** Gate frames analysed per second by the loop (camera frames dropped while busy not counted). */
  loopFps: number;
  firstFaceToCaptureMs: number;
}

const quantiles = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { median: at(0.5), p90: at(0.9) };
};

async function nextFrame(camera: CameraSource): Promise<FramePixels> {
  for (;;) {
    const f = camera.grab();
    if (f) return f;
    await new Promise((r) => requestAnimationFrame(r));
  }
}

export async function benchInPage(
  loaded: LoadedHuman,
  camera: CameraSource,
  now: () => number = () => performance.now(),
  runs = 30,
  gateSeconds = 3,
): Promise<PageBenchResult> {
  await camera.start({ width: 640, height: 480 });
  const first = await nextFrame(camera);
  const t = now();
  await loaded.detector.detect(first, 'gate');
  const firstGatedFrameMs = loaded.loadMs + (now() - t);
  first.data.fill(0);

  const passes = {} as PageBenchResult['passes'];
  for (const pass of ['gate', 'challenge', 'decision'] as const) {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const f = await nextFrame(camera);
      const t0 = now();
      await loaded.detector.detect(f, pass);
      ms.push(now() - t0);
      f.data.fill(0);
    }
    passes[pass] = quantiles(ms);
  }

  // The gate loop alone for a few seconds (no decision: candidateFrames never reached), to count frames.
  let gated = 0;
  const counting: CameraSource = {
    start: (s) => camera.start(s),
    grab: () => {
      const f = camera.grab();
      if (f) gated++;
      return f;
    },
    stop: () => undefined, // the bench keeps the camera; it stops it at the end
  };
  const loopFor = (config: ConstructorParameters<typeof FrameLoop>[0]['config'], onCapture: () => void) =>
    new FrameLoop({
      camera: counting,
      detector: loaded.detector,
      encode: canvasJpegEncoder,
      clock: now,
      scheduler: animationFrameScheduler,
      rng: Math.random,
      onEvent: (e) => {
        if (e.type === 'captured') onCapture();
      },
      config,
    });
  const gateOnly = loopFor({ policy: 'passive-only', candidateFrames: Number.MAX_SAFE_INTEGER }, () => undefined);
  const t1 = now();
  await gateOnly.start();
  await new Promise((r) => setTimeout(r, gateSeconds * 1000));
  gateOnly.dispose();
  const loopFps = (gated * 1000) / (now() - t1);

  // Passive-only, so the time is the gate's and the decision's alone (the active check waits for a person).
  const start = now();
  const firstFaceToCaptureMs = await new Promise<number>((resolve, reject) => {
    // A camera that never shows a passing face must end the bench, not hang it.
    const timer = setTimeout(() => {
      loop.dispose();
      reject(new Error('no capture within 30 s: does the fake camera show one frontal face?'));
    }, 30000);
    const loop = loopFor({ policy: 'passive-only' }, () => {
      clearTimeout(timer);
      resolve(now() - start);
      loop.dispose();
    });
    void loop.start();
  });
  camera.stop();
  return { backend: loaded.choice.backend, loadMs: loaded.loadMs, firstGatedFrameMs, passes, loopFps, firstFaceToCaptureMs };
}
