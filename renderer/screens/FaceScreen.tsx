import { useT } from '../i18n';
import { useCamera } from '../hooks/useCamera';
import { useKioskStore } from '../store';
import { selectCameraStatus } from '../store/selectors';

/** Camera preview with the outline to stand in; the capture pipeline plugs in here. */
export function FaceScreen() {
  const t = useT();
  const videoRef = useCamera();
  const status = useKioskStore(selectCameraStatus);
  const resetSession = useKioskStore((s) => s.resetSession);
  const problem = status === 'denied' || status === 'unavailable';
  return (
    <section className="screen screen--face" aria-labelledby="face-title">
      <h1 id="face-title" className="screen__title">
        {t('face.title')}
      </h1>
      <div className="camera" data-camera-status={status}>
        <video ref={videoRef} className="camera__video" muted playsInline aria-hidden="true" />
        <div className="camera__outline" aria-hidden="true" />
      </div>
      <p className="screen__text" role="status" aria-live="polite">
        {problem ? t('face.camera.denied') : status === 'live' ? t('face.hint') : t('face.camera.starting')}
      </p>
      <div className="screen__actions">
        <button type="button" className="button button--secondary" onClick={resetSession}>
          {t('common.back')}
        </button>
      </div>
    </section>
  );
}
