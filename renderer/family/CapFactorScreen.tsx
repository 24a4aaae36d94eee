import { useState, type FormEvent } from 'react';
import { FormAlert } from '../components/FormAlert';
import { ID_LAST4 } from '../components/keypadSpec';
import { yuan } from '../components/money';
import { NumberField } from '../components/NumberField';
import { ScreenFrame } from '../components/ScreenFrame';
import { StaffPinFields } from '../components/StaffPinFields';
import { useCounter } from '../flows/useCounter';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectOperator, selectPerson, selectQuote } from '../store/selectors';
import { payerOf } from './QuoteFamily';
import { relativeState } from './relative';

type Way = 'digits' | 'staff';

/**
 * Above the password-free cap (issue 15): the patient has confirmed the amounts; before paying,
 * whoever authorises (the relative acting, else the patient) types the last four ID digits on the
 * keypad, or a staff member confirms with their number and PIN. Main checks either against the
 * quote (passSecondFactor); this page never knows the ID number. A miss says how many tries are
 * left and offers the other way; three misses leave only the staff PIN (or not paying).
 * Passed, the payment goes on at once: the confirmation was already given.
 */
export function CapFactorScreen() {
  const t = useT();
  const { api, confirm } = useCounter();
  const quote = useKioskStore(selectQuote);
  const person = useKioskStore(selectPerson);
  const operator = useKioskStore(selectOperator);
  const goTo = useKioskStore((s) => s.goTo);
  const [way, setWay] = useState<Way>('digits');
  const [digits, setDigits] = useState('');
  const [operatorId, setOperatorId] = useState(operator?.id ?? '');
  const [pin, setPin] = useState('');
  const [left, setLeft] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  if (!quote || !person) return null;
  const locked = left === 0;
  const stray = relativeState().strayCapQuoteId === quote.quoteId;
  const payer = payerOf(quote, person);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const request =
      way === 'digits' && !locked
        ? /^\d{3}[\dXx]$/.test(digits)
          ? { quoteId: quote.quoteId, last4: digits.toUpperCase() }
          : null
        : operatorId && pin
          ? { quoteId: quote.quoteId, operatorId, pin }
          : null;
    if (!request) return;
    setBusy(true);
    setMessage('');
    const { generation } = useKioskStore.getState();
    const answer = await api.passSecondFactor(request);
    if (useKioskStore.getState().generation !== generation) return; // the visit ended meanwhile
    setBusy(false);
    setDigits('');
    setPin('');
    if (answer.ok && answer.value.passed) {
      const cap = quote.passwordFree;
      useKioskStore.getState().setQuote(cap ? { ...quote, passwordFree: { ...cap, secondFactor: answer.value.via } } : quote);
      await confirm();
      return;
    }
    if (answer.ok && !answer.value.passed) {
      setLeft(answer.value.attemptsLeft);
      if (answer.value.attemptsLeft === 0) setWay('staff');
      return;
    }
    if (!answer.ok && answer.error.code === 'NOT_AUTHORISED') return setMessage(t('cap.wrongPin'));
    if (!answer.ok && answer.error.code === 'LOCKED_OUT') return setMessage(answer.error.message);
    if (!answer.ok) useKioskStore.getState().showProblem({ error: answer.error, retryScreen: 'quote' });
  };

  const text = payer ? t('cap.text.payer', { payer: payer.maskedName }) : t('cap.text.self');
  const other: Way = way === 'digits' ? 'staff' : 'digits';
  return (
    <ScreenFrame name="cap-factor" title={t('cap.title')} spoken={`${t('cap.title')}。${text}`} back={() => goTo('quote')}>
      <p className="screen__text" data-testid="cap-text">
        {text}
      </p>
      {stray ? <p className="screen__text" data-testid="cap-stray">{t('cap.stray')}</p> : null}
      <p className="screen__text">{t('cap.amount', { total: yuan(quote.totalFen) })}</p>
      {locked ? (
        <p className="screen__lead screen__lead--warn" role="alert">
          {t('cap.digitsLocked')}
        </p>
      ) : left !== null ? (
        <p className="screen__lead screen__lead--warn" role="alert">
          {t('second.wrong', { n: left })}
        </p>
      ) : null}
      <form className="form" onSubmit={(e) => void submit(e)} data-cap-way={way}>
        {way === 'digits' && !locked ? (
          <NumberField label={t('second.digits')} className="field__input field__input--digits" spec={ID_LAST4} value={digits} onValueChange={setDigits} autoFocus />
        ) : (
          <StaffPinFields operatorId={operatorId} onOperatorIdChange={setOperatorId} pin={pin} onPinChange={setPin} initial={operatorId ? 'pin' : 'operator'} />
        )}
        <FormAlert message={message} />
        <div className="screen__actions">
          <button type="submit" className="button button--primary" disabled={busy || (way === 'digits' && !locked ? digits.length !== 4 : !operatorId || !pin)}>
            {busy ? t('common.working') : t('common.submit')}
          </button>
          {!locked ? (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setWay(other)}>
              {t(other === 'staff' ? 'cap.useStaff' : 'cap.useDigits')}
            </button>
          ) : null}
        </div>
      </form>
    </ScreenFrame>
  );
}
