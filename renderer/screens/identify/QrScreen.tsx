import { useState, type FormEvent } from 'react';
import { useMetric } from '../../app/metrics';
import { Field } from '../../components/Field';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { FormActions } from '../../components/FormActions';

/**
 * The counter's scanner is a keyboard: it types the e-voucher payload and presses Enter into
 * the focused field. Staff can type a code too.
 */
export function QrScreen() {
  const t = useT();
  const { api, run, takeIdentity } = useCounter();
  const goTo = useKioskStore((s) => s.goTo);
  const metric = useMetric();
  const [payload, setPayload] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!payload.trim() || busy) return;
    setBusy(true);
    const answer = await run(api.identifyByQr({ payload: payload.trim() }), 'qr');
    setBusy(false);
    if (answer?.status === 'identified') metric({ type: 'fallback', via: 'qr' });
    if (answer) takeIdentity(answer, 'qr');
  };
  return (
    <ScreenFrame name="qr" title={t('qr.title')} spoken={t('qr.text')}>
      <p className="screen__lead">{t('qr.text')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <Field label={t('qr.input')} value={payload} onChange={(e) => setPayload(e.target.value)} autoFocus />
        <FormActions busy={busy} onBack={() => goTo('other-ways')} />
      </form>
    </ScreenFrame>
  );
}
