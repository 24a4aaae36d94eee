import { useState, type FormEvent } from 'react';
import { FactList } from '../../components/FactList';
import { FormAlert } from '../../components/FormAlert';
import { yuan } from '../../components/money';
import { ScreenFrame } from '../../components/ScreenFrame';
import { StaffPinFields } from '../../components/StaffPinFields';
import { useCounter } from '../../flows/useCounter';
import { formatDayTime } from '../../format/dateTime';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { payerRows } from '../../family/receiptRows';
import { selectLocale, selectOperator, selectPerson, selectReceipt } from '../../store/selectors';
import '../../staff/staff.css';

/** Refusals that leave everything as it was: the staff member reads them on this screen, the settlement still shown. */
const STAYS_HERE: ReadonlySet<string> = new Set(['LOCKED_OUT', 'ALREADY_CANCELLED', 'CANCEL_REFUSED']);

/**
 * Cancelling moves money back, so a staff member authorises it with their number and PIN, after
 * seeing what they undo: when it was paid, whom (masked), how much and its settlement number. A
 * wrong PIN cancels nothing and keeps the form. Reached from the patient's receipt, or from
 * today's lookup (no patient in session), and back to where it came from.
 */
export function CancelScreen() {
  const t = useT();
  const { api } = useCounter();
  const receipt = useKioskStore(selectReceipt);
  const locale = useKioskStore(selectLocale);
  const operator = useKioskStore(selectOperator);
  const fromLookup = useKioskStore(selectPerson) === null;
  const goTo = useKioskStore((s) => s.goTo);
  const [operatorId, setOperatorId] = useState(operator?.id ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  if (!receipt || receipt.kind !== 'settlement') return null;
  const back = () => goTo(fromLookup ? 'today' : 'receipt');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!operatorId || !pin || busy) return;
    setBusy(true);
    setMessage('');
    const { generation } = useKioskStore.getState();
    const result = await api.cancelSettlement({ setlId: receipt.setlId, operatorId, pin });
    setBusy(false);
    if (useKioskStore.getState().generation !== generation) return; // the session ended meanwhile
    if (result.ok) return useKioskStore.getState().setReceipt(result.value.receipt);
    setPin('');
    // Known not done (a wrong PIN, a lock, cancelled already, the platform's refusal): said here beside
    // what it was about, in main's words where they say more than "no". Anything else is the problem screen's.
    if (result.error.code === 'NOT_AUTHORISED') return setMessage(t('cancelDesk.wrongPin'));
    if (STAYS_HERE.has(result.error.code)) return setMessage(result.error.message);
    useKioskStore.getState().showProblem({ error: result.error, retryScreen: fromLookup ? 'today' : 'receipt' });
  };
  return (
    <ScreenFrame name="cancel" title={t('cancel.title')} back={back}>
      {/* What is undone, with its labels, compact enough to leave the PIN and its keypad on every screen size. */}
      <section className="cancel-original" aria-label={t('cancelDesk.undoes')} data-testid="cancel-original">
        <FactList
          className="cancel-original__facts"
          rows={[
            [t('cancelDesk.time'), formatDayTime(receipt.time, locale)],
            [t('cancelDesk.patient'), receipt.patientName],
            ...payerRows(t, receipt).map((row) => [row.label, row.value] as const),
            [t('cancelDesk.amount'), yuan(receipt.totalFen)],
            [t('cancelDesk.setlId'), receipt.setlId],
          ]}
        />
      </section>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <StaffPinFields operatorId={operatorId} onOperatorIdChange={setOperatorId} pin={pin} onPinChange={setPin} initial="pin" />
        <FormAlert message={message} />
        <div className="screen__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.working') : t('cancel.submit')}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
