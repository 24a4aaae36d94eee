import { useState } from 'react';
import { Field } from '../../components/Field';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectPerson } from '../../store/selectors';
import { useCounter } from '../useCounter';

/**
 * The desk types the stay number from the admission papers, then registers the admission with
 * the platform or settles the discharge. The engine checks the stay belongs to this patient.
 */
export function StaysScreen() {
  const t = useT();
  const { api, toQuote } = useCounter();
  const person = useKioskStore(selectPerson);
  const chooseStay = useKioskStore((s) => s.chooseStay);
  const goTo = useKioskStore((s) => s.goTo);
  const [stayNo, setStayNo] = useState('');
  const [busy, setBusy] = useState(false);
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
        <Field label={t('stays.stayNo')} value={stayNo} onChange={(e) => setStayNo(e.target.value)} autoFocus />
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
