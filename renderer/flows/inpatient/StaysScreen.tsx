import { useEffect, useState } from 'react';
import type { InpatientStayView } from '../../../shared/types/settlement';
import { STAY_NO } from '../../components/keypadSpec';
import { NumberField } from '../../components/NumberField';
import { ScreenFrame } from '../../components/ScreenFrame';
import { ScrollBox } from '../../components/ScrollBox';
import { formatDay } from '../../format/dateTime';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectLocale, selectPerson } from '../../store/selectors';
import { useCounter } from '../useCounter';

/**
 * The desk picks the patient's stay from the hospital system (or types the number from the
 * admission papers), then registers the admission or settles the discharge. The engine checks
 * the stay belongs to this patient; a typed number that is not among the patient's stays the
 * hospital system listed is said to be so here, with the field to correct it, rather than sent
 * on to come back as a hospital-system failure. If the list could not be had, the engine decides.
 */
export function StaysScreen() {
  const t = useT();
  const { api, toQuote } = useCounter();
  const person = useKioskStore(selectPerson);
  const locale = useKioskStore(selectLocale);
  const chooseStay = useKioskStore((s) => s.chooseStay);
  const goTo = useKioskStore((s) => s.goTo);
  // Back from "not found" (the problem screen's 重新输入住院号): the number typed, to correct rather than retype.
  const [stayNo, setStayNo] = useState(() => useKioskStore.getState().stayNo ?? '');
  const [busy, setBusy] = useState(false);
  const [stays, setStays] = useState<InpatientStayView[] | null>(null);
  const [listed, setListed] = useState(false);
  const [unknownStay, setUnknownStay] = useState<string | null>(null);
  useEffect(() => {
    if (!person) return undefined;
    let live = true;
    void api.listInpatientStays({ personRef: person.personRef }).then((answer) => {
      if (!live) return;
      setStays(answer.ok ? answer.value : []);
      setListed(answer.ok);
    });
    return () => {
      live = false;
    };
  }, [api, person]);
  const ready = stayNo.trim().length > 0 && !busy;
  /** False (and the reason shown) when the HIS listed this patient's stays and the number is not one of them. */
  const known = () => {
    const typed = stayNo.trim();
    const ok = !listed || (stays ?? []).some((stay) => stay.stayNo === typed);
    setUnknownStay(ok ? null : typed);
    return ok;
  };
  const admit = () => {
    if (!known()) return;
    chooseStay(stayNo.trim());
    goTo('admit');
  };
  const discharge = async () => {
    if (!person || !ready || !known()) return;
    setBusy(true);
    chooseStay(stayNo.trim());
    await toQuote(api.prepareDischarge({ personRef: person.personRef, stayNo: stayNo.trim() }), 'stays');
    setBusy(false);
  };
  return (
    <ScreenFrame name="stays" title={t('stays.title')} back={() => goTo('is-this-you')}>
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
                onClick={() => {
                  setStayNo(stay.stayNo);
                  setUnknownStay(null);
                }}
              >
                <span>{stay.stayNo}</span>
                <span>{t('stays.line', { dept: stay.deptName, bed: stay.bed, date: formatDay(stay.admittedOn, locale) })}</span>
              </button>
            ))}
          </ScrollBox>
        ) : null}
        <NumberField
          label={t('stays.stayNo')}
          spec={STAY_NO}
          value={stayNo}
          onValueChange={(value) => {
            setStayNo(value);
            setUnknownStay(null);
          }}
          autoFocus
        />
        {unknownStay ? (
          <p className="screen__text screen__text--warn" role="alert">
            {t('stays.notFound', { stayNo: unknownStay })}
          </p>
        ) : null}
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
