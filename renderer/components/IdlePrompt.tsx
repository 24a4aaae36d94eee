import { useEffect } from 'react';
import { useT } from '../i18n';

/**
 * Nobody is timed out without being asked first. Only if the question itself goes unanswered
 * for `answerWithinMs` (the person has walked away) does the session end.
 */
export function IdlePrompt({ onMore, onDone, answerWithinMs }: { onMore(): void; onDone(): void; answerWithinMs: number }) {
  const t = useT();
  useEffect(() => {
    const timer = setTimeout(onDone, answerWithinMs);
    return () => clearTimeout(timer);
  }, [onDone, answerWithinMs]);
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-question">
      <div className="dialog">
        <h2 id="idle-question">{t('idle.question')}</h2>
        <button type="button" className="button button--primary" onClick={onMore} autoFocus>
          {t('idle.more')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('idle.done')}
        </button>
      </div>
    </div>
  );
}
