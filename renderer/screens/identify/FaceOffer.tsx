import { useState } from 'react';
import { useApi } from '../../app/apiContext';
import { useT } from '../../i18n';
import { useVoice } from '../../speech/voiceContext';
import { useKioskStore } from '../../store';

/** A person, asked from the face step: the same call as the footer's 呼叫工作人员, with the face step as its reason. */
export function StaffHelpButton({ className = 'button button--secondary' }: { className?: string }) {
  const t = useT();
  const api = useApi();
  const { tone, speech } = useVoice();
  const locale = useKioskStore((s) => s.locale);
  const setStaffCall = useKioskStore((s) => s.setStaffCall);
  const [calling, setCalling] = useState(false);
  const callStaff = async () => {
    setCalling(true);
    tone.staffCall();
    const result = await api.callStaff({ reason: 'face-failed', screen: 'face' });
    setCalling(false);
    if (result.ok) setStaffCall(result.value);
    speech.say(
      !result.ok ? t('staff.failed') : result.value.delivered ? t('staff.banner') : t('staff.unreached', { ticket: result.value.ticket }),
      locale,
    );
  };
  return (
    <button type="button" className={className} disabled={calling} onClick={() => void callStaff()}>
      {t('face.offer.staff')}
    </button>
  );
}

/**
 * After the first miss: the way around the gesture. The last four ID digits instead of motion
 * (checked by the face service, never by this page), or a person. The camera keeps looking, so a
 * blink or nod made meanwhile still counts.
 */
export function FaceOffer({ onDigits, waived }: { onDigits: () => void; waived: boolean }) {
  const t = useT();
  return (
    <>
      <p className="screen__text face-offer__text">{t('face.offer.text')}</p>
      <button type="button" className="button button--primary" disabled={waived} onClick={onDigits}>
        {t('face.offer.digits')}
      </button>
      <StaffHelpButton />
    </>
  );
}
