import { useT } from '../i18n';
import { useKioskStore } from '../store';

/** The attract screen: what this terminal does, one big way in, and the other ways named. */
export function HomeScreen() {
  const t = useT();
  const goTo = useKioskStore((s) => s.goTo);
  return (
    <section className="screen screen--home" aria-labelledby="home-title">
      <h1 id="home-title" className="screen__title">
        {t('app.title')}
      </h1>
      <p className="screen__lead">{t('home.welcome')}</p>
      <p className="screen__text">{t('home.instruction')}</p>
      <button type="button" className="button button--primary button--huge" onClick={() => goTo('face')}>
        {t('home.start')}
      </button>
      <p className="screen__text screen__text--muted">{t('home.otherWays')}</p>
    </section>
  );
}
