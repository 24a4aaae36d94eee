import { useState, type FormEvent } from 'react';
import { useMetric } from '../../app/metrics';
import { ID_LAST4 } from '../../components/keypadSpec';
import { NumberField } from '../../components/NumberField';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectAuthNo, selectWrongDigitsLeft } from '../../store/selectors';

/** The face service was not sure: the last four digits of the ID number settle who it is. */
export function SecondFactorScreen() {
  const t = useT();
  const { api, run, takeIdentity } = useCounter();
  const authNo = useKioskStore(selectAuthNo);
  const left = useKioskStore(selectWrongDigitsLeft);
  const goTo = useKioskStore((s) => s.goTo);
  const metric = useMetric();
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!authNo || !/^\d{3}[\dXx]$/.test(digits) || busy) return;
    setBusy(true);
    const answer = await run(api.confirmSecondFactor({ authNo, last4: digits.toUpperCase() }), 'other-ways');
    setBusy(false);
    setDigits('');
    if (answer?.status === 'identified') metric({ type: 'second-factor', outcome: 'passed' });
    else if (answer?.status !== 'wrong-digits') metric({ type: 'second-factor', outcome: 'failed' });
    if (answer) takeIdentity(answer, 'other-ways');
  };
  return (
    <ScreenFrame name="second-factor" title={t('second.title')} spoken={t('second.text')}>
      <p className="screen__text">{t('second.text')}</p>
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
