import { useState } from 'react';
import { yuan } from '../../components/money';
import { ScreenFrame } from '../../components/ScreenFrame';
import { ScrollBox } from '../../components/ScrollBox';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectDepartment, selectPerson, selectSlots } from '../../store/selectors';
import { useCounter } from '../useCounter';

/** Second decision: the doctor and session. Choosing books the place and asks for the fee's split. */
export function SlotsScreen() {
  const t = useT();
  const { api, toQuote } = useCounter();
  const slots = useKioskStore(selectSlots);
  const department = useKioskStore(selectDepartment);
  const person = useKioskStore(selectPerson);
  const goTo = useKioskStore((s) => s.goTo);
  const [busy, setBusy] = useState(false);
  const shown = slots.filter((s) => s.deptName === department && s.remaining > 0);
  const choose = async (slotId: number) => {
    if (!person || busy) return;
    setBusy(true);
    await toQuote(api.prepareRegistration({ personRef: person.personRef, slotId }), 'slots');
    setBusy(false);
  };
  return (
    <ScreenFrame name="slots" title={t('slots.title')}>
      <p className="screen__lead">{department}</p>
      <ScrollBox label={t('slots.title')} className="choices choices--list">
        {shown.map((slot) => (
          <button key={slot.slotId} type="button" className="button button--choice button--row" disabled={busy} onClick={() => void choose(slot.slotId)}>
            <span className="row__main">
              {slot.doctorName} {slot.doctorTitle}
            </span>
            <span>
              {slot.date} {t(slot.period === 'PM' ? 'period.PM' : 'period.AM')}
            </span>
            <span>{t('slots.fee', { fee: yuan(slot.feeFen) })}</span>
            <span>{t('slots.remaining', { n: slot.remaining })}</span>
          </button>
        ))}
      </ScrollBox>
      <button type="button" className="button button--secondary" onClick={() => goTo('departments')}>
        {t('common.back')}
      </button>
    </ScreenFrame>
  );
}
