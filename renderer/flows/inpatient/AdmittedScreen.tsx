import { ScreenFrame } from '../../components/ScreenFrame';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectAdmission } from '../../store/selectors';
import { useCounter } from '../useCounter';

/** Admission done, or being confirmed in the background with a reference to quote. */
export function AdmittedScreen() {
  const t = useT();
  const { finish } = useCounter();
  const admission = useKioskStore(selectAdmission);
  if (!admission) return null;
  return (
    <ScreenFrame name="admitted" title={admission.status === 'admitted' ? t('admitted.title') : t('receipt.pendingTitle')}>
      <p className="screen__lead" data-testid="admission-reference">
        {admission.status === 'admitted'
          ? t('admitted.text', { dept: admission.deptName, bed: admission.bed })
          : t('admitted.pending', { reference: admission.reference })}
      </p>
      {admission.status === 'admitted' ? <p className="screen__text">{t('receipt.reference')}: {admission.reference}</p> : null}
      <button type="button" className="button button--primary button--huge" onClick={() => void finish()}>
        {t('receipt.done')}
      </button>
    </ScreenFrame>
  );
}
