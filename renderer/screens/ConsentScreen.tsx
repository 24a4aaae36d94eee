import { useMetric } from '../app/metrics';
import { ScreenFrame } from '../components/ScreenFrame';
import { useT } from '../i18n';
import { useKioskStore } from '../store';

/** Separate consent before the camera starts. Saying no is a way forward, not a dead end. */
export function ConsentScreen() {
  const t = useT();
  const goTo = useKioskStore((s) => s.goTo);
  const metric = useMetric();
  return (
    <ScreenFrame name="consent" title={t('consent.title')} spoken={`${t('consent.title')}。${t('consent.text')}`} back={() => goTo('home')}>
      <p className="screen__lead screen__lead--plain">{t('consent.text')}</p>
      <div className="screen__actions">
        <button type="button" className="button button--primary button--huge" onClick={() => goTo('face')}>
          {t('consent.agree')}
        </button>
        <button type="button" className="button button--secondary button--huge" onClick={() => {
            metric({ type: 'consent-declined' });
            goTo('other-ways');
          }}
        >
          {t('consent.decline')}
        </button>
      </div>
    </ScreenFrame>
  );
}
