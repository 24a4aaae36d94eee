import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useScanner } from '../../hooks/useScanner';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectFaceGuidance } from '../../store/selectors';
import { OtherWaysChoices } from './OtherWaysChoices';
import { useQrIdentify } from './useQrIdentify';

/** Every way in besides the face, each one touch away; calling staff stays in the footer. */
export function OtherWaysScreen() {
  const t = useT();
  const goTo = useKioskStore((s) => s.goTo);
  const { finish } = useCounter();
  const afterFace = useKioskStore(selectFaceGuidance) === 'face.attempt.alternatives';
  // A patient holding the e-voucher to the scanner need not choose the QR way first.
  const { identify } = useQrIdentify();
  useScanner((code) => void identify(code));
  return (
    <ScreenFrame name="other-ways" title={t('other.title')}>
      {afterFace ? <p className="screen__lead">{t('face.attempt.alternatives')}</p> : null}
      <div className="choices">
        <OtherWaysChoices />
        <button type="button" className="button button--secondary button--choice" onClick={() => goTo('consent')}>
          {t('other.face')}
        </button>
      </div>
      <button type="button" className="button button--quiet" onClick={() => void finish()}>
        {t('problem.startOver')}
      </button>
    </ScreenFrame>
  );
}
