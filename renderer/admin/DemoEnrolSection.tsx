import { useEffect, useRef, useState } from 'react';
import { useCounterApi } from '../flows/useCounter';
import { useT } from '../i18n';
import { useFaceEngine } from '../screens/identify/faceEngine';
import { useKioskStore } from '../store';
import { selectAdminToken } from '../store/selectors';
import { adminErrorText } from './adminError';

type DemoPerson = { psnNo: string; maskedName: string; enrolled: boolean };

/**
 * Demo terminals only: a visitor enrols their own face for a demo person through the kiosk's
 * own capture (the framing payments will send), then pays by face. The crop goes to the
 * sandbox's enrolment endpoint and is dropped, like every other capture.
 */
export function DemoEnrolSection() {
  const t = useT();
  const api = useCounterApi();
  const engine = useFaceEngine();
  const adminToken = useKioskStore(selectAdminToken);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [persons, setPersons] = useState<DemoPerson[]>([]);
  const [chosen, setChosen] = useState<DemoPerson | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!adminToken) return undefined;
    let live = true;
    void api.listDemoPersons({ adminToken }).then((answer) => {
      if (live) setPersons(answer.ok ? answer.value : []);
    });
    return () => {
      live = false;
    };
  }, [api, adminToken, status]);

  useEffect(() => {
    const video = videoRef.current;
    if (!chosen || !video || !adminToken) return undefined;
    setStatus(t('admin.demoLooking'));
    const session = engine.start(video, { policy: 'passive-only', maxAttempts: 3 }, (event) => {
      if (event.type !== 'captured') return;
      session.dispose();
      void api.demoEnrolFace({ adminToken, psnNo: chosen.psnNo, photo: event.capture.jpegBase64 }).then((answer) => {
        setStatus(answer.ok ? t('admin.demoDone', { name: answer.value.maskedName }) : adminErrorText(t, answer.error));
        setChosen(null);
      });
    });
    return () => session.dispose();
  }, [api, engine, adminToken, chosen, t]);

  return (
    <div className="admin__section" data-testid="demo-enrol">
      <p className="screen__text">{t('admin.demoText')}</p>
      {persons.map((person) => (
        <button
          key={person.psnNo}
          type="button"
          className="button button--row"
          aria-pressed={chosen?.psnNo === person.psnNo}
          onClick={() => setChosen(person)}
        >
          <span>{person.maskedName}</span>
          <span>{person.enrolled ? t('admin.demoEnrolled') : ''}</span>
        </button>
      ))}
      {chosen ? (
        <div className="camera camera--small">
          <video ref={videoRef} className="camera__video" muted playsInline aria-hidden="true" />
        </div>
      ) : null}
      <p role="status">{status}</p>
    </div>
  );
}
