import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useScanner } from '../../hooks/useScanner';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { FormActions } from '../../components/FormActions';
import { useQrIdentify } from './useQrIdentify';

/**
 * The counter's scanner is a keyboard: it types the e-voucher payload and presses Enter into
 * the focused field, or, when the patient's touch took the focus away, straight to the screen.
 * Staff can type a code too.
 */
export function QrScreen() {
  const t = useT();
  const goTo = useKioskStore((s) => s.goTo);
  const { identify, busy } = useQrIdentify();
  const [payload, setPayload] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await identify(payload);
  };
  useScanner((code) => void identify(code));
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
