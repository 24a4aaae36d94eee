import {
  chooseChallenge,
  DEFAULT_ACTIVE,
  needsChallenge,
  sampleOf,
  trimSeries,
  verifyChallenge,
  type Challenge,
  type LivenessSample,
} from '../../../renderer/face/activeLiveness';
import { craftFace } from './craft';

/** Deterministic noise so the "jittered" series is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

const FRAME_MS = 50; // 20 fps, slower than the real loop: the checks must not depend on a high frame rate

/** A recorded series: per frame, eye ratio and yaw; landmarks come from crafted faces so sampleOf is exercised. */
function series(frames: Array<{ ear?: number; yaw?: number; pitch?: number; dx?: number }>, t0 = 0): LivenessSample[] {
  return frames.map((f, i) => {
    const face = craftFace({ ear: f.ear ?? 0.3, yaw: f.yaw ?? 0, pitch: f.pitch ?? 0, box: [220 + (f.dx ?? 0), 130, 200, 220] });
    return sampleOf(face, t0 + i * FRAME_MS);
  });
}

const still = (n: number) => Array.from({ length: n }, () => ({}));
const jittered = (n: number, seed = 7) => {
  const r = lcg(seed);
  // Landmark noise seen on a still subject: eye ratio +-15 %, yaw and pitch +-0.06 rad, box +-4 px.
  return Array.from({ length: n }, () => ({ ear: 0.3 * (1 + (r() - 0.5) * 0.3), yaw: (r() - 0.5) * 0.12, pitch: (r() - 0.5) * 0.12, dx: (r() - 0.5) * 8 }));
};
const blink = [...still(8), { ear: 0.2 }, { ear: 0.08 }, { ear: 0.05 }, { ear: 0.12 }, { ear: 0.26 }, ...still(5)];
const turn = (dir: 1 | -1) => [
  ...still(4),
  ...[0.08, 0.16, 0.24, 0.3, 0.34, 0.32, 0.25, 0.15, 0.06, 0.02].map((y) => ({ yaw: y * dir })),
  ...still(3),
];

const verdict = (c: Challenge, s: LivenessSample[], now = s[s.length - 1]?.t ?? 0) => verifyChallenge(c, s, 0, now);
/** A small nod (pitch down and back, about 10 degrees), as the demonstration shows it. */
const nod = (dir: 1 | -1) => [...still(4), ...[0.05, 0.1, 0.16, 0.19, 0.17, 0.1, 0.04, 0.01].map((p) => ({ pitch: p * dir })), ...still(3)];
/** A slow blink: about a second and a half closed at 20 fps. */
const slowBlink = [...still(8), { ear: 0.2 }, ...Array.from({ length: 30 }, () => ({ ear: 0.06 })), { ear: 0.2 }, ...still(5)];

describe('active liveness on recorded landmark series', () => {
  it('passes a blink series', () => {
    const v = verdict('blink', series(blink));
    expect(v.status).toBe('passed');
    expect(v.measured.minEarRatio).toBeLessThan(DEFAULT_ACTIVE.blinkClosedRatio);
  });

  it('passes a slow turn in the asked direction (person left = negative yaw) and not in the other', () => {
    expect(verdict('turn-left', series(turn(-1))).status).toBe('passed');
    expect(verdict('turn-right', series(turn(1))).status).toBe('passed');
    expect(verdict('turn-left', series(turn(1))).status).toBe('pending');
  });

  it('fails a still series once the generous timeout has passed, and waits before that', () => {
    const s = series(still(40));
    expect(verdict('blink', s).status).toBe('pending');
    const late = verdict('blink', s, DEFAULT_ACTIVE.blinkTimeoutMs + 1);
    expect(late).toMatchObject({ status: 'failed', reason: 'timeout' });
    expect(verdict('turn-left', s, DEFAULT_ACTIVE.turnTimeoutMs + 1)).toMatchObject({ status: 'failed', reason: 'timeout' });
  });

  it.each([1, 2, 3, 4, 5])('never passes a jittered still series (seed %i), for any challenge', (seed) => {
    const s = series(jittered(200, seed));
    for (const c of ['blink', 'turn-left', 'turn-right'] as const) expect(verdict(c, s).status).not.toBe('passed');
  });

  /** Per-eye series: [left, right] eye ratios per frame. */
  const eyes = (pairs: Array<[number, number]>) =>
    pairs.map(([l, r], i) => sampleOf(craftFace({ earLeft: l, earRight: r }), i * FRAME_MS));
  const open: [number, number] = [0.19, 0.29];

  it('passes a blink of a face whose eyes differ in openness (each eye against its own open level)', () => {
    const s = eyes([...Array(8).fill(open), [0.05, 0.08], [0.04, 0.06], ...Array(5).fill(open)]);
    expect(verdict('blink', s).status).toBe('passed');
  });

  it('does not count one eye closing as a blink (a wink, or the landmarks of one eye failing)', () => {
    const s = eyes([...Array(8).fill(open), [0.05, 0.29], [0.05, 0.29], ...Array(5).fill(open)]);
    expect(verdict('blink', s).status).toBe('pending');
  });

  it('does not count a blink that never reopens, nor eyes shut for longer than a blink', () => {
    expect(verdict('blink', series([...still(5), { ear: 0.05 }, { ear: 0.05 }])).status).toBe('pending');
    // Three seconds shut, longer than the slowest blink counted (maxClosedMs 2.5 s).
    const longShut = [...still(20), ...Array.from({ length: 60 }, () => ({ ear: 0.05 })), ...still(3)];
    expect(verdict('blink', series(longShut))).toMatchObject({ status: 'pending', measured: { openEar: expect.closeTo(0.3, 5) } });
  });

  it('does not count a single-frame yaw spike as a turn', () => {
    const spike = [...still(4), { yaw: -0.4 }, ...still(6)];
    expect(verdict('turn-left', series(spike)).status).toBe('pending');
  });

  it('fails when the face jumps between frames (another face or photo swapped in)', () => {
    const swapped = [...still(8), { dx: 200, ear: 0.05 }, { dx: 200 }, ...still(3)];
    expect(verdict('blink', series(swapped))).toMatchObject({ status: 'failed', reason: 'face-jump' });
  });

  it('fails when the face is lost for longer than the gap allowance', () => {
    const s = series(still(5));
    const late = s.map((x, i) => (i >= 3 ? { ...x, t: x.t + DEFAULT_ACTIVE.maxGapMs + 100 } : x));
    expect(verdict('blink', late)).toMatchObject({ status: 'failed', reason: 'face-lost' });
  });

  it('chooses every challenge from the injected RNG', () => {
    expect([0, 0.4, 0.9, 0.999999].map((r) => chooseChallenge(() => r))).toEqual(['blink', 'turn-left', 'turn-right', 'turn-right']);
    expect(chooseChallenge(() => 0.7, ['blink-or-nod'])).toBe('blink-or-nod');
  });

  describe('the gentle challenge: a slow blink or a small nod, either passes', () => {
    it('passes a slow blink (1.5 s closed), a quick blink, and a small nod down or up', () => {
      expect(verdict('blink-or-nod', series(slowBlink)).status).toBe('passed');
      expect(verdict('blink-or-nod', series(blink)).status).toBe('passed');
      expect(verdict('blink-or-nod', series(nod(1)))).toMatchObject({ status: 'passed', measured: { progress: 1 } });
      expect(verdict('blink-or-nod', series(nod(-1))).status).toBe('passed');
      // A nod is not a turn: the asked turn stays pending on the same series.
      expect(verdict('turn-left', series(nod(1))).status).toBe('pending');
    });

    it('does not count a nod that never comes back, nor a single-frame pitch spike', () => {
      const down = [...still(4), ...[0.1, 0.2, 0.22, 0.22, 0.21].map((p) => ({ pitch: p }))];
      expect(verdict('blink-or-nod', series(down)).status).toBe('pending');
      expect(verdict('blink-or-nod', series([...still(4), { pitch: 0.3 }, ...still(6)])).status).toBe('pending');
    });

    it('gives no time pressure: a still face is still pending after ten minutes (the screen offers the other ways meanwhile)', () => {
      // One frame every 0.5 s for ten minutes: the face stays, nothing moves.
      const s = series(still(1200)).map((x, i) => ({ ...x, t: i * 500 }));
      expect(verdict('blink-or-nod', s, 600_000).status).toBe('pending');
    });

    it.each([1, 2, 3, 4, 5])('never passes a jittered still series (seed %i)', (seed) => {
      expect(verdict('blink-or-nod', series(jittered(400, seed))).status).not.toBe('passed');
    });

    it('reports how far the gesture is: rising while the eyes close or the head dips, falling back when it stops halfway', () => {
      const progressAt = (frames: Parameters<typeof series>[0]) => verdict('blink-or-nod', series(frames)).measured.progress;
      const half = progressAt([...still(8), { ear: 0.21 }]);
      const closed = progressAt([...still(8), { ear: 0.21 }, { ear: 0.06 }]);
      const reopening = progressAt([...still(8), { ear: 0.21 }, { ear: 0.06 }, { ear: 0.2 }]);
      expect(progressAt(still(8))).toBeLessThan(0.05);
      expect(half).toBeGreaterThan(0.1);
      expect(closed).toBeGreaterThan(half);
      expect(reopening).toBeGreaterThan(closed);
      expect(reopening).toBeLessThan(1);
      expect(progressAt([...still(8), { ear: 0.21 }, ...still(2)])).toBeLessThan(0.05);
      const dipping = progressAt([...still(4), { pitch: 0.08 }]);
      expect(dipping).toBeGreaterThan(0.25);
      expect(dipping).toBeLessThan(0.6);
    });

    it('keeps only the latest window of a long wait, and still finds a gesture at its end', () => {
      const long = series([...still(20 * 60), ...nod(1)]); // a minute still, then the nod
      const now = long[long.length - 1]!.t;
      const kept = trimSeries(long, now);
      expect(kept.length).toBeLessThan(long.length);
      expect(now - kept[0]!.t).toBeLessThanOrEqual(DEFAULT_ACTIVE.gentleWindowMs);
      expect(verdict('blink-or-nod', kept, now).status).toBe('passed');
    });
  });

  it('applies the policy: passive scores only ever add a challenge', () => {
    const high = { real: 0.95, live: 0.99 };
    const low = { real: 0.2, live: 0.99 };
    expect(needsChallenge('active-always', high, 0.5)).toBe(true);
    expect(needsChallenge('passive-only', low, 0.5)).toBe(false);
    expect(needsChallenge('passive+active', high, 0.5)).toBe(false);
    expect(needsChallenge('passive+active', low, 0.5)).toBe(true);
    // Human omits a 0 score; the loop maps it to 0, which is doubtful.
    expect(needsChallenge('passive+active', { real: 0, live: 0.9 }, 0.5)).toBe(true);
  });
});
