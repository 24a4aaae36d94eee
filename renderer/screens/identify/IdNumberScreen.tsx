import { useState, type FormEvent } from 'react';
import { useMetric } from '../../app/metrics';
import { Field } from '../../components/Field';
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
        <Field label={t('idn.certno')} value={certno} onChange={(e) => setCertno(e.target.value)} maxLength={18} autoFocus />
        <Field label={t('idn.operator')} value={operatorId} onChange={(e) => setOperatorId(e.target.value)} readOnly={Boolean(signedIn)} />
        <Field label={t('idn.pin')} type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} />
        <FormActions busy={busy} onBack={() => goTo('other-ways')} />
      </form>
    </ScreenFrame>
  );
}
