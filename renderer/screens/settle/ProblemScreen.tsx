import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectPerson, selectProblem } from '../../store/selectors';

/**
 * Any failure: the engine's plain words in the patient's language, its reference, and the next
 * steps — try again, another way in (before anyone is identified), start over. Calling staff
 * is in the footer, as on every screen.
 */
export function ProblemScreen() {
  const t = useT();
  const { finish } = useCounter();
  const problem = useKioskStore(selectProblem);
  const person = useKioskStore(selectPerson);
  const goTo = useKioskStore((s) => s.goTo);
  if (!problem) return null;
  const { error, retryScreen } = problem;
  const message = error.message || t('problem.unavailable');
  return (
    <ScreenFrame name="problem" title={t('problem.title')} spoken={message}>
      <p className="screen__lead" role="alert">
        {message}
      </p>
      {error.reference ? <p className="screen__text">{t('problem.reference', { reference: error.reference })}</p> : null}
      <div className="screen__actions">
        {retryScreen && error.next !== 'other-id' ? (
          <button type="button" className="button button--primary" onClick={() => goTo(retryScreen)}>
            {t('problem.retry')}
          </button>
        ) : null}
        {!person ? (
          <button type="button" className="button button--primary" onClick={() => goTo('other-ways')}>
            {t('problem.otherWays')}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={() => void finish()}>
          {t('problem.startOver')}
        </button>
      </div>
    </ScreenFrame>
  );
}
