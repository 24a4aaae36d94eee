import { useState, type FormEvent } from 'react';
import { KeypadGroup } from '../../components/KeypadGroup';
import { OPERATOR_ID, PIN } from '../../components/keypadSpec';
import { NumberField } from '../../components/NumberField';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectReceipt } from '../../store/selectors';

/** Cancelling moves money back, so a staff member authorises it with their number and PIN. */
export function CancelScreen() {
  const t = useT();
  const { api, run } = useCounter();
  const receipt = useKioskStore(selectReceipt);
  const goTo = useKioskStore((s) => s.goTo);
  const [operatorId, setOperatorId] = useState(useKioskStore.getState().settings.operatorId ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  if (!receipt || receipt.kind !== 'settlement') return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!operatorId || !pin || busy) return;
    setBusy(true);
    const answer = await run(api.cancelSettlement({ setlId: receipt.setlId, operatorId, pin }), 'receipt');
    setBusy(false);
    if (answer) useKioskStore.getState().setReceipt(answer.receipt);
  };
  return (
    <ScreenFrame name="cancel" title={t('cancel.title')}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <KeypadGroup initial="pin">
          <NumberField name="operator" label={t('idn.operator')} spec={OPERATOR_ID} value={operatorId} onValueChange={setOperatorId} />
          <NumberField name="pin" label={t('idn.pin')} spec={PIN} value={pin} onValueChange={setPin} autoFocus />
        </KeypadGroup>
        <div className="screen__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.working') : t('cancel.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => goTo('receipt')}>
            {t('common.back')}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
