import { z } from 'zod';

/**
 * Inclusion metrics: what happened at the counter, never to whom. Every field is an enum or a
 * duration, so an event cannot carry a name, an ID number, a token or an image, and the store
 * keeps only per-day counts. The renderer sends these through IPC; main validates them here.
 */

/** The face gate's reasons, in step with renderer/face/qualityGate.ts GATE_REASONS (a test checks). */
export const GATE_FAILURE_REASONS = [
  'no-face', 'several-faces', 'too-far', 'too-close', 'off-centre', 'not-frontal', 'too-dark', 'backlit', 'eyes-closed', 'blurry',
] as const;
/** Active challenge failures (renderer/face/activeLiveness.ts) and a passive spoof verdict. */
export const LIVENESS_FAILURE_REASONS = ['timeout', 'face-jump', 'face-lost', 'spoof-suspected'] as const;
/** The face service's answers (shared/ipc FaceIdentification statuses) and a failed call. */
export const IDENTIFICATION_OUTCOMES = ['identified', 'second-factor', 'wrong-digits', 'retry', 'not-found', 'error'] as const;
export const SECOND_FACTOR_OUTCOMES = ['passed', 'failed', 'abandoned'] as const;
/**
 * The ways in other than the face: e-voucher QR, social-security card, the ID number staff type,
 * and a staff call while the patient is being identified (main counts that from callStaff).
 */
export const FALLBACKS = ['qr', 'card', 'id-number', 'staff'] as const;
/** The screens on which a staff call means the patient could not get identified alone. */
export const IDENTIFYING_SCREENS = ['consent', 'face', 'other-ways', 'qr', 'card', 'id-number', 'second-factor', 'is-this-you'] as const;
export const SETTLEMENT_OUTCOMES = ['settled', 'failed', 'unknown', 'cancelled'] as const;
/** A patient's cancellation (2103, 2208, 2305) or the undoing of an unknown outcome (2601). */
export const REVERSAL_KINDS = ['cancellation', 'unknown-outcome'] as const;
/**
 * The password-free cap (issue 15): settled by face alone within it, a second factor asked above
 * it, given as the last four ID digits or a staff PIN, or digits given wrong.
 */
export const PASSWORD_FREE_OUTCOMES = ['within-cap', 'asked', 'id-digits', 'staff-pin', 'digits-wrong'] as const;
export const STEPS = ['consent', 'face-capture', 'liveness', 'identify', 'second-factor', 'confirm', 'settle', 'receipt', 'visit'] as const;

export const metricEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('face-attempt') }).strict(),
  z.object({ type: z.literal('quality-gate-failed'), reason: z.enum(GATE_FAILURE_REASONS) }).strict(),
  z.object({ type: z.literal('liveness-failed'), reason: z.enum(LIVENESS_FAILURE_REASONS) }).strict(),
  z.object({ type: z.literal('identification'), outcome: z.enum(IDENTIFICATION_OUTCOMES) }).strict(),
  z.object({ type: z.literal('second-factor'), outcome: z.enum(SECOND_FACTOR_OUTCOMES) }).strict(),
  z.object({ type: z.literal('fallback'), via: z.enum(FALLBACKS) }).strict(),
  z.object({ type: z.literal('consent-declined') }).strict(),
  z.object({ type: z.literal('settlement'), outcome: z.enum(SETTLEMENT_OUTCOMES) }).strict(),
  z.object({ type: z.literal('reversal'), kind: z.enum(REVERSAL_KINDS) }).strict(),
  z.object({ type: z.literal('password-free'), outcome: z.enum(PASSWORD_FREE_OUTCOMES) }).strict(),
  // Up to an hour: a longer "step" is a kiosk left open, not a patient's time.
  z.object({ type: z.literal('step-time'), step: z.enum(STEPS), ms: z.number().int().min(0).max(3_600_000) }).strict(),
]);
export type MetricEvent = z.infer<typeof metricEventSchema>;
export type Step = (typeof STEPS)[number];

/** One terminal's day, as the admin page shows it and the README summarises it. */
export interface MetricsSummary {
  day: string;
  terminalId: string;
  faceAttempts: number;
  qualityGateFailures: Record<(typeof GATE_FAILURE_REASONS)[number], number>;
  livenessFailures: Record<(typeof LIVENESS_FAILURE_REASONS)[number], number>;
  identifications: Record<(typeof IDENTIFICATION_OUTCOMES)[number], number>;
  secondFactor: Record<(typeof SECOND_FACTOR_OUTCOMES)[number], number>;
  fallbacks: Record<(typeof FALLBACKS)[number], number>;
  consentDeclined: number;
  settlements: Record<(typeof SETTLEMENT_OUTCOMES)[number], number>;
  reversals: Record<(typeof REVERSAL_KINDS)[number], number>;
  /** The password-free cap's use (issue 15). */
  passwordFree?: Record<(typeof PASSWORD_FREE_OUTCOMES)[number], number>;
  /** Median milliseconds per step, null where the step was not timed that day. */
  medianMs: Record<Step, number | null>;
  /** How many timings each median is of. */
  timedSteps: Record<Step, number>;
}
