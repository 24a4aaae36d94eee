import { useState, type FormEvent } from 'react';
import { useMetric } from '../../app/metrics';
import { KeypadGroup } from '../../components/KeypadGroup';
import { CARD_CODE } from '../../components/keypadSpec';
import { NumberField } from '../../components/NumberField';
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
        <KeypadGroup initial="cardNo">
          <NumberField name="cardNo" label={t('card.no')} spec={CARD_CODE} value={cardNo} onValueChange={setCardNo} autoFocus />
          <NumberField name="cardSn" label={t('card.sn')} spec={CARD_CODE} value={cardSn} onValueChange={setCardSn} />
        </KeypadGroup>
        <FormActions busy={busy} onBack={() => goTo('other-ways')} />
      </form>
    </ScreenFrame>
  );
}
