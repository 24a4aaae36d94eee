import { useState } from 'react';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectMode, selectPerson, selectProblem } from '../../store/selectors';
import { problemSteps, type ProblemAction } from './problemSteps';

/**
 * Any failure: what happened in plain words (the engine's, with what the screen knows: nothing
 * was charged, the booking was refused), its reference, what to do next, and that next step as a
 * button: 重新支付 after a payment known not to have happened, 重新选择, 再试一次, another way in
 * (before anyone is identified). 上一步 and 结束 are the frame's; calling staff is in the footer.
 */
export function ProblemScreen() {
  const t = useT();
  const { api, toQuote, afterIdentity } = useCounter();
  const problem = useKioskStore(selectProblem);
  const person = useKioskStore(selectPerson);
  const mode = useKioskStore(selectMode);
  const goTo = useKioskStore((s) => s.goTo);
  const [busy, setBusy] = useState(false);
  if (!problem) return null;
  const steps = problemSteps(problem, mode, person !== null);
  const said = 'text' in steps.lines ? steps.lines.text : t(steps.lines.key);
  const extra = steps.extra.map((key) => t(key));

  /** A new attempt: a new quote for the same choice where the screen can ask for it, else the choice again. */
  const payAgain = async () => {
    const s = useKioskStore.getState();
    if (!s.person || busy) return;
    setBusy(true);
    const { personRef } = s.person;
    const reg = s.registration;
    const slot = reg
      ? s.slots.find((x) => x.deptName === reg.deptName && x.doctorName === reg.doctorName && x.date === reg.date && x.period === reg.period)
      : undefined;
    if (mode === 'registration' && slot) await toQuote(api.prepareRegistration({ personRef, slotId: slot.slotId }), 'slots');
    else if (mode === 'inpatient' && s.stayNo) await toQuote(api.prepareDischarge({ personRef, stayNo: s.stayNo }), 'stays');
    else if (mode === 'cashier' && s.billIds.length > 0) await toQuote(api.prepareOutpatientSettlement({ personRef, billIds: s.billIds }), 'bills');
    else if (mode === 'pharmacy') await afterIdentity('pharmacy');
    else goTo(steps.back);
    setBusy(false);
  };
  const act: Record<ProblemAction, { label: string; run(): void }> = {
    'pay-again': { label: busy ? t('common.working') : t('problem.payAgain'), run: () => void payAgain() },
    'choose-again': { label: t('problem.chooseAgain'), run: () => goTo('slots') },
    'retype-stay': { label: t('problem.retypeStay'), run: () => goTo('stays') },
    retry: { label: t('problem.retry'), run: () => problem.retryScreen && goTo(problem.retryScreen) },
    'other-ways': { label: t('problem.otherWays'), run: () => goTo('other-ways') },
  };
  return (
    <ScreenFrame name="problem" title={t('problem.title')} spoken={[said, ...extra].join('')} back={() => goTo(steps.back)}>
      <p className="screen__lead" role="alert">
        {said}
      </p>
      {extra.map((line) => (
        <p key={line} className="screen__text">
          {line}
        </p>
      ))}
      {problem.error.reference ? <p className="screen__text">{t('problem.reference', { reference: problem.error.reference })}</p> : null}
      {steps.actions.length > 0 ? (
        <div className="screen__actions">
          {steps.actions.map((action) => (
            <button key={action} type="button" className="button button--primary" disabled={busy} onClick={act[action].run}>
              {act[action].label}
            </button>
          ))}
        </div>
      ) : null}
    </ScreenFrame>
  );
}
