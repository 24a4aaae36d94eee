import { useEffect, useState } from 'react';
import type { InpatientStayView } from '../../../shared/types/settlement';
import { STAY_NO } from '../../components/keypadSpec';
import { NumberField } from '../../components/NumberField';
import { ScreenFrame } from '../../components/ScreenFrame';
import { ScrollBox } from '../../components/ScrollBox';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectPerson } from '../../store/selectors';
import { useCounter } from '../useCounter';

/**
 * The desk picks the patient's stay from the hospital system (or types the number from the
 * admission papers), then registers the admission or settles the discharge. The engine checks
 * the stay belongs to this patient.
 */
export function StaysScreen() {
  const t = useT();
  const { api, toQuote } = useCounter();
  const person = useKioskStore(selectPerson);
  const chooseStay = useKioskStore((s) => s.chooseStay);
  const goTo = useKioskStore((s) => s.goTo);
  const [stayNo, setStayNo] = useState('');
  const [busy, setBusy] = useState(false);
  const [stays, setStays] = useState<InpatientStayView[] | null>(null);
  useEffect(() => {
    if (!person) return undefined;
    let live = true;
    void api.listInpatientStays({ personRef: person.personRef }).then((answer) => {
      if (live) setStays(answer.ok ? answer.value : []);
    });
    return () => {
      live = false;
    };
  }, [api, person]);
  const ready = stayNo.trim().length > 0 && !busy;
  const admit = () => {
    chooseStay(stayNo.trim());
    goTo('admit');
  };
  const discharge = async () => {
    if (!person || !ready) return;
    setBusy(true);
    chooseStay(stayNo.trim());
    await toQuote(api.prepareDischarge({ personRef: person.personRef, stayNo: stayNo.trim() }), 'stays');
    setBusy(false);
  };
  return (
    <ScreenFrame name="stays" title={t('stays.title')}>
      <div className="form">
        {stays?.length === 0 ? <p className="screen__text">{t('stays.none')}</p> : null}
        {stays?.length ? (
          <ScrollBox label={t('stays.title')} className="choices choices--list">
            {stays.map((stay) => (
              <button
                key={stay.stayNo}
                type="button"
                className="button button--row"
                aria-pressed={stayNo === stay.stayNo}
                onClick={() => setStayNo(stay.stayNo)}
              >
                <span>{stay.stayNo}</span>
                <span>{t('stays.line', { dept: stay.deptName, bed: stay.bed, date: stay.admittedOn })}</span>
              </button>
            ))}
          </ScrollBox>
        ) : null}
        <NumberField label={t('stays.stayNo')} spec={STAY_NO} value={stayNo} onValueChange={setStayNo} autoFocus />
        <div className="screen__actions">
          <button type="button" className="button button--primary" disabled={!ready} onClick={admit}>
            {t('stays.admit')}
          </button>
          <button type="button" className="button button--primary" disabled={!ready} onClick={() => void discharge()}>
            {busy ? t('common.working') : t('stays.discharge')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}
