import type { FaceBackend } from './backendChoice';

/** The slice of tfjs (Human's `human.tf`) the micro-benchmark uses. */
export interface TfLike {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  tidy<T>(fn: () => T): T;
  randomNormal(shape: number[]): TensorLike;
  conv2d(x: TensorLike, filter: TensorLike, strides: number, pad: 'same'): TensorLike;
}
interface TensorLike {
  dataSync(): ArrayLike<number>;
  dispose(): void;
}

/**
 * Warm micro-benchmark: a face-detector-sized convolution stack, run after warm-up runs so
 * shader compilation (WebGL) and module instantiation (wasm) are not counted. Median of `runs`.
 */
export async function microBenchmark(tf: TfLike, backend: FaceBackend, now: () => number, runs = 5): Promise<number | undefined> {
  if (!(await tf.setBackend(backend))) return undefined;
  await tf.ready();
  const once = () =>
    tf.tidy(() => {
      let x = tf.randomNormal([1, 128, 128, 16]);
      const w = tf.randomNormal([3, 3, 16, 16]);
      for (let i = 0; i < 4; i++) x = tf.conv2d(x, w, 1, 'same');
      x.dataSync();
      return 0;
    });
  once();
  once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    once();
    times.push(now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}
