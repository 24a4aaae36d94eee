import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectStaffCall } from '../store/selectors';

/** The visible half of a staff call: a banner across the top of every screen until the session ends (the footer keeps the number). */
export function StaffBanner() {
  const t = useT();
  const call = useKioskStore(selectStaffCall);
  if (!call) return null;
  return (
    <div className="staff-banner" role="alert">
      {t('staff.banner')}
    </div>
  );
}
