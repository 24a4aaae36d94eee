import { useT } from '../../i18n';
import { useKioskStore } from '../../store';

/**
 * The ways in that need no camera, as large buttons: the other-ways screen shows them, and so
 * does the face screen when there is no camera, so the patient is not sent through one more
 * screen to reach them. Calling staff is in every screen's footer.
 */
export function OtherWaysChoices() {
  const t = useT();
  const goTo = useKioskStore((s) => s.goTo);
  return (
    <>
      <button type="button" className="button button--primary button--choice" onClick={() => goTo('qr')}>
        {t('other.qr')}
      </button>
      <button type="button" className="button button--primary button--choice" onClick={() => goTo('card')}>
        {t('other.card')}
      </button>
      <button type="button" className="button button--primary button--choice" onClick={() => goTo('id-number')}>
        {t('other.id')}
      </button>
    </>
  );
}
