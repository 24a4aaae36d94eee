import type { CounterMode } from './config/terminalConfig';

/** Why the patient called; the only words of theirs that leave the kiosk. */
export const STAFF_CALL_REASONS = ['help', 'face-failed', 'payment-problem', 'other'] as const;
export type StaffCallReason = (typeof STAFF_CALL_REASONS)[number];

/**
 * The renderer's screen names (renderer/store/slices/sessionSlice.ts). `screen` arrives as free
 * text from the page, so anything not on this list is sent and logged as `null`, never as given.
 */
export const STAFF_CALL_SCREENS = [
  'home', 'consent', 'face', 'other-ways', 'qr', 'card', 'id-number', 'second-factor', 'is-this-you', 'departments',
  'slots', 'bills', 'stays', 'admit', 'admitted', 'quote', 'settling', 'cash-taken', 'receipt', 'cancel', 'problem',
] as const;

export function knownScreen(screen: string): string | null {
  return (STAFF_CALL_SCREENS as readonly string[]).includes(screen) ? screen : null;
}

/** What a staff call's webhook receives: the counter and the reason, never who is at it. */
export interface StaffCallPayload {
  ticket: string;
  terminalId: string;
  terminalName: string;
  mode: CounterMode;
  reason: StaffCallReason;
  screen: string | null;
  raisedAt: string;
}

export const STAFF_CALL_SIGNATURE_HEADER = 'x-facesettle-signature';

/** The embedded sandbox's receiver secret: public, demo only (README "Staff calls"). */
export const DEMO_STAFF_CALL_SECRET = 'facesettle-demo-staff-call-secret';
