import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { askRelative, identifiedByStaffWay, relativeState, stopAskingRelative, useRelativeStore } from './relative';

/** This visit's 由家人刷脸付款 state, re-read when either store changes (a reset makes it empty). */
function useRelative() {
  const state = useRelativeStore((s) => s);
  useKioskStore((s) => s.generation);
  return relativeState(state);
}

/**
 * 由家人刷脸付款 on "is this you?" (issue 15): for a patient identified by card or a staff-typed ID
 * number, a relative pays by identifying with their own face or QR code. A patient identified by
 * face or QR has 为家人办理 instead (FamilyButton), which starts from the relative's side.
 */
export function RelativePayButton({ disabled }: { disabled?: boolean }) {
  const t = useT();
  const { identifiedVia } = useRelative();
  if (!identifiedByStaffWay(identifiedVia)) return null;
  return (
    <button type="button" className="button button--secondary button--huge" disabled={disabled} onClick={askRelative}>
      {t('family.relative.pay')}
    </button>
  );
}

/** Main refused the last relative: why, and (in main's words) what to do instead; the patient's own buttons stay below. */
export function RelativeRefusal() {
  const t = useT();
  const { refusal } = useRelative();
  if (!refusal) return null;
  return (
    <p className="screen__lead screen__lead--warn" role="alert" data-testid="relative-refusal">
      {t('family.relative.refused', { why: refusal })}
    </p>
  );
}

/** While the patient waits for a relative: every screen of the relative's identification says whom they pay for, with the way back. */
export function RelativeWaitingBanner() {
  const t = useT();
  const { waiting } = useRelative();
  if (!waiting) return null;
  return (
    <div className="family-banner family-banner--relative" role="status" data-testid="relative-banner">
      <span>{t('family.relative.banner', { name: waiting.maskedName })}</span>
      <button type="button" className="button button--quiet family-banner__stop" onClick={stopAskingRelative}>
        {t('family.relative.stop')}
      </button>
    </div>
  );
}
