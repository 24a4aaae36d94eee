import { useEffect, useState } from 'react';
import { yuan } from '../../components/money';
import { ScreenFrame } from '../../components/ScreenFrame';
import { ScrollBox } from '../../components/ScrollBox';
import { formatDay } from '../../format/dateTime';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectDepartment, selectLocale, selectPerson, selectSlots } from '../../store/selectors';
import { useCounter } from '../useCounter';

/**
 * Second decision: the doctor and session. Choosing books the place and asks for the fee's split.
 * The places are asked again whenever the screen opens (after 重新选择 on a full or booked session,
 * after 上一步 from the confirmation): the list shown meanwhile is the last one, replaced when the
 * hospital system answers; if it does not, the last one stands and a stale choice is refused there.
 */
export function SlotsScreen() {
  const t = useT();
  const { api, toQuote } = useCounter();
  const slots = useKioskStore(selectSlots);
  const department = useKioskStore(selectDepartment);
  const person = useKioskStore(selectPerson);
  const locale = useKioskStore(selectLocale);
  const goTo = useKioskStore((s) => s.goTo);
  const [busy, setBusy] = useState(false);
  const shown = slots.filter((s) => s.deptName === department && s.remaining > 0);
  useEffect(() => {
    const { generation } = useKioskStore.getState();
    let live = true;
    void api.listRegistrationSlots({}).then((result) => {
      const s = useKioskStore.getState();
      if (live && result.ok && s.generation === generation) s.setSlots(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const choose = async (slotId: number) => {
    if (!person || busy) return;
    setBusy(true);
    await toQuote(api.prepareRegistration({ personRef: person.personRef, slotId }), 'slots');
    setBusy(false);
  };
  return (
    <ScreenFrame name="slots" title={t('slots.title')} back={() => goTo('departments')}>
      <p className="screen__lead">{department}</p>
      {shown.length === 0 ? <p className="screen__text">{t('slots.none')}</p> : null}
      <ScrollBox label={t('slots.title')} className="choices choices--list">
        {shown.map((slot) => (
          <button key={slot.slotId} type="button" className="button button--choice button--row" disabled={busy} onClick={() => void choose(slot.slotId)}>
            <span className="row__main">
              {slot.doctorName} {slot.doctorTitle}
            </span>
            <span>
              {formatDay(slot.date, locale)} {t(slot.period === 'PM' ? 'period.PM' : 'period.AM')}
            </span>
            <span>{t('slots.fee', { fee: yuan(slot.feeFen) })}</span>
            <span>{t('slots.remaining', { n: slot.remaining })}</span>
          </button>
        ))}
      </ScrollBox>
    </ScreenFrame>
  );
}
