import { useState } from 'react';
import { useApi } from '../app/apiContext';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectScreen, selectStaffCall } from '../store/selectors';

/** On every screen: the way to a person is never more than one touch away. */
export function CallStaffButton() {
  const t = useT();
  const api = useApi();
  const screen = useKioskStore(selectScreen);
  const staffCall = useKioskStore(selectStaffCall);
  const setStaffCall = useKioskStore((s) => s.setStaffCall);
  const [failed, setFailed] = useState(false);

  const call = async () => {
    const result = await api.callStaff({ reason: 'help', screen });
    setFailed(!result.ok);
    if (result.ok) setStaffCall(result.value);
  };

  return (
    <div className="staff-call">
      <button type="button" className="button button--staff" onClick={() => void call()}>
        {t('common.callStaff')}
      </button>
      <p className="staff-call__status" role="status" aria-live="polite">
        {staffCall ? t('staff.called', { ticket: staffCall.ticket }) : failed ? t('staff.failed') : ''}
      </p>
    </div>
  );
}
