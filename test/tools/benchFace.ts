/**
 * npm run bench:face (Node half): model load, first frame, and ms per frame per stage (median,
 * p90) on the fixture clip with the kiosk's Human config on wasm; then our own per-frame work
 * (gate maths, crop + JPEG) and the time from the first frame with a face to a capture ready.
 * The Chromium half runs renderer/face/benchHarness.ts in the page (needs the bridge host).
 */
import { performance } from 'node:perf_hooks';
import type { Config } from '@vladmandic/human';
import { encode as encodeJpeg } from 'jpeg-js';
import { encodeFaceCrop } from '../../renderer/face/crop';
import { FrameLoop, type LoopEvent } from '../../renderer/face/frameLoop';
import { passConfig } from '../../renderer/face/humanConfig';
import { imageStats } from '../../renderer/face/imageStats';
import { evaluateGate } from '../../renderer/face/qualityGate';
import type { FramePixels } from '../../renderer/face/types';
import { toTensor } from '../../sandbox/face/humanNode';
import { FIXTURES_DIR, loadKioskHumanNode, readClip, rgbOf } from './faceNode';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 30);

function stats(ms: number[]): { median: number; p90: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { median: at(0.5), p90: at(0.9) };
}

const row = (name: string, ms: number[]) => {
  const { median, p90 } = stats(ms);
  console.log(`${name.padEnd(52)}${median.toFixed(1).padStart(9)}${p90.toFixed(1).padStart(9)}${(1000 / median).toFixed(0).padStart(8)}`);
};

const jpeg = async (p: FramePixels, q: number) =>
  new Uint8Array(encodeJpeg({ width: p.width, height: p.height, data: Buffer.from(p.data) }, Math.round(q * 100)).data);

async function main(): Promise<void> {
  const clip = process.argv[2] ?? `${FIXTURES_DIR}/camera_person_a_640x480_10fps_2s.y4m`;
  const frames = [...(await readClip(clip))];
  const t0 = performance.now();
  const { human, detector } = await loadKioskHumanNode({ description: true });
  const loadMs = performance.now() - t0;

  const tensors = frames.map((f) => toTensor(human, rgbOf(f)));
  const detect = async (i: number, cfg: Partial<Config>) => human.detect(tensors[i % tensors.length]!, cfg);
  const off = { enabled: false };
  const on = { enabled: true, skipFrames: 0, skipTime: 0 };
  const stage = (cache: number, mesh: boolean, iris: boolean, passive: boolean, description: boolean): Partial<Config> => ({
    cacheSensitivity: cache,
    face: {
      mesh: { enabled: mesh },
      iris: { enabled: iris },
      antispoof: passive ? on : off,
      liveness: passive ? on : off,
      description: description ? on : off,
    },
  });

  const tFirst = performance.now();
  await detect(0, stage(0, true, false, false, false));
  const firstMs = performance.now() - tFirst;

  console.log(`bench:face (Node ${process.version}, backend ${human.tf.getBackend()}, ${frames.length}-frame clip, ${RUNS} runs per stage)`);
  console.log(`model load ${loadMs.toFixed(0)} ms (6 models incl. faceres); first frame (cold, detect + mesh) ${firstMs.toFixed(0)} ms\n`);
  console.log(`${'stage (ms per 640x480 frame)'.padEnd(52)}${'median'.padStart(9)}${'p90'.padStart(9)}${'fps'.padStart(8)}`);
  const stages: Array<[string, Partial<Config>]> = [
    ['detection only, cache off', stage(0, false, false, false, false)],
    ['+ mesh + iris, cache off', stage(0, true, true, false, false)],
    ['mesh, no iris, cache on (kiosk gate pass)', stage(0.7, true, false, false, false)],
    ['+ iris, cache on (kiosk challenge pass)', stage(0.7, true, true, false, false)],
    ['+ antispoof + liveness, cache off (decision pass)', stage(0, true, true, true, false)],
    ['+ faceres descriptor, cache off (eval only)', stage(0, true, true, true, true)],
  ];
  for (const [name, cfg] of stages) {
    await detect(0, cfg);
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await detect(i, cfg);
      ms.push(performance.now() - t);
    }
    row(name, ms);
  }
  // Back to the kiosk's own passes for the rest (the stages above changed Human's config for good).
  await human.detect(tensors[0]!, { ...passConfig('gate'), face: { ...passConfig('gate').face, mesh: { enabled: true } } });

  const f0 = frames[0]!;
  const [face] = await detector.detect(f0, 'decision');
  if (!face) throw new Error('no face on the first clip frame');
  const gateMs: number[] = [];
  const cropMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    evaluateGate([face], f0, (f) => imageStats(f0, f.box));
    gateMs.push(performance.now() - t);
    t = performance.now();
    await encodeFaceCrop(f0, face.box, jpeg);
    cropMs.push(performance.now() - t);
  }
  row('gate maths (luma, sharpness, pose, eyes)', gateMs);
  row('crop + JPEG (jpeg-js here; canvas in Chromium)', cropMs);
  tensors.forEach((t) => t.dispose());

  console.log(`\ntime from the first frame with a face to a capture ready (frame loop, passive-only, frames as fast as Human takes them):`);
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) runs.push(await timeToCapture(frames, detector));
  row('first face -> capture ready', runs);
}

async function timeToCapture(frames: FramePixels[], detector: Awaited<ReturnType<typeof loadKioskHumanNode>>['detector']): Promise<number> {
  let n = 0;
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const loop = new FrameLoop({
      camera: {
        start: async () => undefined,
        grab: () => {
          const src = frames[n++ % frames.length]!;
          return { width: src.width, height: src.height, data: new Uint8ClampedArray(src.data) };
        },
        stop: () => undefined,
      },
      detector,
      encode: jpeg,
      clock: () => performance.now(),
      scheduler: { next: (t) => setImmediate(t), cancel: (h) => clearImmediate(h as NodeJS.Immediate) },
      rng: Math.random,
      onEvent: (e: LoopEvent) => {
        if (e.type === 'captured') resolve(performance.now() - start);
        if (e.type === 'error' || e.type === 'alternatives') reject(new Error(JSON.stringify(e)));
      },
      config: { policy: 'passive-only' },
    });
    void loop.start();
  });
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
