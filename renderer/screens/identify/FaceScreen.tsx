import { useEffect, useRef, useState } from 'react';
import { LIVENESS_FAILURE_REASONS, type MetricEvent } from '../../../shared/metrics/events';
import { MARK_FACE_SEEN, mark } from '../../app/marks';
import { livenessOf } from '../../face/frameLoop';
import { useMetric } from '../../app/metrics';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { translate, useT } from '../../i18n';
import { useVoice } from '../../speech/voiceContext';
import { useKioskStore } from '../../store';
import { selectCameraStatus, selectFaceChecking, selectFaceGuidance, selectFaceSettings } from '../../store/selectors';
import { ChallengeGuide } from './ChallengeGuide';
import { useFaceEngine, type FaceEvent, type FaceSession } from './faceEngine';
import { FaceOffer } from './FaceOffer';
import { OtherWaysChoices } from './OtherWaysChoices';

/** The loop's `challenge-<reason>` failures, as the liveness metric names them. */
function livenessFailure(reason: string): MetricEvent | null {
  const match = /^challenge-(.+)$/.exec(reason);
  const known = LIVENESS_FAILURE_REASONS.find((r) => r === match?.[1]);
  return known ? { type: 'liveness-failed', reason: known } : null;
}

/** What the patient is about to pay, when it is known before identification (a pharmacy cart): the knowledge-check cap. */
function amountKnownFen(): number | undefined {
  const cart = useKioskStore.getState().cart;
  return cart.length > 0 ? cart.reduce((sum, line) => sum + line.product.priceFen * line.cnt, 0) : undefined;
}

/**
 * The camera and the pipeline's guidance, shown large and spoken. The capture goes to the face
 * service once and is dropped; an answer it cannot use counts as a failed attempt, and after
 * the last attempt the other ways open. The camera stops when this screen goes.
 * The gesture asked is the gentle one (a slow blink or a small nod), shown by a small animation
 * inside a ring that fills as the gesture goes; after the first miss the last four ID digits and
 * staff are offered beside it (renderer/face/README.md, "The gentle face step").
 */
export function FaceScreen() {
  const t = useT();
  const engine = useFaceEngine();
  const { speech } = useVoice();
  const { api, run, takeIdentity } = useCounter();
  const status = useKioskStore(selectCameraStatus);
  const guidance = useKioskStore(selectFaceGuidance);
  const checking = useKioskStore(selectFaceChecking);
  const face = useKioskStore(selectFaceSettings);
  const goTo = useKioskStore((s) => s.goTo);
  const videoRef = useRef<HTMLVideoElement>(null);
  const sessionRef = useRef<FaceSession | undefined>(undefined);
  const metric = useMetric();
  /** The gesture's progress while a challenge is open; null while guiding. */
  const [challenge, setChallenge] = useState<number | null>(null);
  const [offered, setOffered] = useState(false);
  const [waived, setWaived] = useState(false);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return undefined;
    const s = () => useKioskStore.getState();
    const say = (key: Parameters<typeof translate>[1]) => speech.say(translate(s().locale, key), s().locale);
    let seen = false;
    let liveAt: number | undefined;
    // From the first gesture asked to the capture: the liveness step of the inclusion metrics.
    let challengeAt: number | undefined;
    let session: FaceSession | undefined = undefined;
    const onEvent = async (event: FaceEvent) => {
      if (event.type === 'camera') {
        s().setCameraStatus(event.status);
        // For the terminal's health report: is there a working camera at this counter?
        if (event.status === 'live') liveAt = performance.now();
        if (event.status === 'live' || event.status === 'denied' || event.status === 'unavailable') {
          void api.reportDevices({ camera: { available: event.status === 'live' } }).catch(() => undefined);
        }
      }
      else if (event.type === 'progress') {
        setChallenge((shown) => (shown === null ? shown : event.progress));
      } else if (event.type === 'offer') {
        setOffered(true);
        say(event.key);
      } else if (event.type === 'guidance' || event.type === 'challenge' || event.type === 'attempt-failed') {
        setChallenge(event.type === 'challenge' ? 0 : null);
        if (!seen && !(event.type === 'guidance' && event.reason === 'no-face')) {
          seen = true;
          mark(MARK_FACE_SEEN);
        }
        s().setFaceGuidance(event.key);
        if (event.type === 'challenge') challengeAt ??= performance.now();
        if (event.type !== 'guidance' || event.speak) say(event.key);
        // Each new prompt is one quality-gate failure of its reason; an empty frame is just waiting.
        if (event.type === 'guidance' && event.speak && event.reason && event.reason !== 'no-face') metric({ type: 'quality-gate-failed', reason: event.reason });
        // The loop's own failures are attempts no capture counted; the service's retries were counted at capture.
        if (event.type === 'attempt-failed' && (event.reason === 'gate-timeout' || event.reason.startsWith('challenge-'))) {
          metric({ type: 'face-attempt' });
          const liveness = livenessFailure(event.reason);
          if (liveness) metric(liveness);
        }
      } else if (event.type === 'alternatives') {
        s().setFaceGuidance(event.key);
        say(event.key);
        s().goTo('other-ways');
      } else if (event.type === 'captured') {
        if (!seen) mark(MARK_FACE_SEEN);
        seen = true;
        setChallenge(null);
        s().setFaceChecking(true);
        metric({ type: 'face-attempt' });
        if (liveAt !== undefined) metric({ type: 'step-time', step: 'face-capture', ms: Math.min(3_600_000, Math.round(performance.now() - liveAt)) });
        if (challengeAt !== undefined) metric({ type: 'step-time', step: 'liveness', ms: Math.min(3_600_000, Math.round(performance.now() - challengeAt)) });
        challengeAt = undefined;
        // The page says how liveness was shown; the face service (never this page) asks for the digits when it was not.
        const amountFen = amountKnownFen();
        const request = { photo: event.capture.jpegBase64, liveness: livenessOf(event.capture), ...(amountFen === undefined ? {} : { amountFen }) };
        const answer = await run(api.identifyByFace(request), 'face');
        s().setFaceChecking(false);
        // digits-locked answers only the digits, never a capture; counted as not found if it ever came here.
        metric({ type: 'identification', outcome: !answer ? 'error' : answer.status === 'digits-locked' ? 'not-found' : answer.status });
        if (!answer) return;
        if (answer.status === 'retry' || answer.status === 'not-found') await session?.retry(answer.status === 'retry' ? answer.reason : 'not-found');
        else {
          if (answer.status === 'second-factor') s().setSecondFactorWhy(answer.why ?? null);
          takeIdentity(answer, 'face');
        }
      } else if (event.type === 'error') {
        console.warn(`face pipeline: ${event.message}`);
      }
    };
    session = engine.start(video, face, (event) => void onEvent(event));
    sessionRef.current = session;
    return () => {
      sessionRef.current = undefined;
      session?.dispose();
      s().setCameraStatus('off');
    };
  }, [engine, face, speech, api, run, takeIdentity, metric]);

  // No camera (none plugged in, or none allowed): no point asking to look at the screen, so
  // the heading says why and the ways that need no camera are offered here and now.
  const problem = status === 'denied' || status === 'unavailable';
  if (problem) {
    const heading = status === 'denied' ? t('face.camera.denied') : t('face.camera.none');
    return (
      <ScreenFrame name="face" title={heading} spoken={`${heading}。${t('face.camera.choices')}`}>
        <div className="choices">
          <OtherWaysChoices />
        </div>
      </ScreenFrame>
    );
  }
  const line = checking
    ? t('face.checking')
    : waived
      ? t('face.offer.waiting')
      : guidance
        ? t(guidance)
        : status === 'live'
          ? t('face.hint')
          : t('face.camera.starting');
  return (
    <ScreenFrame name="face" title={t('face.title')}>
      <div className="camera" data-camera-status={status}>
        <video ref={videoRef} className="camera__video" muted playsInline aria-hidden="true" />
        <div className="camera__outline" aria-hidden="true" />
        {challenge !== null && !waived ? <ChallengeGuide progress={challenge} /> : null}
      </div>
      <p className="screen__lead" role="status" aria-live="polite">
        {line}
      </p>
      <div className="screen__actions">
        {offered && !checking ? (
          <FaceOffer
            waived={waived}
            onDigits={() => {
              setWaived(true);
              sessionRef.current?.waiveMotion?.();
            }}
          />
        ) : null}
        <button type="button" className="button button--secondary" onClick={() => goTo('other-ways')}>
          {t('face.otherWays')}
        </button>
      </div>
    </ScreenFrame>
  );
}
