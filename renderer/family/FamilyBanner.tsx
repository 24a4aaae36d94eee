import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectPerson } from '../store/selectors';
import { RelativeWaitingBanner } from './RelativePay';
import './family.css';

/**
 * While a relative acts, every screen says whose visit it is: in the header, the same place on
 * every screen, from the payer's check of the member to the receipt. Short, so the header keeps
 * one line at every screen size; who acts is said on the confirmation and the slip.
 */
export function FamilyBanner() {
  const t = useT();
  const person = useKioskStore(selectPerson);
  if (!person?.payer) return <RelativeWaitingBanner />;
  return (
    <div className="family-banner" role="status" data-testid="family-banner">
      {t('family.banner', { name: person.maskedName, relation: person.payer.relation })}
    </div>
  );
}
