import { create } from 'zustand';
import type { KioskApi } from '../../shared/ipc/contract';
import type { Person, QuoteView } from '../api/counter';
import { useKioskStore } from '../store';
import type { Screen } from '../store/slices/sessionSlice';

/**
 * 由家人刷脸付款 (issue 15), the other direction of family payment: the patient was identified by
 * card or a staff-typed ID number (a child with no face template, an elderly person with no usable
 * photo), and a relative then identifies with their OWN face or e-voucher QR code to pay. The
 * relative's identification comes back through useCounter's takeIdentity like any other; while a
 * patient waits for a relative it is handed to main (attachPayer), which checks the relative's
 * bound family holds this patient. Bound, the relative becomes the patient's payer exactly as if
 * they had chosen the patient from 为家人办理; refused, the patient is back on "is this you?"
 * with the reason and what to do instead.
 *
 * Kept apart from the kiosk store, tagged with the visit's generation: a reset (done, cancel,
 * idle) makes all of it stale at once, with nothing to clear.
 */
interface RelativeState {
  generation: number;
  /** How the current person was identified: the screen their identification came from. */
  identifiedVia: Screen | null;
  /** The patient waiting for a relative's face or QR. */
  waiting: Person | null;
  /** Main's refusal of the last relative, in its words. */
  refusal: string | null;
  /** The quote main asked a second factor for although it said it was within the cap. */
  strayCapQuoteId: string | null;
}

const EMPTY = { identifiedVia: null, waiting: null, refusal: null, strayCapQuoteId: null };
export const useRelativeStore = create<RelativeState>(() => ({ generation: -1, ...EMPTY }));

const kiosk = () => useKioskStore.getState();

// Home is a new start (上一步 from the consent leads there): nobody waits for a relative any more,
// or the next patient's own face would be taken for one.
useKioskStore.subscribe((state) => {
  if (state.screen === 'home' && relativeState().waiting) update({ waiting: null });
});

/** This visit's part of the state; a stale visit's reads as empty. */
export function relativeState(state: RelativeState = useRelativeStore.getState()): Omit<RelativeState, 'generation'> {
  return state.generation === kiosk().generation ? state : EMPTY;
}

const update = (part: Partial<Omit<RelativeState, 'generation'>>) =>
  useRelativeStore.setState((s) => ({ ...(s.generation === kiosk().generation ? s : EMPTY), ...part, generation: kiosk().generation }));

/** Identified by card or a typed number: who may ask a relative to pay (a face or QR patient has 为家人办理). */
export const identifiedByStaffWay = (via: Screen | null): boolean => via === 'card' || via === 'id-number';

/** 由家人刷脸付款: the patient waits; the relative consents and looks at the camera (or shows their code). */
export function askRelative(): void {
  const person = kiosk().person;
  if (!person || person.payer) return;
  update({ waiting: person, refusal: null });
  kiosk().goTo('consent');
}

/** The relative gave up: the patient is back on "is this you?", to pay themselves. */
export function stopAskingRelative(): void {
  update({ waiting: null });
  kiosk().goTo('is-this-you');
}

/**
 * Every identification passes here first (useCounter.takeIdentity). Without a patient waiting it
 * only notes how the person was identified and answers false: the usual "is this you?" follows.
 * With one, the identified person is the relative: main attaches them, or says why not.
 */
export function takeRelative(api: Pick<KioskApi, 'attachPayer' | 'endSession'>, identified: Person, via: Screen): boolean {
  const { waiting } = relativeState();
  if (!waiting) {
    update({ identifiedVia: via, refusal: null });
    return false;
  }
  update({ waiting: null });
  void attach(api, waiting, identified);
  return true;
}

async function attach(api: Pick<KioskApi, 'attachPayer' | 'endSession'>, patient: Person, relative: Person): Promise<void> {
  // The face or QR screen stays while main checks (one or two platform calls).
  const { generation } = kiosk();
  const result = await api.attachPayer({ personRef: patient.personRef, payerRef: relative.personRef });
  if (kiosk().generation !== generation) return; // the visit ended meanwhile
  if (result.ok) {
    // The relative's session stays open (they may choose another member), ended with the visit.
    kiosk().setFamily({ familyPayer: relative, family: null });
    kiosk().setPerson(result.value);
  } else {
    update({ refusal: result.error.message });
    kiosk().setPerson(patient);
    await api.endSession({ personRef: relative.personRef });
    if (kiosk().generation !== generation) return;
  }
  kiosk().goTo('is-this-you');
}

/**
 * confirmSettlement answered SECOND_FACTOR_REQUIRED for a quote that said it was within the cap
 * (the day's password-free use grew meanwhile, e.g. at another flow of the same payer): not a
 * problem, the second factor. The quote is marked above the cap so the keypad screen asks for it.
 */
export function askCapFactorAfterRefusal(quote: QuoteView): void {
  const cap = quote.passwordFree;
  const marked: QuoteView = cap ? { ...quote, passwordFree: { ...cap, secondFactorRequired: true, secondFactor: null } } : quote;
  update({ strayCapQuoteId: quote.quoteId });
  kiosk().setQuote(marked);
  kiosk().goTo('cap-factor');
}
