import { useMemo } from 'react';
import type { CounterMode } from '../../shared/config/terminalConfig';
import type { KioskApi } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import { useApi } from '../app/apiContext';
import type { CounterError, FaceIdentification, Person, QrIdentification, QuoteView } from '../api/counter';
import { translate, type MessageKey } from '../i18n';
import { useVoice } from '../speech/voiceContext';
import { useKioskStore } from '../store';
import type { Screen } from '../store/slices/sessionSlice';
import { askCapFactorAfterRefusal, takeRelative } from '../family/relative';

export const useCounterApi = (): KioskApi => useApi();

/** Every way in answers one of these; card and ID number answer the person directly. */
export type IdentifyAnswer = FaceIdentification | QrIdentification | { status: 'identified'; person: Person };

const store = () => useKioskStore.getState();

/** An answer the patient can act on, for identification answers that are not errors to the engine. */
function notIdentified(answer: IdentifyAnswer): CounterError {
  const key: MessageKey =
    answer.status === 'qr-invalid' || answer.status === 'qr-expired'
      ? 'qr.invalid'
      : answer.status === 'retry'
        ? answer.reason === 'several-faces'
          ? 'face.severalFaces'
          : 'face.attempt.retry'
        : 'identify.notFound';
  const next = answer.status === 'not-found' ? 'other-id' : 'retry';
  return { code: answer.status === 'not-found' ? 'PERSON_NOT_FOUND' : 'INVALID_INPUT', message: translate(store().locale, key), next };
}

/**
 * The steps every mode shares, as actions the screens call: run a call and show its failure,
 * take an identification answer, move on after "yes, this is me" in the way of this terminal's
 * mode, settle a confirmed quote, and end the session so nothing of the patient stays.
 */
export function useCounter() {
  const api = useCounterApi();
  const { speech } = useVoice();
  return useMemo(() => {
    /** The value, or null after the problem screen was shown (retry goes back to `retryScreen`). */
    async function run<T>(call: Promise<Result<T>>, retryScreen: Screen | null): Promise<T | null> {
      const generation = store().generation;
      const result = await call;
      if (store().generation !== generation) return null; // that patient has gone
      if (result.ok) return result.value;
      store().showProblem({ error: result.error, retryScreen });
      return null;
    }

    function takeIdentity(answer: IdentifyAnswer, retryScreen: Screen): void {
      const s = store();
      if (answer.status === 'identified') {
        // Issue 15: while a patient waits for a relative's face or QR, this is the relative (family/relative.ts).
        if (takeRelative(api, answer.person, retryScreen)) return;
        s.setPerson(answer.person);
        s.goTo('is-this-you');
      } else if (answer.status === 'second-factor') {
        s.askSecondFactor(answer.authNo);
      } else if (answer.status === 'wrong-digits') {
        s.askSecondFactor(answer.authNo);
        s.setWrongDigitsLeft(answer.attemptsLeft);
      } else {
        s.showProblem({ error: notIdentified(answer), retryScreen });
      }
    }

    async function toQuote(call: Promise<Result<QuoteView>>, retryScreen: Screen | null): Promise<void> {
      const quote = await run(call, retryScreen);
      if (!quote) return;
      store().setQuote(quote);
      store().goTo('quote');
    }

    /** After "yes, this is me": what this counter does for an identified patient. */
    async function afterIdentity(mode: CounterMode): Promise<void> {
      const person = store().person;
      if (!person) return;
      const { personRef } = person;
      if (mode === 'registration') {
        const slots = await run(api.listRegistrationSlots({}), 'is-this-you');
        if (slots) store().setSlots(slots);
        if (slots) store().goTo('departments');
      } else if (mode === 'cashier') {
        const bills = await run(api.listPendingBills({ personRef }), 'is-this-you');
        if (bills) store().setBills(bills);
        if (bills) store().goTo('bills');
      } else if (mode === 'pharmacy') {
        const items = store().cart.map((line) => ({ medinsListCodg: line.product.medinsListCodg, cnt: line.cnt }));
        const rxno = store().rxno.trim();
        await toQuote(api.preparePharmacySettlement({ personRef, items, ...(rxno ? { rxno } : {}) }), 'is-this-you');
      } else {
        store().goTo('stays');
      }
    }

    /** The patient confirmed: settle. Cash due at a cashier counter waits for the cashier's word. */
    async function confirm(): Promise<void> {
      const s = store();
      const quote = s.quote;
      if (!quote) return;
      s.goTo('settling');
      const generation = s.generation;
      const result = await api.confirmSettlement({ quoteId: quote.quoteId });
      // Above the password-free cap though the quote said within it (issue 15): the keypad, not a problem.
      if (store().generation === generation && !result.ok && result.error.code === 'SECOND_FACTOR_REQUIRED') return askCapFactorAfterRefusal(quote);
      // 'settling' as the retry screen marks a failed payment: the problem screen offers 重新支付
      // (a new attempt from a new quote) only where the engine knows nothing was settled.
      const answer = await run(Promise.resolve(result), 'settling');
      if (!answer) return;
      const cashDue = answer.status === 'settled' && answer.receipt.cashFen > 0 && s.appInfo?.mode === 'cashier';
      s.setReceipt(answer.receipt);
      if (cashDue) s.goTo('cash-taken');
    }

    /**
     * The patient chose whether the personal account pays: the platform quotes again and the new
     * quote replaces the one shown. A failure leaves the shown quote standing (the engine keeps it).
     */
    async function chooseAccount(useAccount: boolean): Promise<boolean> {
      const quote = store().quote;
      if (!quote || quote.useAccount === useAccount) return true;
      const generation = store().generation;
      const answer = await api.requoteSettlement({ quoteId: quote.quoteId, useAccount });
      if (store().generation !== generation) return false;
      if (answer.ok) store().setQuote(answer.value);
      return answer.ok;
    }

    /**
     * Done, cancel, walked away: the engine forgets the person (endSession), an open quote is
     * declined (a booked registration place is given back), and the store forgets everything.
     */
    async function finish(): Promise<void> {
      const { person, quote, screen, familyPayer } = store();
      speech.cancel();
      store().resetSession();
      if (quote && screen !== 'settling') await api.declineQuote({ quoteId: quote.quoteId });
      if (person) await api.endSession({ personRef: person.personRef });
      // A relative who acted for the patient (issue 15) is forgotten too.
      if (familyPayer && familyPayer.personRef !== person?.personRef) await api.endSession({ personRef: familyPayer.personRef });
    }

    return { api, run, takeIdentity, toQuote, afterIdentity, confirm, chooseAccount, finish };
  }, [api, speech]);
}
