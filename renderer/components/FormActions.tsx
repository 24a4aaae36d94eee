import { useT } from '../i18n';
import { useScreenBack } from './ScreenFrame';

/**
 * A form's two ways out: submit (showing that it is working) and back, the same on every form.
 * Inside a screen the back is the screen's 上一步 (in the footer, beside 结束); elsewhere (admin)
 * it stands beside the submit.
 */
export function FormActions({ busy, onBack, submitLabel }: { busy: boolean; onBack(): void; submitLabel?: string }) {
  const t = useT();
  const screenShowsBack = useScreenBack(onBack);
  return (
    <div className="screen__actions">
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('common.working') : (submitLabel ?? t('common.submit'))}
      </button>
      {screenShowsBack ? null : (
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('common.back')}
        </button>
      )}
    </div>
  );
}
