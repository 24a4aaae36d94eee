import { useT } from '../i18n';

/** A form's two ways out: submit (showing that it is working) and back, the same on every form. */
export function FormActions({ busy, onBack, submitLabel }: { busy: boolean; onBack(): void; submitLabel?: string }) {
  const t = useT();
  return (
    <div className="screen__actions">
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('common.working') : (submitLabel ?? t('common.submit'))}
      </button>
      <button type="button" className="button button--secondary" onClick={onBack}>
        {t('common.back')}
      </button>
    </div>
  );
}
