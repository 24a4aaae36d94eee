import { useState, type FormEvent } from 'react';
import { useMetric } from '../../app/metrics';
import { ID_LAST4 } from '../../components/keypadSpec';
import { NumberField } from '../../components/NumberField';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT, type MessageKey } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectAuthNo, selectWrongDigitsLeft } from '../../store/selectors';
import { StaffHelpButton } from './FaceOffer';
import { OtherWaysChoices } from './OtherWaysChoices';

const WHY_TEXT: Record<'no-motion' | 'amount' | 'look-alike', MessageKey> = {
  'no-motion': 'face.second.why.noMotion',
  amount: 'face.second.why.amount',
  'look-alike': 'second.text',
};

/**
 * The last four digits of the ID number settle who it is: when the face service was not sure
 * (look-alikes), when no gesture was shown (the knowledge check instead of motion), or above the
 * amount cap. The face service checks them; this page never knows the ID number.
 */
export function SecondFactorScreen() {
  const t = useT();
  const { api, run, takeIdentity } = useCounter();
  const authNo = useKioskStore(selectAuthNo);
  const left = useKioskStore(selectWrongDigitsLeft);
  const why = useKioskStore((s) => s.secondFactorWhy);
  const goTo = useKioskStore((s) => s.goTo);
  const metric = useMetric();
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!authNo || !/^\d{3}[\dXx]$/.test(digits) || busy) return;
    setBusy(true);
    const answer = await run(api.confirmSecondFactor({ authNo, last4: digits.toUpperCase() }), 'other-ways');
    setBusy(false);
    setDigits('');
    if (answer?.status === 'identified') metric({ type: 'second-factor', outcome: 'passed' });
    else if (answer?.status !== 'wrong-digits') metric({ type: 'second-factor', outcome: 'failed' });
    // The face matched; only the digits did not: say so, not "not found".
    if (answer?.status === 'digits-locked') setLocked(true);
    else if (answer) takeIdentity(answer, 'other-ways');
  };
  if (locked) {
    const title = t('face.second.locked.title');
    const text = t('face.second.locked.text');
    return (
      <ScreenFrame name="second-factor" title={title} spoken={`${title}。${text}`}>
        <p className="screen__lead screen__lead--warn" role="alert">
          {text}
        </p>
        <div className="choices">
          <OtherWaysChoices />
          <StaffHelpButton className="button button--primary button--choice" />
        </div>
      </ScreenFrame>
    );
  }
  const text = t(WHY_TEXT[why ?? 'look-alike']);
  return (
    <ScreenFrame name="second-factor" title={t('second.title')} spoken={text}>
      <p className="screen__text" data-second-factor-why={why ?? 'look-alike'}>
        {text}
      </p>
      {left !== null ? (
        <p className="screen__lead screen__lead--warn" role="alert">
          {t('second.wrong', { n: left })}
        </p>
      ) : null}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <NumberField
          label={t('second.digits')}
          className="field__input field__input--digits"
          spec={ID_LAST4}
          value={digits}
          onValueChange={setDigits}
          autoFocus
        />
        <div className="screen__actions">
          <button type="submit" className="button button--primary" disabled={busy || digits.length !== 4}>
            {busy ? t('common.working') : t('common.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => {
              metric({ type: 'second-factor', outcome: 'abandoned' });
              goTo('other-ways');
            }}
          >
            {t('face.otherWays')}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
