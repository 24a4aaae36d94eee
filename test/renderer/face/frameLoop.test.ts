import { RANDOM_CHALLENGES } from '../../../renderer/face/activeLiveness';
import { FrameLoop, livenessOf, type CameraSource, type LoopConfig, type LoopEvent, type Scheduler } from '../../../renderer/face/frameLoop';
import type { DetectPass } from '../../../renderer/face/humanConfig';
import type { FaceDetector } from '../../../renderer/face/humanLoader';
import type { FaceLike, FramePixels } from '../../../renderer/face/types';
import { craftFace, craftFrame, type FaceSpec } from './craft';

const BOX: [number, number, number, number] = [220, 130, 200, 220];
const TEMPLATE = craftFrame({ face: { box: BOX, level: 110, checker: 50 } });

class FakeCamera implements CameraSource {
  given: FramePixels[] = [];
  starts = 0;
  stops = 0;
  start = jest.fn(async () => {
    this.starts++;
  });
  grab(): FramePixels {
    const f = { width: 640, height: 480, data: new Uint8ClampedArray(TEMPLATE.data) };
    this.given.push(f);
    return f;
  }
  stop(): void {
    this.stops++;
  }
}

class ManualScheduler implements Scheduler {
  queue: Array<() => void> = [];
  next(tick: () => void) {
    this.queue.push(tick);
    return tick;
  }
  cancel(handle: unknown) {
    this.queue = this.queue.filter((t) => t !== handle);
  }
}

/** The fakes resolve in microtasks: one macrotask turn lets a whole analysis finish. */
const settle = () => new Promise((r) => setTimeout(r, 0));

/** faces(n, pass): what Human "sees" on the n-th detect call of that pass. */
function setup(faces: (n: number, pass: DetectPass) => FaceLike[], config: Partial<LoopConfig> = {}, rng = () => 0) {
  const camera = new FakeCamera();
  const scheduler = new ManualScheduler();
  const events: LoopEvent[] = [];
  const calls: DetectPass[] = [];
  let now = 0;
  const counts = { gate: 0, challenge: 0, decision: 0 };
  const detector: FaceDetector & { scrubs: number } = {
    scrubs: 0,
    detect: async (_f, pass) => {
      calls.push(pass);
      return faces(counts[pass]++, pass);
    },
    scrub: async () => {
      detector.scrubs++;
    },
  };
  const encode = jest.fn(async (p: FramePixels) => new Uint8Array([0xff, 0xd8, p.width & 0xff]));
  const loop = new FrameLoop({
    camera,
    detector,
    encode,
    clock: () => now,
    scheduler,
    rng,
    onEvent: (e) => events.push(e),
    config: { policy: 'passive-only', ...config },
  });
  /** Runs one scheduled tick per simulated frame, `stepMs` apart, letting each analysis finish. */
  const frames = async (n: number, stepMs = 40) => {
    for (let i = 0; i < n; i++) {
      now += stepMs;
      const tick = scheduler.queue.shift();
      if (!tick) return;
      tick();
      await settle();
    }
  };
  return { loop, camera, scheduler, events, calls, detector, encode, frames };
}

const good = (spec: FaceSpec = {}) => [craftFace({ box: BOX, ...spec })];
const types = (events: LoopEvent[]) => events.map((e) => e.type);

describe('frame loop with a fake camera and a fake Human', () => {
  it('gates every frame, decides on the best candidate with the decision pass, hands over one crop and keeps nothing', async () => {
    const t = setup((_n, pass) => (pass === 'decision' ? [{ ...good()[0]!, real: 0.81 }] : good()));
    await t.loop.start();
    await t.frames(5);
    expect(t.calls).toEqual(['gate', 'gate', 'gate', 'decision']);
    const captured = t.events.find((e) => e.type === 'captured');
    expect(captured).toMatchObject({ type: 'captured', capture: { width: 330, height: 330, passive: { real: 0.81, live: 0 } } });
    expect(captured?.type === 'captured' && captured.capture.jpegBase64).toBe(btoa('\xff\xd8' + String.fromCharCode(330 & 0xff)));
    expect(t.camera.stops).toBe(1);
    expect(t.scheduler.queue).toHaveLength(0);
    expect(t.loop.retained()).toBe(0);
    // Every camera buffer the loop received has been wiped, including the decided one.
    expect(t.camera.given.length).toBeGreaterThan(0);
    for (const f of t.camera.given) expect(f.data.every((v) => v === 0)).toBe(true);
    expect(t.detector.scrubs).toBe(1);
  });

  it('guides while the gate fails and never captures a failing face', async () => {
    const t = setup(() => good({ box: [280, 190, 80, 90] }));
    await t.loop.start();
    await t.frames(30);
    expect(t.events.some((e) => e.type === 'guidance' && e.key === 'face.guide.tooFar' && e.speak)).toBe(true);
    expect(types(t.events)).not.toContain('captured');
    expect(t.calls.every((c) => c === 'gate')).toBe(true);
    // Guidance is emitted on change, not on every frame.
    expect(t.events.filter((e) => e.type === 'guidance').length).toBe(1);
  });

  it('requires consecutive passing frames: a failing frame in between resets the count', async () => {
    const t = setup((n) => (n === 2 ? good({ yaw: 0.6 }) : good()));
    await t.loop.start();
    await t.frames(4);
    expect(t.calls).toEqual(['gate', 'gate', 'gate', 'gate']);
    await t.frames(2);
    expect(t.calls.filter((c) => c === 'decision')).toHaveLength(1);
  });

  it('keeps gating when the decision frame does not pass (a cached pass that did not hold up)', async () => {
    const t = setup((n, pass) => (pass === 'decision' && n === 0 ? [] : good()));
    await t.loop.start();
    await t.frames(4);
    expect(types(t.events)).not.toContain('captured');
    expect(t.loop.attemptsUsed).toBe(0);
    await t.frames(4);
    expect(types(t.events)).toContain('captured');
  });

  it('drops frames while Human is busy instead of queueing them', async () => {
    let release: () => void = () => undefined;
    const t = setup(() => good());
    t.detector.detect = () =>
      new Promise<FaceLike[]>((resolve) => {
        release = () => resolve([]);
      });
    const grab = jest.spyOn(t.camera, 'grab');
    await t.loop.start();
    t.scheduler.queue.shift()?.();
    expect(grab).toHaveBeenCalledTimes(1);
    // While busy nothing is scheduled, so no tick can grab.
    expect(t.scheduler.queue).toHaveLength(0);
    release();
    await settle();
    expect(t.scheduler.queue).toHaveLength(1);
    expect(grab).toHaveBeenCalledTimes(1);
  });

  it('stop() turns the camera off, cancels the next tick and wipes the held candidate', async () => {
    const t = setup(() => good());
    await t.loop.start();
    await t.frames(2); // two candidates, one held
    expect(t.loop.retained()).toBe(1);
    t.loop.stop();
    expect(t.camera.stops).toBe(1);
    expect(t.scheduler.queue).toHaveLength(0);
    expect(t.loop.retained()).toBe(0);
    for (const f of t.camera.given) expect(f.data.every((v) => v === 0)).toBe(true);
    await settle();
    expect(t.detector.scrubs).toBe(1);
  });

  it('active-always with the random challenges: asks one after the decision and delivers only once it is verified', async () => {
    const ears = [0.3, 0.3, 0.3, 0.08, 0.05, 0.3, 0.3];
    // The challenge frames are analysed with their own pass (iris on), and blink on cue.
    const t = setup((n, pass) => (pass === 'challenge' ? good({ ear: ears[Math.min(ears.length - 1, n)] }) : good()), { policy: 'active-always', challenges: RANDOM_CHALLENGES }, () => 0.1);
    await t.loop.start();
    await t.frames(3);
    expect(t.events.find((e) => e.type === 'challenge')).toEqual({ type: 'challenge', challenge: 'blink', key: 'face.challenge.blink' });
    expect(types(t.events)).not.toContain('captured');
    expect(t.loop.retained()).toBe(1); // the encoded crop waits for the gesture
    await t.frames(ears.length);
    expect(t.calls.filter((c) => c === 'challenge')).toHaveLength(ears.length - 1);
    const captured = t.events.find((e) => e.type === 'captured');
    expect(captured?.type === 'captured' && captured.capture.challenge?.kind).toBe('blink');
    expect(captured?.type === 'captured' && livenessOf(captured.capture)).toBe('motion');
    expect(t.loop.retained()).toBe(0);
  });

  it('a still face fails a random challenge; after three failed attempts it offers the other ways in, never a dead end', async () => {
    const t = setup(() => good(), { policy: 'active-always', maxAttempts: 3, challenges: RANDOM_CHALLENGES }, () => 0.5);
    await t.loop.start();
    for (let attempt = 0; attempt < 3; attempt++) {
      await t.frames(3);
      expect(t.events.filter((e) => e.type === 'challenge')).toHaveLength(attempt + 1);
      // The person keeps still: frames keep coming (slowly, to keep the test short) past the generous timeout.
      await t.frames(Math.ceil(10000 / 400) + 1, 400);
    }
    expect(t.events.filter((e) => e.type === 'attempt-failed').map((e) => e.type === 'attempt-failed' && e.reason)).toEqual([
      'challenge-timeout',
      'challenge-timeout',
      'challenge-timeout',
    ]);
    expect(t.events[t.events.length - 1]).toEqual({ type: 'alternatives', key: 'face.attempt.alternatives' });
    // The first miss already offered the knowledge check and staff, once.
    expect(t.events.filter((e) => e.type === 'offer')).toHaveLength(1);
    expect(types(t.events).indexOf('offer')).toBeLessThanOrEqual(types(t.events).indexOf('attempt-failed') + 1);
    expect(types(t.events)).not.toContain('captured');
    expect(t.camera.stops).toBe(1);
    expect(t.scheduler.queue).toHaveLength(0);
    expect(t.loop.retained()).toBe(0);
  });

  describe('the gentle challenge (the default): blink or nod, no give-up, the offer after the first miss', () => {
    it('asks blink-or-nod, reports the progress ring as the head dips and returns, and delivers with motion', async () => {
      const pitches = [0, 0, 0, 0.08, 0.17, 0.2, 0.12, 0.03, 0];
      const t = setup((n, pass) => (pass === 'challenge' ? good({ pitch: pitches[Math.min(pitches.length - 1, n)] }) : good()), { policy: 'active-always' });
      await t.loop.start();
      await t.frames(3);
      expect(t.events.find((e) => e.type === 'challenge')).toEqual({ type: 'challenge', challenge: 'blink-or-nod', key: 'face.challenge.blinkOrNod' });
      await t.frames(pitches.length);
      const progress = t.events.flatMap((e) => (e.type === 'progress' ? [e.progress] : []));
      expect(progress[0]).toBe(0);
      expect(progress[progress.length - 1]).toBe(1);
      expect(Math.max(...progress.slice(0, -1))).toBeLessThan(1);
      expect(progress.length).toBeGreaterThan(3); // visible steps on the way, not a jump to done
      const captured = t.events.find((e) => e.type === 'captured');
      expect(captured?.type === 'captured' && livenessOf(captured.capture)).toBe('motion');
      expect(types(t.events)).not.toContain('offer');
    });

    it('a still face is never failed for time: the offer comes at offerAfterMs, the challenge keeps running', async () => {
      const t = setup(() => good(), { policy: 'active-always', offerAfterMs: 10_000 });
      await t.loop.start();
      await t.frames(3);
      await t.frames(20, 400); // 8 s
      expect(types(t.events)).not.toContain('offer');
      await t.frames(10, 400); // 12 s
      expect(t.events.filter((e) => e.type === 'offer')).toEqual([{ type: 'offer', key: 'face.offer.text' }]);
      await t.frames(300, 400); // two minutes more
      expect(types(t.events)).not.toContain('attempt-failed');
      expect(types(t.events)).not.toContain('captured');
      expect(t.loop.retained()).toBe(1); // the decided crop waits, for the gesture or the digits
    }, 60_000); // 330 simulated frames: seconds of CPU on a loaded 2-core machine, no real time

    it('waiveMotion() during the challenge delivers the decided capture at once, without a challenge: liveness none', async () => {
      const t = setup(() => good(), { policy: 'active-always' });
      await t.loop.start();
      await t.frames(3);
      t.loop.waiveMotion();
      const captured = t.events.filter((e) => e.type === 'captured');
      expect(captured).toHaveLength(1);
      expect(captured[0]?.type === 'captured' && livenessOf(captured[0].capture)).toBe('none');
      expect(t.camera.stops).toBe(1);
      expect(t.loop.retained()).toBe(0);
    });

    it('waiveMotion() before any capture: the next decision is delivered without a challenge', async () => {
      const t = setup(() => good(), { policy: 'active-always' });
      await t.loop.start();
      await t.frames(1);
      t.loop.waiveMotion();
      await t.frames(3);
      expect(types(t.events)).not.toContain('challenge');
      const captured = t.events.find((e) => e.type === 'captured');
      expect(captured?.type === 'captured' && livenessOf(captured.capture)).toBe('none');
    });

    it('passive-only captures carry liveness none (the face service then asks for the digits)', async () => {
      const t = setup(() => good(), { policy: 'passive-only' });
      await t.loop.start();
      await t.frames(4);
      const captured = t.events.find((e) => e.type === 'captured');
      expect(captured?.type === 'captured' && livenessOf(captured.capture)).toBe('none');
    });
  });

  it('an attempt times out when a face is present but never passes the gate', async () => {
    const t = setup(() => good({ yaw: 0.7 }), { attemptTimeoutMs: 1000 });
    await t.loop.start();
    await t.frames(30);
    expect(t.events.find((e) => e.type === 'attempt-failed')).toMatchObject({ attempt: 1, reason: 'gate-timeout' });
  });

  it('retry() after the face service could not use the capture counts an attempt and restarts the camera', async () => {
    const t = setup(() => good(), { maxAttempts: 2 });
    await t.loop.start();
    await t.frames(4);
    await t.loop.retry('not-found');
    expect(t.camera.starts).toBe(2);
    await t.frames(4);
    expect(t.events.filter((e) => e.type === 'captured')).toHaveLength(2);
    await t.loop.retry('no-face');
    expect(t.events[t.events.length - 1]?.type).toBe('alternatives');
    expect(t.camera.starts).toBe(2);
  });

  it('ignores several faces only when the others are small, else asks them to step back', async () => {
    const crowd = setup(() => [...good(), craftFace({ box: [10, 140, 180, 200] })]);
    await crowd.loop.start();
    await crowd.frames(25);
    expect(crowd.events.some((e) => e.type === 'guidance' && e.reason === 'several-faces')).toBe(true);
    expect(types(crowd.events)).not.toContain('captured');
  });

  it('events carry keys and numbers only: the one image that leaves is the capture, once', async () => {
    const t = setup((_n, pass) => (pass === 'decision' ? [{ ...good()[0]!, real: 0.7, live: 0.9 }] : good()));
    await t.loop.start();
    await t.frames(6);
    const captured = t.events.filter((e) => e.type === 'captured');
    expect(captured).toHaveLength(1);
    for (const e of t.events.filter((x) => x.type !== 'captured')) {
      expect(Object.values(e).every((v) => ['string', 'number', 'boolean'].includes(typeof v) || v === null)).toBe(true);
    }
    const capture = captured[0]?.type === 'captured' ? captured[0].capture : undefined;
    expect(Object.keys(capture ?? {}).sort()).toEqual(['height', 'jpegBase64', 'passive', 'width']);
  });

  it('never runs Human twice at once: a retry right after a capture waits for the scrub', async () => {
    const t = setup(() => good());
    let running = 0;
    let overlapped = false;
    let releaseScrub: () => void = () => undefined;
    const real = t.detector.detect;
    t.detector.detect = async (f, p) => {
      overlapped ||= running > 0;
      running++;
      try {
        return await real(f, p);
      } finally {
        running--;
      }
    };
    t.detector.scrub = () => {
      overlapped ||= running > 0;
      running++;
      return new Promise<void>((r) => {
        releaseScrub = () => {
          running--;
          r();
        };
      });
    };
    await t.loop.start();
    await t.frames(4);
    expect(types(t.events)).toContain('captured');
    await t.loop.retry('not-found');
    await t.frames(3); // ticks arrive while the scrub is still running: none may start Human
    expect(t.calls.filter((c) => c === 'gate')).toHaveLength(3);
    releaseScrub();
    await settle();
    await t.frames(3);
    expect(t.calls.filter((c) => c === 'gate').length).toBeGreaterThan(3);
    expect(overlapped).toBe(false);
  });

  it('reports Human errors as events and keeps running', async () => {
    const t = setup(() => good());
    let first = true;
    const real = t.detector.detect;
    t.detector.detect = async (f, p) => {
      if (first) {
        first = false;
        throw new Error('wasm hiccup');
      }
      return real(f, p);
    };
    await t.loop.start();
    await t.frames(5);
    expect(t.events[0]).toEqual({ type: 'error', message: 'wasm hiccup' });
    expect(types(t.events)).toContain('captured');
  });
});
