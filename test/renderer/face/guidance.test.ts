import { DEFAULT_GUIDANCE, GUIDANCE_KEYS, Guidance, PASS_KEY } from '../../../renderer/face/guidance';
import { FACE_MESSAGES } from '../../../renderer/face/messages';
import { GATE_REASONS, type GateReason } from '../../../renderer/face/qualityGate';
import { CHALLENGE_KEYS } from '../../../renderer/face/activeLiveness';

function run(frames: Array<[number, GateReason | null]>) {
  let now = 0;
  const g = new Guidance(() => now);
  return frames.map(([t, reason]) => {
    now = t;
    return g.update(reason);
  });
}

describe('guidance', () => {
  it('has a zh-CN and an en message for every reason, the pass prompt and every challenge', () => {
    const keys = [...GATE_REASONS.map((r) => GUIDANCE_KEYS[r]), PASS_KEY, ...Object.values(CHALLENGE_KEYS)];
    for (const key of keys) {
      expect(FACE_MESSAGES[key]['zh-CN'].length).toBeGreaterThan(0);
      expect(FACE_MESSAGES[key].en.length).toBeGreaterThan(0);
    }
    expect(new Set(GATE_REASONS.map((r) => GUIDANCE_KEYS[r])).size).toBe(GATE_REASONS.length);
  });

  it('shows the first instruction only once it has settled, and speaks it once', () => {
    const out = run([
      [0, 'too-far'],
      [300, 'too-far'],
      [DEFAULT_GUIDANCE.settleMs, 'too-far'],
      [DEFAULT_GUIDANCE.settleMs + 40, 'too-far'],
    ]);
    expect(out.map((o) => o.key)).toEqual([undefined, undefined, 'face.guide.tooFar', 'face.guide.tooFar']);
    expect(out.map((o) => o.speak)).toEqual([false, false, true, false]);
  });

  it('does not flicker when frames alternate between two reasons at a threshold boundary', () => {
    const frames: Array<[number, GateReason | null]> = [];
    for (let t = 0; t < 600; t += 40) frames.push([t, 'too-far']);
    for (let t = 600; t < 5000; t += 40) frames.push([t, (t / 40) % 2 ? 'off-centre' : 'too-far']);
    const out = run(frames);
    const spoken = out.filter((o) => o.speak).map((o) => o.key);
    expect(spoken).toEqual(['face.guide.tooFar']);
  });

  it('keeps a shown instruction for its minimum time, then switches to a settled new one', () => {
    const s = DEFAULT_GUIDANCE.settleMs;
    const out = run([
      [0, 'too-far'],
      [s, 'too-far'], // shown at s
      [s + 100, null],
      [s + 100 + s, null], // settled, but too-far not shown long enough
      [s + DEFAULT_GUIDANCE.minShowMs, null], // now it switches
    ]);
    expect(out.map((o) => o.key)).toEqual([undefined, 'face.guide.tooFar', 'face.guide.tooFar', 'face.guide.tooFar', PASS_KEY]);
    expect(out[4]?.speak).toBe(true);
  });

  it('repeats a lingering instruction aloud at the repeat interval', () => {
    const s = DEFAULT_GUIDANCE.settleMs;
    const out = run([
      [0, 'eyes-closed'],
      [s, 'eyes-closed'],
      [s + DEFAULT_GUIDANCE.repeatSpeakMs - 1, 'eyes-closed'],
      [s + DEFAULT_GUIDANCE.repeatSpeakMs, 'eyes-closed'],
    ]);
    expect(out.map((o) => o.speak)).toEqual([false, true, false, true]);
  });
});
