import { useState } from 'react';
import type { Person } from '../api/counter';
import { ScreenFrame } from '../components/ScreenFrame';
import { useCounter } from '../flows/useCounter';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectMode } from '../store/selectors';
import { identifiedByStaffWay, relativeState, useRelativeStore } from './relative';
import { useFamily } from './useFamily';

/**
 * Where "is this you?" stands when a relative acts: the payer confirms the family member (masked
 * name and ID, what they are to the payer) before anything is done for them; or chooses another.
 * Also where a failed step of the patient's flow comes back to.
 */
export function FamilyPatientCheck({ patient }: { patient: Person & { payer: NonNullable<Person['payer']> } }) {
  const t = useT();
  const { afterIdentity } = useCounter();
  const { chooseAnother } = useFamily();
  const mode = useKioskStore(selectMode);
  const [busy, setBusy] = useState(false);
  if (!mode) return null;
  const yes = async () => {
    setBusy(true);
    await afterIdentity(mode);
    setBusy(false);
  };
  return (
    <ScreenFrame name="is-this-you" title={t('family.patient.title')} back={() => void chooseAnother()}>
      <dl className="facts" data-testid="family-patient">
        <dt>{t('you.name')}</dt>
        <dd className="facts__big">{patient.maskedName}</dd>
        <dt>{t('family.patient.relation')}</dt>
        <dd className="facts__big">{patient.payer.relation}</dd>
        <dt>{t('you.id')}</dt>
        <dd>{patient.maskedCertno}</dd>
      </dl>
      <div className="screen__actions">
        <button type="button" className="button button--primary button--huge" disabled={busy} onClick={() => void yes()}>
          {busy ? t('common.working') : t('family.patient.yes')}
        </button>
        <button type="button" className="button button--secondary button--huge" disabled={busy} onClick={() => void chooseAnother()}>
          {t('family.otherMember')}
        </button>
      </div>
    </ScreenFrame>
  );
}

/** 为家人办理 on "is this you?": only for someone acting for themselves (acting never chains). */
export function FamilyButton({ disabled }: { disabled?: boolean }) {
  const t = useT();
  const { open } = useFamily();
  // Identified by card or a typed number: the channel has no family to answer; 由家人刷脸付款 instead.
  const via = useRelativeStore((s) => relativeState(s).identifiedVia);
  if (identifiedByStaffWay(via)) return null;
  return (
    <button type="button" className="button button--secondary button--huge" disabled={disabled} onClick={open}>
      {t('family.open')}
    </button>
  );
}
