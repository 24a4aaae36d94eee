import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectPerson, selectStayNo } from '../../store/selectors';
import { useCounter } from '../useCounter';

/**
 * Admission (2401) of the stay the hospital system records, with its admission diagnoses. The
 * desk types a diagnosis only when the hospital system has none (the engine uses the doctor's
 * record whenever there is one): both fields or neither.
 */
export function AdmitScreen() {
  const t = useT();
  const { api, run } = useCounter();
  const person = useKioskStore(selectPerson);
  const stayNo = useKioskStore(selectStayNo);
  const goTo = useKioskStore((s) => s.goTo);
  const [diagCode, setDiagCode] = useState('');
  const [diagName, setDiagName] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [code, name] = [diagCode.trim(), diagName.trim()];
    if (!person || !stayNo || !code !== !name || busy) return;
    setBusy(true);
    const typed = code && name ? { diagCode: code, diagName: name } : {};
    const answer = await run(api.admitInpatient({ personRef: person.personRef, stayNo, ...typed }), 'admit');
    setBusy(false);
    if (answer) useKioskStore.getState().setAdmission(answer);
  };
  return (
    <ScreenFrame name="admit" title={t('admit.title')} back={() => goTo('stays')}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="screen__text">{t('admit.hint')}</p>
        <Field label={t('admit.code')} value={diagCode} onChange={(e) => setDiagCode(e.target.value)} autoFocus />
        <Field label={t('admit.name')} value={diagName} onChange={(e) => setDiagName(e.target.value)} />
        <div className="screen__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.working') : t('admit.submit')}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
