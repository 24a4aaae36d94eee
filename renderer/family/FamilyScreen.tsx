import { useEffect, useState } from 'react';
import type { FamilyMemberView } from '../../shared/types/settlement';
import { ScreenFrame } from '../components/ScreenFrame';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { useFamily } from './useFamily';
import './family.css';

type Shown = { state: 'loading' } | { state: 'listed'; members: FamilyMemberView[] } | { state: 'failed'; why: string };

/**
 * The payer's bound family, masked, with what each is to them and whether the payer's account may
 * pay for them (共济). One touch acts for a member. Nobody bound, or the family not available for
 * this way in, is said in plain words with the way back to acting for oneself.
 */
export function FamilyScreen() {
  const t = useT();
  const { list, actFor, backToSelf } = useFamily();
  const cached = useKioskStore((s) => s.family);
  const [shown, setShown] = useState<Shown>(cached ? { state: 'listed', members: cached } : { state: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [actError, setActError] = useState('');
  useEffect(() => {
    if (cached) return;
    let live = true;
    void list().then((answer) => {
      if (!live || !answer) return;
      setShown('error' in answer ? { state: 'failed', why: answer.error.message } : { state: 'listed', members: answer.members });
    });
    return () => {
      live = false;
    };
    // Listed once per visit to this screen: the store keeps the answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const choose = async (member: FamilyMemberView) => {
    if (busy) return;
    setBusy(member.memberRef);
    setActError('');
    const error = await actFor(member);
    setBusy(null);
    if (error) setActError(t('family.actFailed', { why: error.message }));
  };
  const members = shown.state === 'listed' ? shown.members : [];
  const none = shown.state === 'listed' && members.length === 0;
  const said = shown.state === 'failed' ? t('family.failed', { why: shown.why }) : none ? t('family.none') : t('family.lead');
  return (
    <ScreenFrame name="family" title={t('family.title')} spoken={shown.state === 'loading' ? t('family.title') : `${t('family.title')}。${said}`} back={backToSelf}>
      {shown.state === 'loading' ? (
        <p className="screen__text">{t('common.working')}</p>
      ) : (
        <p className={shown.state === 'listed' && !none ? 'screen__text' : 'screen__lead screen__lead--plain'} role={shown.state === 'failed' ? 'alert' : undefined} data-testid="family-lead">
          {said}
        </p>
      )}
      {members.length > 0 ? (
        <div className="choices choices--list family__members">
          {members.map((member) => (
            <button
              key={member.memberRef}
              type="button"
              className="button button--row family__member"
              disabled={busy !== null}
              data-testid="family-member"
              onClick={() => void choose(member)}
            >
              <span className="row__main">{t('family.member', { name: member.maskedName, relation: member.relation })}</span>
              <span className="family__aid">{busy === member.memberRef ? t('common.working') : t(member.canMutualAid ? 'family.canAid' : 'family.noAid')}</span>
            </button>
          ))}
        </div>
      ) : null}
      {actError ? (
        <p className="screen__text screen__text--warn" role="alert">
          {actError}
        </p>
      ) : null}
      {shown.state !== 'loading' && members.length === 0 ? (
        <div className="screen__actions">
          <button type="button" className="button button--primary button--huge" onClick={backToSelf}>
            {t('family.back')}
          </button>
        </div>
      ) : null}
    </ScreenFrame>
  );
}
