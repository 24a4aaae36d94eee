import { DatabaseSync } from 'node:sqlite';
import { encode as encodeJpeg } from 'jpeg-js';
import type { FaceAuthAnswer } from '../../electron/face/faceIdentity';
import { evoucherChannel } from '../../electron/face/evoucherChannel';
import { FrameLoop, livenessOf, type Capture, type LoopConfig, type LoopEvent } from '../../renderer/face/frameLoop';
import type { FaceDetector } from '../../renderer/face/humanLoader';
import type { FramePixels } from '../../renderer/face/types';
import type { FacePolicy } from '../../shared/config/terminalConfig';
import { createFaceService, ENROL_PATH } from '../../sandbox/face';
import { demoPersonDirectory } from '../sandbox/support/persons';
import { serveRoutes } from '../sandbox/support/serveRoutes';

/**
 * One patient at the kiosk, played from recorded frames with real Human: the frame loop under a
 * policy, the patient (or whoever holds the photo) choosing the last four ID digits when they are
 * offered, and every capture sent through the kiosk's e-voucher channel to the sandbox's face
 * service. Shared by `eval:face` and the spoof tests, so the table and the tests measure the same.
 */
export interface LoopRun {
  events: LoopEvent[];
  captures: Capture[];
  /** Frames analysed before the run ended. */
  frames: number;
}

export async function runLoopOn(
  detector: FaceDetector,
  frames: FramePixels[],
  policy: FacePolicy,
  options: { maxFrames?: number; frameMs?: number; waiveWhenOffered?: boolean; config?: Partial<LoopConfig> } = {},
): Promise<LoopRun> {
  const { maxFrames = 200, frameMs = 100, waiveWhenOffered = true } = options;
  let n = 0;
  let now = 0;
  const queue: Array<() => void> = [];
  const events: LoopEvent[] = [];
  const ended = () => events.some((e) => e.type === 'captured' || e.type === 'alternatives');
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
    encode: async (p, q) => new Uint8Array(encodeJpeg({ width: p.width, height: p.height, data: Buffer.from(p.data) }, q * 100).data),
    clock: () => now,
    scheduler: { next: (tick) => queue.push(tick), cancel: () => queue.splice(0) },
    rng: () => 0,
    onEvent: (event) => {
      events.push(event);
      // Whoever stands there takes the way around the gesture as soon as it is offered.
      if (event.type === 'offer' && waiveWhenOffered) loop.waiveMotion();
    },
    config: { policy, maxAttempts: 1, ...options.config },
  });
  await loop.start();
  for (let i = 0; i < maxFrames && queue.length > 0 && !ended(); i++) {
    now += frameMs;
    queue.shift()?.();
    while (queue.length === 0 && !ended()) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  loop.dispose();
  await new Promise((resolve) => setTimeout(resolve, 50)); // the scrub after a capture
  const captures = events.flatMap((e) => (e.type === 'captured' ? [e.capture] : []));
  return { events, captures, frames: n };
}

export interface FaceDesk {
  /** ec.auth (+ auth.check) as the kiosk's main process asks it, with the liveness the loop reports. */
  identify(capture: Capture): Promise<FaceAuthAnswer>;
  /** The last four ID digits, as the second-factor screen sends them. */
  digits(authNo: string, last4: string): Promise<FaceAuthAnswer>;
  /** Enrols a demo person from a photo (the print's face, so the print is a real threat). */
  enrol(psnNo: string, jpeg: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** The sandbox's face service on its own database and port, with the demo persons A and B seeded. */
export async function startFaceDesk(fixturesDir: string): Promise<FaceDesk> {
  const db = new DatabaseSync(':memory:');
  const service = createFaceService({ db, clock: () => new Date(), persons: demoPersonDirectory(), log: () => undefined, config: { fixturesDir } });
  await service.warmUp();
  const http = await serveRoutes(service.routes);
  const channel = evoucherChannel({ baseUrl: http.url, orgId: 'H42120200001', operatorId: 'KIOSK-EVAL', operatorName: '评估终端' });
  return {
    identify: (capture) => channel.authenticate(capture.jpegBase64, '01101', { liveness: livenessOf(capture), aboveCap: false }),
    digits: (authNo, last4) => channel.secondFactor(authNo, last4, '01101'),
    async enrol(psnNo, jpeg) {
      const response = await fetch(`${http.url}${ENROL_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ psnNo, faceImage: jpeg.toString('base64'), replace: true }),
      });
      if (!response.ok) throw new Error(`enrol ${psnNo}: ${response.status} ${await response.text()}`);
    },
    async close() {
      await http.close();
      await service.close?.();
      db.close();
    },
  };
}

/** Whether a run ended in an identity, and how: the outcome one row of the table counts. */
export type Outcome = 'identified-without-digits' | 'identified-with-digits' | 'refused-digits' | 'not-found' | 'no-capture' | 'other';

/**
 * The run's captures through the face service. A second factor is answered with `last4`: the
 * patient's own digits for a genuine face, a guess for a spoof (three wrong tries lock it).
 */
export async function outcomeOf(desk: FaceDesk, run: LoopRun, last4: string | string[]): Promise<Outcome> {
  const capture = run.captures[0];
  if (!capture) return 'no-capture';
  const first = await desk.identify(capture);
  if (first.status === 'identified') return 'identified-without-digits';
  if (first.status === 'not-found') return 'not-found';
  if (first.status !== 'second-factor') return 'other';
  for (const guess of Array.isArray(last4) ? last4 : [last4]) {
    const answer = await desk.digits(first.authNo, guess);
    if (answer.status === 'identified') return 'identified-with-digits';
    if (answer.status !== 'wrong-digits') return 'refused-digits';
  }
  return 'refused-digits';
}
