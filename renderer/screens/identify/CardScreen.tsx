import { useState, type FormEvent } from 'react';
import { useMetric } from '../../app/metrics';
import { Field } from '../../components/Field';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { FormActions } from '../../components/FormActions';

/** Social-security card: the reader types number and identification code; staff may type them. */
export function CardScreen() {
  const t = useT();
  const { api, run, takeIdentity } = useCounter();
  const goTo = useKioskStore((s) => s.goTo);
  const metric = useMetric();
  const [cardNo, setCardNo] = useState('');
  const [cardSn, setCardSn] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!cardNo.trim() || !cardSn.trim() || busy) return;
    setBusy(true);
    const answer = await run(api.identifyByCard({ cardNo: cardNo.trim(), cardSn: cardSn.trim() }), 'card');
    setBusy(false);
    if (answer) metric({ type: 'fallback', via: 'card' });
    if (answer) takeIdentity({ status: 'identified', person: answer }, 'card');
  };
  return (
    <ScreenFrame name="card" title={t('card.title')}>
      <p className="screen__text">{t('card.text')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <Field label={t('card.no')} value={cardNo} onChange={(e) => setCardNo(e.target.value)} autoFocus />
        <Field label={t('card.sn')} value={cardSn} onChange={(e) => setCardSn(e.target.value)} />
        <FormActions busy={busy} onBack={() => goTo('other-ways')} />
      </form>
    </ScreenFrame>
  );
}
