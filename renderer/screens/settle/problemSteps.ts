import type { CounterMode } from '../../../shared/config/terminalConfig';
import type { MessageKey } from '../../i18n';
import type { Problem } from '../../store/slices/settlementSlice';
import type { Screen } from '../../store/slices/sessionSlice';

/**
 * A payment that failed with one of these is known not to have happened (the platform refused
 * it, it was never sent, or the quote lapsed before it was): the journal holds it as failed and
 * what the quote opened is released, so 重新支付 is a new attempt from a new quote, which the
 * patient confirms again. Anything else (another attempt still open, an answer that did not add
 * up, an internal error) may have moved money or may yet: no retry, staff or another way.
 * An unknown outcome never reaches this screen: it is the "result pending" receipt.
 */
const KNOWN_NOT_PAID: ReadonlySet<string> = new Set([
  'PLATFORM_UNREACHABLE',
  'PLATFORM_REJECTED',
  'SIGN_IN_FAILED',
  'SESSION_EXPIRED',
  'VOUCHER_EXPIRED',
  'INSUFFICIENT_BALANCE',
]);

/** Where the patient chose what to pay, per mode: 上一步 after a failed payment goes there. */
export const CHOICE_SCREEN: Record<CounterMode, Screen> = {
  registration: 'slots',
  cashier: 'bills',
  pharmacy: 'is-this-you',
  inpatient: 'stays',
};

export type ProblemAction = 'pay-again' | 'choose-again' | 'retype-stay' | 'retry' | 'other-ways';

/** The hospital system's reasons for refusing a booking: the patient picks another doctor or session. */
const SLOT_REFUSALS: ReadonlySet<string> = new Set(['SLOT_FULL', 'ALREADY_BOOKED', 'SLOT_CLOSED']);

export interface ProblemSteps {
  /** What happened, then what to do next: the engine's words, with what the screen knows added. */
  lines: { text: string } | { key: MessageKey };
  extra: MessageKey[];
  actions: ProblemAction[];
  /** Where 上一步 goes. */
  back: Screen;
}

/** The failure as the patient is told it, and the buttons that offer the next step. */
export function problemSteps(problem: Problem, mode: CounterMode | null, identified: boolean): ProblemSteps {
  const { error, retryScreen } = problem;
  const said = error.message ? { text: error.message } : { key: 'problem.unavailable' as const };
  const before: Screen = identified ? 'is-this-you' : 'other-ways';
  if (retryScreen === 'settling') {
    const back = mode ? CHOICE_SCREEN[mode] : before;
    return KNOWN_NOT_PAID.has(error.code)
      ? { lines: said, extra: ['problem.notCharged', 'problem.payAgainHint'], actions: ['pay-again'], back }
      : { lines: said, extra: ['problem.staffHint'], actions: [], back };
  }
  // The hospital system said why (full, booked already, closed): its words, then another choice.
  if (SLOT_REFUSALS.has(error.code)) {
    return { lines: said, extra: ['problem.bookingRefusedHint'], actions: ['choose-again'], back: 'slots' };
  }
  // A stay number the hospital system does not know (for this patient): typed again, what was typed kept.
  if (error.code === 'STAY_NOT_FOUND') {
    return { lines: said, extra: [], actions: ['retype-stay'], back: 'stays' };
  }
  // A booking refused without a reason: that much is known, not why, so no guess; another choice or staff.
  if (error.code === 'HIS_REFUSED' && retryScreen === 'slots') {
    return { lines: { key: 'problem.bookingRefused' }, extra: ['problem.bookingRefusedHint'], actions: ['choose-again'], back: 'slots' };
  }
  const actions: ProblemAction[] = [];
  if (retryScreen && error.next !== 'other-id') actions.push('retry');
  if (!identified) actions.push('other-ways');
  const extra: MessageKey[] = actions.length === 0 || error.next === 'call-staff' ? ['problem.staffHint'] : [];
  return { lines: said, extra, actions, back: retryScreen ?? before };
}
