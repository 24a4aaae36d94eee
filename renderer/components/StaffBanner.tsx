import { useOperatorFromMain } from '../hooks/useOperatorFromMain';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectStaffCall } from '../store/selectors';
import { OperatorChip } from '../staff/OperatorChip';

/** The visible half of a staff call: a banner across the top of every screen until the session ends (the footer keeps the number). */
export function StaffBanner() {
  const t = useT();
  const call = useKioskStore(selectStaffCall);
  // Who runs the counter, as main keeps it: asked when the page loads, so a reload shows it again.
  useOperatorFromMain();
  if (!call) return <OperatorChip />;
  return (
    <div className="staff-banner" role="alert">
      {t('staff.banner')}
    </div>
  );
}
