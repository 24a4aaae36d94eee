import { useState } from 'react';
import { yuan } from '../../components/money';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectMode, selectPerson } from '../../store/selectors';
import { FamilyButton, FamilyPatientCheck } from '../../family/FamilyPatientCheck';
import { RelativePayButton, RelativeRefusal } from '../../family/RelativePay';

/** Masked name and ID: enough for the patient to recognise themselves, too little for a bystander. */
export function IsThisYouScreen() {
  const t = useT();
  const { afterIdentity, finish } = useCounter();
  const person = useKioskStore(selectPerson);
  const mode = useKioskStore(selectMode);
  const [busy, setBusy] = useState(false);
  if (!person || !mode) return null;
  // A relative acting (issue 15): the payer confirms the family member instead.
  if (person.payer) return <FamilyPatientCheck patient={{ ...person, payer: person.payer }} />;
  const yes = async () => {
    setBusy(true);
    await afterIdentity(mode);
    setBusy(false);
  };
  // "Not me": this identification is dropped on both sides, and the patient tries another way.
  const no = async () => {
    await finish();
    useKioskStore.getState().goTo('other-ways');
  };
  return (
    // 上一步 is "not me" too: back to choosing how to be identified, this identification dropped.
    <ScreenFrame name="is-this-you" title={t('you.title')} back={() => void no()}>
      <dl className="facts">
        <dt>{t('you.name')}</dt>
        <dd className="facts__big">{person.maskedName}</dd>
        <dt>{t('you.id')}</dt>
        <dd className="facts__big">{person.maskedCertno}</dd>
        {person.balanceFen > 0 ? (
          <>
            <dt>{t('you.balance')}</dt>
            <dd>{yuan(person.balanceFen)}</dd>
          </>
        ) : null}
      </dl>
      <RelativeRefusal />
      <div className="screen__actions">
        <button type="button" className="button button--primary button--huge" disabled={busy} onClick={() => void yes()}>
          {busy ? t('common.working') : t('you.yes')}
        </button>
        <button type="button" className="button button--secondary button--huge" onClick={() => void no()}>
          {t('you.no')}
        </button>
        <FamilyButton disabled={busy} />
        <RelativePayButton disabled={busy} />
      </div>
    </ScreenFrame>
  );
}
