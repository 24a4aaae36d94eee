import { useT } from '../../i18n';
import './faceChallenge.css';

const R = 54;
const CIRCUMFERENCE = 2 * Math.PI * R;

/**
 * The gentle challenge shown, not only said: a drawn face that blinks slowly and then nods a
 * little, looping (CSS only: nothing to download), inside a ring that fills as the patient's own
 * gesture goes (never a countdown: there is no time pressure).
 */
export function ChallengeGuide({ progress }: { progress: number }) {
  const t = useT();
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <div className="face-challenge">
      <svg className="face-challenge__svg" viewBox="0 0 128 128" aria-hidden="true">
        <circle className="face-challenge__track" cx="64" cy="64" r={R} />
        <circle
          className="face-challenge__ring"
          cx="64"
          cy="64"
          r={R}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - percent / 100)}
          transform="rotate(-90 64 64)"
        />
        <g className="face-challenge__demo">
          <ellipse className="face-challenge__head" cx="64" cy="64" rx="30" ry="36" />
          <g className="face-challenge__eyes">
            <ellipse cx="53" cy="58" rx="5" ry="5" />
            <ellipse cx="75" cy="58" rx="5" ry="5" />
          </g>
          <path className="face-challenge__mouth" d="M54 80 Q64 87 74 80" />
        </g>
      </svg>
      <span className="face-challenge__label">{t('face.challenge.demo')}</span>
      <div
        className="face-challenge__meter"
        role="progressbar"
        aria-label={t('face.challenge.progress', { n: percent })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      />
    </div>
  );
}
