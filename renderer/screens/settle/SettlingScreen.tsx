import { ScreenFrame } from '../../components/ScreenFrame';
import { useT } from '../../i18n';

/** While the platform settles: no countdown, no buttons that could start a second payment. */
export function SettlingScreen() {
  const t = useT();
  return (
    <ScreenFrame name="settling" title={t('settling.title')}>
      <div className="spinner" aria-hidden="true" />
      <p className="screen__lead" role="status">
        {t('settling.text')}
      </p>
    </ScreenFrame>
  );
}
