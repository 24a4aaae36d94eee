import { useState, type FormEvent } from 'react';
import { yuan } from '../../components/money';
import { PIN } from '../../components/keypadSpec';
import { NumberField } from '../../components/NumberField';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounterApi } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectOperator, selectReceipt } from '../../store/selectors';
import '../../staff/staff.css';

/**
 * At the cashier the settlement is done but the cash part is not. The patient is told what to
 * hand over; the cashier says it was taken on the staff side of the screen, with their own PIN,
 * checked in main against the signed-in operator. So a patient's tap cannot say the cash was
 * paid, and a wrong PIN loses nothing: the settlement stands and the cashier types it again.
 */
export function CashTakenScreen() {
  const t = useT();
  const api = useCounterApi();
  const receipt = useKioskStore(selectReceipt);
  const operator = useKioskStore(selectOperator);
  const goTo = useKioskStore((s) => s.goTo);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  if (!receipt || receipt.kind === 'pending') return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pin || busy) return;
    setBusy(true);
    const { generation } = useKioskStore.getState();
    const result = await api.confirmCashTaken({ setlId: receipt.setlId, pin });
    setBusy(false);
    setPin('');
    if (useKioskStore.getState().generation !== generation) return; // the session ended meanwhile
    if (result.ok) return goTo('receipt');
    // A locked operator reads main's own sentence: whose PIN is locked and until when.
    const { code, message: said } = result.error;
    setMessage(code === 'NOT_AUTHORISED' ? t(operator ? 'cashDesk.wrongPin' : 'cashDesk.noOperator') : code === 'LOCKED_OUT' ? said : t('cashDesk.failed', { why: said }));
  };
  const amount = yuan(receipt.cashFen);
  return (
    <ScreenFrame name="cash-taken" title={t('cash.title')} spoken={`${t('cash.title')}。${t('cash.amount', { amount })}。${t('cashDesk.patientHint')}`}>
      <p className="figure" data-testid="cash-due">
        {t('cash.amount', { amount })}
      </p>
      <p className="screen__text cash-taken__hint">{t('cashDesk.patientHint')}</p>
      <section className="staff-desk" aria-labelledby="cash-staff-title" data-testid="cash-staff">
        <h2 id="cash-staff-title" className="staff-desk__title">
          {t('cashDesk.staffTitle')}
          {operator ? ` · ${t('staff.operator', { id: operator.id, name: operator.name })}` : ''}
        </h2>
        {operator ? null : <p className="screen__text">{t('cashDesk.noOperator')}</p>}
        <form className="form" onSubmit={(e) => void submit(e)}>
          <NumberField name="pin" label={t('cashDesk.pin')} spec={PIN} value={pin} onValueChange={setPin} keypad="closed" />
          <button type="submit" className="button button--primary" disabled={busy || !pin}>
            {busy ? t('common.working') : t('cash.taken')}
          </button>
        </form>
        {message ? (
          <p className="screen__text screen__text--warn" role="alert">
            {message}
          </p>
        ) : null}
      </section>
    </ScreenFrame>
  );
}
