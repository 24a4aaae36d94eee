import { useState } from 'react';
import { useApi } from '../app/apiContext';
import { useT } from '../i18n';
import { useVoice } from '../speech/voiceContext';
import { useKioskStore } from '../store';
import { selectScreen, selectStaffCall } from '../store/selectors';

/** On every screen: the way to a person is never more than one touch away, heard and seen. */
export function CallStaffButton() {
  const t = useT();
  const api = useApi();
  const { tone, speech } = useVoice();
  const screen = useKioskStore(selectScreen);
  const staffCall = useKioskStore(selectStaffCall);
  const locale = useKioskStore((s) => s.locale);
  const setStaffCall = useKioskStore((s) => s.setStaffCall);
  const [failed, setFailed] = useState(false);

  const call = async () => {
    tone.staffCall();
    const reason = screen === 'face' || screen === 'other-ways' ? 'face-failed' : screen === 'problem' ? 'payment-problem' : 'help';
    const result = await api.callStaff({ reason, screen });
    setFailed(!result.ok);
    if (result.ok) setStaffCall(result.value);
    speech.say(
      !result.ok ? t('staff.failed') : result.value.delivered ? t('staff.banner') : t('staff.unreached', { ticket: result.value.ticket }),
      locale,
    );
  };

  return (
    <div className="staff-call">
      <button type="button" className="button button--staff" onClick={() => void call()}>
        {t('common.callStaff')}
      </button>
      <p className="staff-call__status" role="status" aria-live="polite">
        {staffCall
          ? t(staffCall.delivered ? 'staff.called' : 'staff.unreached', { ticket: staffCall.ticket })
          : failed
            ? t('staff.failed')
            : ''}
      </p>
    </div>
  );
}
