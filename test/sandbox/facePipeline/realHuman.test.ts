/**
 * The kiosk's face pipeline with real Human (wasm, offline) on the fixture photos and clip.
 * Human loads once for the file. Fixtures live outside the project and are never copied in.
 */
import { existsSync } from 'node:fs';
import { encode as encodeJpeg } from 'jpeg-js';
import { DEFAULT_ACTIVE, RANDOM_CHALLENGES, sampleOf, verifyChallenge, type LivenessSample } from '../../../renderer/face/activeLiveness';
import { FrameLoop, type LoopConfig, type LoopEvent } from '../../../renderer/face/frameLoop';
import type { FaceDetector } from '../../../renderer/face/humanLoader';
import { imageStats } from '../../../renderer/face/imageStats';
import { evaluateGate, pickSubject, DEFAULT_GATE, type GateResult } from '../../../renderer/face/qualityGate';
import type { FaceLike, FramePixels } from '../../../renderer/face/types';
import { decodeJpeg } from '../../../sandbox/face/humanNode';
import { FIXTURES_DIR, loadKioskHumanNode, readClip, readImage, rgbaOf } from '../../tools/faceNode';
import { boxBlur, scaleLight, shifted } from './frames';

const CLIP = `${FIXTURES_DIR}/camera_person_a_640x480_10fps_2s.y4m`;
const HAVE_FIXTURES = existsSync(`${FIXTURES_DIR}/person_a_obama_1.jpg`) && existsSync(CLIP);
const suite = HAVE_FIXTURES ? describe : describe.skip;
if (!HAVE_FIXTURES) {
  console.warn(`facePipeline: skipped, the face fixtures are not at ${FIXTURES_DIR} (they are never copied into the project)`);
}

jest.setTimeout(60000);

let detector: FaceDetector;
let human: Awaited<ReturnType<typeof loadKioskHumanNode>>['human'];
const gateOf = (faces: FaceLike[], frame: FramePixels): GateResult => evaluateGate(faces, frame, (f) => imageStats(frame, f.box));
const reasonOf = (g: GateResult) => (g.pass ? 'pass' : g.reason);

async function clipFrames(): Promise<FramePixels[]> {
  return [...(await readClip(CLIP))];
}

suite(`face pipeline with real Human on the fixtures${HAVE_FIXTURES ? '' : ` (skipped: no fixtures at ${FIXTURES_DIR})`}`, () => {
  beforeAll(async () => {
    ({ detector, human } = await loadKioskHumanNode());
  });

  it.each([
    ['person_a_obama_1.jpg', 1],
    ['person_a_obama_2.jpg', 1],
    ['person_b_biden_1.jpg', 1],
    ['spoof_print_f1_upright.jpg', 1],
    ['noface_landscape.jpg', 0],
  ])('%s: %i face(s)', async (file, expected) => {
    const { frame } = await readImage(`${FIXTURES_DIR}/${file}`);
    const faces = await detector.detect(frame, 'decision');
    expect(pickSubject(faces, DEFAULT_GATE).count).toBe(expected);
    if (expected === 0) expect(reasonOf(gateOf(faces, frame))).toBe('no-face');
  });

  it('handles the EXIF-rotated spoof: upright pixels, one face, the same pose as the upright file', async () => {
    const rotated = await readImage(`${FIXTURES_DIR}/spoof_print_f1_exif_orientation6.jpg`);
    const upright = await readImage(`${FIXTURES_DIR}/spoof_print_f1_upright.jpg`);
    expect(rotated.orientation).toBe(6);
    expect([rotated.frame.width, rotated.frame.height]).toEqual([upright.frame.width, upright.frame.height]);
    const [a] = await detector.detect(rotated.frame, 'decision');
    const [b] = await detector.detect(upright.frame, 'decision');
    expect(a && b).toBeTruthy();
    expect(Math.abs((a?.rotation?.angle.roll ?? 9) - (b?.rotation?.angle.roll ?? 0))).toBeLessThan(0.05);
    expect(Math.abs((a?.box[0] ?? 0) - (b?.box[0] ?? 999))).toBeLessThan(10);
  });

  it("pins the yaw sign the turn challenge relies on: positive yaw = nose toward image left = the person's right", async () => {
    // The spoof print is turned (yaw ~0.45): its nose tip lies left of the cheek midpoint in the unmirrored image.
    const { frame } = await readImage(`${FIXTURES_DIR}/spoof_print_f1_upright.jpg`);
    const [face] = await detector.detect(frame, 'decision');
    const [nose, right, left] = [face?.mesh[1], face?.mesh[234], face?.mesh[454]];
    if (!face || !nose || !right || !left) throw new Error('no mesh');
    expect(face.rotation?.angle.yaw).toBeGreaterThan(0.3);
    expect((nose[0] ?? 0) - ((right[0] ?? 0) + (left[0] ?? 0)) / 2).toBeLessThan(0);
  });

  it('gate on real results: the clip frame passes; the spoof print is turned too far; doctored frames fail for the right reason', async () => {
    const [f0] = await clipFrames();
    if (!f0) throw new Error('empty clip');
    const check = async (f: FramePixels) => reasonOf(gateOf(await detector.detect(f, 'decision'), f));
    expect(await check(f0)).toBe('pass');
    const spoof = (await readImage(`${FIXTURES_DIR}/spoof_print_f1_upright.jpg`)).frame;
    expect(await check(spoof)).toBe('not-frontal');
    expect(await check(boxBlur(f0, 6))).toBe('blurry');
    expect(await check(boxBlur(f0, 2))).toBe('pass');
    expect(await check(scaleLight(f0, 0.2))).toBe('too-dark');
    expect(await check(scaleLight(f0, 0.5))).toBe('pass'); // dim but sharp: contrast-normalised sharpness holds
    expect(await check(shifted(f0, 230))).toBe('off-centre');
  });

  it('records the landmark series of the clip (a still photo repeated): no blink, no turn, so the active check fails', async () => {
    const samples: LivenessSample[] = [];
    const frames = await clipFrames();
    // Three loops of the 2 s clip at 10 fps, challenge pass (iris on, Human's cache on), as the kiosk loop sees the fake camera.
    for (let lap = 0; lap < 3; lap++) {
      for (const [i, f] of frames.entries()) {
        const face = pickSubject(await detector.detect(f, 'challenge'), DEFAULT_GATE).face;
        if (face) samples.push(sampleOf(face, (lap * frames.length + i) * 100));
      }
    }
    expect(samples).toHaveLength(60);
    const end = 10001;
    const blink = verifyChallenge('blink', samples, 0, end);
    const left = verifyChallenge('turn-left', samples, 0, end);
    const right = verifyChallenge('turn-right', samples, 0, end);
    expect(blink).toMatchObject({ status: 'failed', reason: 'timeout' });
    expect(left).toMatchObject({ status: 'failed', reason: 'timeout' });
    expect(right).toMatchObject({ status: 'failed', reason: 'timeout' });
    // Measured: the eyes never came near closing, the head never turned.
    expect(blink.measured.minEarRatio).toBeGreaterThan(0.9);
    expect(Math.max(left.measured.maxTurn ?? 1, right.measured.maxTurn ?? 1)).toBeLessThan(DEFAULT_ACTIVE.turnMinYaw / 5);
    // The gentle challenge never gives up on time, and never passes the still either: the ring stays near empty.
    const gentle = verifyChallenge('blink-or-nod', samples, 0, samples[samples.length - 1]!.t);
    expect(gentle.status).toBe('pending');
    expect(gentle.measured.progress).toBeLessThan(0.2);
    expect(gentle.measured.maxNod).toBeLessThan(DEFAULT_ACTIVE.nodMinPitch / 3);
  });

  describe('the frame loop on the clip as a fake camera, real Human', () => {
    async function runLoop(policy: 'passive-only' | 'active-always', maxTicks: number, extra: Partial<LoopConfig> = {}) {
      const frames = await clipFrames();
      let n = 0;
      let now = 0;
      const given: FramePixels[] = [];
      const queue: Array<() => void> = [];
      const events: LoopEvent[] = [];
      const loop = new FrameLoop({
        camera: {
          start: async () => undefined,
          grab: () => {
            const src = frames[n++ % frames.length]!;
            const f = { width: src.width, height: src.height, data: new Uint8ClampedArray(src.data) };
            given.push(f);
            return f;
          },
          stop: () => undefined,
        },
        detector,
        encode: async (p, q) => new Uint8Array(encodeJpeg({ width: p.width, height: p.height, data: Buffer.from(p.data) }, q * 100).data),
        clock: () => now,
        scheduler: { next: (t) => queue.push(t), cancel: () => queue.splice(0) },
        rng: () => 0,
        onEvent: (e) => events.push(e),
        config: { policy, maxAttempts: 1, ...extra },
      });
      await loop.start();
      for (let i = 0; i < maxTicks && queue.length; i++) {
        now += 100;
        queue.shift()?.();
        while (!queue.length && events.every((e) => e.type !== 'captured' && e.type !== 'alternatives')) {
          await new Promise((r) => setTimeout(r, 1));
        }
      }
      await new Promise((r) => setTimeout(r, 50)); // the final scrub
      return { loop, events, given };
    }

    it('passive-only: a capture after the candidate frames, a JPEG crop with one face in it, nothing retained', async () => {
      const { loop, events, given } = await runLoop('passive-only', 20);
      const captured = events.find((e) => e.type === 'captured');
      if (captured?.type !== 'captured') throw new Error(`no capture: ${JSON.stringify(events)}`);
      expect(events.filter((e) => e.type === 'captured')).toHaveLength(1);
      // Human's own last result was overwritten by the scrub: no face (box, mesh) stays inside Human.
      expect(human.result.face).toHaveLength(0);
      const { capture } = captured;
      expect(capture.width).toBe(capture.height);
      expect(capture.passive.real).toBeGreaterThan(0);
      const crop = rgbaOf(decodeJpeg(Buffer.from(capture.jpegBase64, 'base64')));
      expect(pickSubject(await detector.detect(crop, 'decision'), DEFAULT_GATE).count).toBe(1);
      expect(loop.retained()).toBe(0);
      for (const f of given) expect(f.data.every((v) => v === 0)).toBe(true);
    });

    it('active-always with the random challenges: the still clip fails the challenge and the kiosk offers the other ways in', async () => {
      const { events, loop } = await runLoop('active-always', 160, { challenges: RANDOM_CHALLENGES });
      expect(events.some((e) => e.type === 'challenge')).toBe(true);
      expect(events.find((e) => e.type === 'attempt-failed')).toMatchObject({ reason: 'challenge-timeout' });
      expect(events[events.length - 1]?.type).toBe('alternatives');
      expect(events.some((e) => e.type === 'captured')).toBe(false);
      expect(loop.retained()).toBe(0);
    });
  });
});
