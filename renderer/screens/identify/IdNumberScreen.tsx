import { useState, type FormEvent } from 'react';
import { useMetric } from '../../app/metrics';
import { KeypadGroup } from '../../components/KeypadGroup';
import { ID_NUMBER, OPERATOR_ID, PIN } from '../../components/keypadSpec';
import { NumberField } from '../../components/NumberField';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectOperatorId } from '../../store/selectors';
import { FormActions } from '../../components/FormActions';

/** Staff-assisted: the staff member checks the ID card, types the number and authorises with their PIN. */
export function IdNumberScreen() {
  const t = useT();
  const { api, run, takeIdentity } = useCounter();
  const goTo = useKioskStore((s) => s.goTo);
  const metric = useMetric();
  const [certno, setCertno] = useState('');
  const [operatorId, setOperatorId] = useState(useKioskStore.getState().settings.operatorId ?? '');
  const signedIn = useKioskStore(selectOperatorId);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!certno.trim() || !operatorId.trim() || !pin || busy) return;
    setBusy(true);
    const answer = await run(api.identifyByIdNumber({ certno: certno.trim().toUpperCase(), operatorId: operatorId.trim(), pin }), 'id-number');
    setBusy(false);
    if (answer) metric({ type: 'fallback', via: 'staff' });
    if (answer) takeIdentity({ status: 'identified', person: answer }, 'id-number');
  };
  return (
    <ScreenFrame name="id-number" title={t('idn.title')}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <KeypadGroup initial="certno">
          <NumberField name="certno" label={t('idn.certno')} spec={ID_NUMBER} value={certno} onValueChange={setCertno} autoFocus />
          <NumberField name="operator" label={t('idn.operator')} spec={OPERATOR_ID} value={operatorId} onValueChange={setOperatorId} readOnly={Boolean(signedIn)} />
          <NumberField name="pin" label={t('idn.pin')} spec={PIN} value={pin} onValueChange={setPin} />
        </KeypadGroup>
        <FormActions busy={busy} onBack={() => goTo('other-ways')} />
      </form>
    </ScreenFrame>
  );
}
