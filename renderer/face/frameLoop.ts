import {
  CHALLENGE_KEYS,
  chooseChallenge,
  DEFAULT_ACTIVE,
  GENTLE_CHALLENGES,
  needsChallenge,
  sampleOf,
  trimSeries,
  verifyChallenge,
  type ActiveConfig,
  type Challenge,
  type LivenessPolicy,
  type LivenessSample,
} from './activeLiveness';
import { frameScore } from './bestFrame';
import { DEFAULT_CROP, encodeFaceCrop, type CropConfig, type JpegEncoder } from './crop';
import { DEFAULT_GUIDANCE, Guidance, type GuidanceConfig } from './guidance';
import type { FaceDetector } from './humanLoader';
import { imageStats } from './imageStats';
import type { FaceMessageKey } from './messages';
import { DEFAULT_GATE, evaluateGate, pickSubject, type GateConfig } from './qualityGate';
import type { CameraSource, Capture, LoopEvent, Scheduler } from './loopTypes';
import type { FaceLike, FramePixels, FrameSize } from './types';

export type { CameraSource, Capture, LivenessShown, LoopEvent, Scheduler } from './loopTypes';
export { livenessOf } from './loopTypes';

export interface LoopConfig {
  frame: FrameSize;
  /** Consecutive gate-passing frames before the decision: the person is holding still. */
  candidateFrames: number;
  maxAttempts: number;
  /** An attempt fails when no capture is ready this long after a face first appeared. */
  attemptTimeoutMs: number;
  policy: LivenessPolicy;
  /** The challenges drawn from (with the injected RNG); the gentle blink-or-nod by default. */
  challenges: readonly Challenge[];
  /** A challenge open this long without the gesture counts as the first miss (the offer); it keeps running. */
  offerAfterMs: number;
  /** passive+active: a passive score below this asks for the challenge. */
  passiveDoubtBelow: number;
  gate: GateConfig;
  guidance: GuidanceConfig;
  active: ActiveConfig;
  crop: CropConfig;
}

export const DEFAULT_LOOP: LoopConfig = {
  frame: { width: 640, height: 480 },
  candidateFrames: 3,
  maxAttempts: 3,
  // Generous: a slow person getting into the outline is not failed at 30 s.
  attemptTimeoutMs: 60000,
  policy: 'active-always',
  challenges: GENTLE_CHALLENGES,
  offerAfterMs: 10000,
  passiveDoubtBelow: 0.5,
  gate: DEFAULT_GATE,
  guidance: DEFAULT_GUIDANCE,
  active: DEFAULT_ACTIVE,
  crop: DEFAULT_CROP,
};

export interface LoopDeps {
  camera: CameraSource;
  detector: FaceDetector;
  encode: JpegEncoder;
  clock: () => number;
  scheduler: Scheduler;
  rng: () => number;
  onEvent: (event: LoopEvent) => void;
  config?: Partial<LoopConfig>;
}

type Phase = 'idle' | 'gating' | 'challenge' | 'done' | 'stopped';

/**
 * The capture controller: gate every frame, decide on the best of a few passing frames, run the
 * challenge the policy asks for, hand over one JPEG crop, then keep nothing. Frames arriving
 * while Human is busy are not grabbed at all (dropped, never queued).
 */
export class FrameLoop {
  private readonly cfg: LoopConfig;
  private readonly guidance: Guidance;
  private phase: Phase = 'idle';
  private handle: unknown;
  /** The frame being analysed, and Human's scrub: Human is not re-entrant, so neither overlaps the other. */
  private inflight: Promise<void> | undefined;
  private scrubbing: Promise<void> | undefined;
  private lastKey: FaceMessageKey | undefined;
  private attempts = 0;
  private firstFaceAt: number | undefined;
  /** The best gate-passing frame so far and its score: the only frame kept between ticks. */
  private held: { frame: FramePixels; score: number } | undefined;
  private passes = 0;
  private pending: { capture: Capture; challenge: Challenge; startedAt: number; samples: LivenessSample[] } | undefined;
  private offered = false;
  /** The patient chose the knowledge check: the next capture goes without a challenge. */
  private motionWaived = false;
  private shownProgress = 0;

  constructor(private readonly deps: LoopDeps) {
    this.cfg = { ...DEFAULT_LOOP, ...deps.config };
    this.guidance = new Guidance(deps.clock, this.cfg.guidance);
  }

  async start(): Promise<void> {
    if (this.phase === 'gating' || this.phase === 'challenge') return;
    await this.deps.camera.start(this.cfg.frame);
    this.beginAttempt();
  }

  /** The face service could not use the capture (no face, not found): counts as a failed attempt. */
  async retry(reason: string): Promise<void> {
    if (this.phase === 'stopped') return;
    if (this.failAttempt(reason)) await this.start();
  }

  /**
   * The patient chose the last four ID digits instead of a gesture: the capture already decided
   * goes now, without a challenge (so as `liveness: 'none'`); if none is decided yet, the next
   * one goes as soon as it is. The face service then asks for the digits.
   */
  waiveMotion(): void {
    if (this.phase === 'done' || this.phase === 'stopped') return;
    this.motionWaived = true;
    const pending = this.pending;
    if (this.phase === 'challenge' && pending) this.deliver(pending.capture);
  }

  /** The screen leaves: camera off, nothing scheduled, nothing held. */
  stop(): void {
    this.phase = 'stopped';
    if (this.handle !== undefined) this.deps.scheduler.cancel(this.handle);
    this.handle = undefined;
    this.deps.camera.stop();
    this.dropBuffers();
    this.scrubHuman();
  }

  dispose(): void {
    this.stop();
    this.guidance.reset();
  }

  /** For tests and the privacy check: how many pixel buffers or captures the loop still references. */
  retained(): number {
    return (this.held ? 1 : 0) + (this.pending ? 1 : 0);
  }

  get attemptsUsed(): number {
    return this.attempts;
  }

  private beginAttempt(): void {
    this.phase = 'gating';
    this.firstFaceAt = undefined;
    this.lastKey = undefined;
    this.guidance.reset();
    this.schedule();
  }

  private schedule(): void {
    if (this.phase !== 'gating' && this.phase !== 'challenge') return;
    if (this.handle === undefined) this.handle = this.deps.scheduler.next(this.tick);
  }

  private readonly tick = (): void => {
    this.handle = undefined;
    if (this.inflight || this.scrubbing) return; // whichever is running reschedules when it ends
    const frame = this.deps.camera.grab();
    if (!frame) return this.schedule();
    this.inflight = this.process(frame)
      .catch((error: unknown) => this.deps.onEvent({ type: 'error', message: (error as Error).message }))
      .finally(() => {
        // Wipe unless the frame became the held candidate.
        if (this.held?.frame !== frame) frame.data.fill(0);
        this.inflight = undefined;
        this.schedule();
      });
  };

  private scrubHuman(): void {
    const scrub = () => this.deps.detector.scrub().catch(() => undefined);
    this.scrubbing = (this.inflight ?? Promise.resolve()).then(scrub).finally(() => {
      this.scrubbing = undefined;
      this.schedule();
    });
  }

  private async process(frame: FramePixels): Promise<void> {
    if (this.phase === 'challenge') return this.challengeFrame(await this.deps.detector.detect(frame, 'challenge'));
    const faces = await this.deps.detector.detect(frame, 'gate');
    if (this.phase !== 'gating') return;
    const now = this.deps.clock();
    const gate = evaluateGate(faces, frame, (f) => imageStats(frame, f.box), this.cfg.gate);
    const shown = this.guidance.update(gate.pass ? null : gate.reason);
    // Only changes (and due repeats) go out: the screen re-renders and speaks on each event.
    if (shown.key && (shown.speak || shown.key !== this.lastKey)) {
      this.lastKey = shown.key;
      this.deps.onEvent({ type: 'guidance', key: shown.key, reason: gate.pass ? null : gate.reason, speak: shown.speak });
    }

    if (faces.length > 0 && this.firstFaceAt === undefined) this.firstFaceAt = now;
    if (this.firstFaceAt !== undefined && now - this.firstFaceAt > this.cfg.attemptTimeoutMs) {
      this.failAttempt('gate-timeout');
      return this.restartAfterFailure();
    }
    if (!gate.pass) {
      this.dropHeld();
      this.passes = 0;
      return;
    }
    this.passes++;
    const score = frameScore(gate.metrics, this.cfg.gate);
    if (!this.held || score > this.held.score) {
      this.dropHeld();
      this.held = { frame, score };
    }
    if (this.passes >= this.cfg.candidateFrames) await this.decide();
  }

  /** Re-runs the best candidate with caching off and the passive models, and re-gates it. */
  private async decide(): Promise<void> {
    const held = this.held;
    this.passes = 0;
    if (!held) return;
    const faces = await this.deps.detector.detect(held.frame, 'decision');
    if (this.phase !== 'gating') return this.dropHeld();
    const gate = evaluateGate(faces, held.frame, (f) => imageStats(held.frame, f.box), this.cfg.gate);
    if (!gate.pass) return this.dropHeld(); // the cached gate pass did not hold up: keep gating
    const passive = { real: gate.face.real ?? 0, live: gate.face.live ?? 0 };
    const crop = await encodeFaceCrop(held.frame, gate.face.box, this.deps.encode, this.cfg.crop);
    this.dropHeld();
    if (this.phase !== 'gating') return; // stopped while encoding: the crop is dropped here
    const capture: Capture = { ...crop, passive };
    if (this.motionWaived || !needsChallenge(this.cfg.policy, passive, this.cfg.passiveDoubtBelow)) return this.deliver(capture);

    const challenge = chooseChallenge(this.deps.rng, this.cfg.challenges);
    const startedAt = this.deps.clock();
    // The decided face is the challenge's first sample: the continuity check ties the capture to the gesture.
    this.pending = { capture, challenge, startedAt, samples: [sampleOf(gate.face, startedAt)] };
    this.phase = 'challenge';
    this.shownProgress = 0;
    this.deps.onEvent({ type: 'challenge', challenge, key: CHALLENGE_KEYS[challenge] });
    this.deps.onEvent({ type: 'progress', progress: 0 });
  }

  private challengeFrame(faces: FaceLike[]): void {
    const pending = this.pending;
    if (!pending) return;
    const now = this.deps.clock();
    const { face, crowded } = pickSubject(faces, this.cfg.gate);
    // A second person in the frame during the gesture: their movement must not count.
    if (face && !crowded) pending.samples.push(sampleOf(face, now));
    pending.samples = trimSeries(pending.samples, now, this.cfg.active);
    const verdict = verifyChallenge(pending.challenge, pending.samples, pending.startedAt, now, this.cfg.active);
    this.showProgress(verdict.status === 'passed' ? 1 : verdict.measured.progress);
    if (verdict.status === 'pending') {
      if (now - pending.startedAt >= this.cfg.offerAfterMs) this.offer();
      return;
    }
    if (verdict.status === 'failed') {
      this.failAttempt(`challenge-${verdict.reason}`);
      return this.restartAfterFailure();
    }
    this.deliver({ ...pending.capture, challenge: { kind: pending.challenge, measured: verdict.measured } });
  }

  /** Only visible steps go out: the screen re-renders on each. */
  private showProgress(progress: number): void {
    if (Math.abs(progress - this.shownProgress) < 0.05 && !(progress === 1 && this.shownProgress !== 1)) return;
    this.shownProgress = progress;
    this.deps.onEvent({ type: 'progress', progress });
  }

  private offer(): void {
    if (this.offered) return;
    this.offered = true;
    this.deps.onEvent({ type: 'offer', key: 'face.offer.text' });
  }

  private deliver(capture: Capture): void {
    this.phase = 'done';
    this.pending = undefined;
    this.deps.camera.stop();
    this.deps.onEvent({ type: 'captured', capture });
    this.scrubHuman();
  }

  /** Counts the attempt; returns true when another one is allowed, else offers the other ways in. */
  private failAttempt(reason: string): boolean {
    this.attempts++;
    this.dropBuffers();
    this.deps.onEvent({ type: 'attempt-failed', attempt: this.attempts, reason, key: 'face.attempt.retry' });
    if (this.attempts < this.cfg.maxAttempts) {
      this.offer();
      return true;
    }
    this.phase = 'done';
    this.deps.camera.stop();
    this.deps.onEvent({ type: 'alternatives', key: 'face.attempt.alternatives' });
    this.scrubHuman();
    return false;
  }

  private restartAfterFailure(): void {
    if (this.phase === 'done' || this.phase === 'stopped') return;
    this.beginAttempt();
  }

  private dropHeld(): void {
    this.held?.frame.data.fill(0);
    this.held = undefined;
  }

  private dropBuffers(): void {
    this.dropHeld();
    this.pending = undefined;
    this.passes = 0;
  }
}
