import { useState, type FormEvent } from 'react';
import { FormAlert } from '../components/FormAlert';
import { PIN } from '../components/keypadSpec';
import { NumberField } from '../components/NumberField';
import { useCounterApi } from '../flows/useCounter';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectOperator } from '../store/selectors';

/**
 * 交班签退 on the staff side: the signed-in operator ends their shift with their own PIN (main
 * names whose PIN it is and signs them out of the platform too). A wrong PIN keeps the shift;
 * a locked operator reads main's sentence with the time the lock ends. Signed out, the counter
 * goes back to its home screen, closed until the next sign-in.
 */
export function ShiftEnd({ onKeep }: { onKeep(): void }) {
  const t = useT();
  const api = useCounterApi();
  const operator = useKioskStore(selectOperator);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  if (!operator) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pin || busy) return;
    setBusy(true);
    setMessage('');
    const result = await api.endShift({ pin });
    setBusy(false);
    setPin('');
    if (result.ok) {
      const s = useKioskStore.getState();
      s.setOperatorFromMain(null);
      return s.goTo('home');
    }
    const { code, message: said } = result.error;
    setMessage(code === 'NOT_AUTHORISED' ? t('shift.wrongPin') : code === 'LOCKED_OUT' ? said : t('shift.failed', { why: said }));
  };
  return (
    <section className="staff-desk shift-end" aria-label={t('shift.end')} data-testid="shift-end">
      <p className="screen__text">{t('shift.hint', { name: operator.name })}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <NumberField name="shift-pin" label={t('shift.pin')} spec={PIN} value={pin} onValueChange={setPin} autoFocus />
        <FormAlert message={message} />
        <div className="screen__actions">
          <button type="button" className="button button--secondary" onClick={onKeep}>
            {t('shift.keep')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !pin}>
            {busy ? t('common.working') : t('shift.confirm')}
          </button>
        </div>
      </form>
    </section>
  );
}
