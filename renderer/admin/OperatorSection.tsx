import { useState, type FormEvent } from 'react';
import { PIN } from '../components/keypadSpec';
import { NumberField } from '../components/NumberField';
import { FormActions } from '../components/FormActions';
import { useCounterApi } from '../flows/useCounter';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectAdminToken, selectAppInfo, selectOperatorId } from '../store/selectors';
import { useOperatorFromMain } from '../hooks/useOperatorFromMain';
import { adminErrorText } from './adminError';

/**
 * Who runs this counter. Main keeps the sign-in (a reload or restart keeps it until sign-out
 * or the platform day turns) and names the operator to the platform: the page only asks for
 * the operator's own PIN and shows what main answers. Staff-run modes stay closed until one of
 * the configured operators is signed in; signing out also signs them out of the platform (9002).
 */
export function OperatorSection() {
  const t = useT();
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const info = useKioskStore(selectAppInfo);
  const operatorId = useKioskStore(selectOperatorId);
  const setOperator = useKioskStore((s) => s.setOperatorFromMain);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  useOperatorFromMain();
  if (!adminToken || !info) return null;
  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !pin || busy) return;
    setBusy(true);
    const result = await api.signInOperator({ adminToken, operatorId: chosen, pin });
    setBusy(false);
    setPin('');
    if (!result.ok) return setMessage(result.error.code === 'NOT_AUTHORISED' ? t('admin.signInRefused') : adminErrorText(t, result.error));
    setMessage('');
    setChosen(null);
    setOperator(result.value.operator);
  };
  const signOut = async () => {
    const result = await api.signOutOperator({ adminToken });
    setMessage(result.ok ? '' : adminErrorText(t, result.error));
    if (result.ok) setOperator(null);
  };
  const back = () => {
    setChosen(null);
    setPin('');
    setMessage('');
  };
  const name = (id: string) => info.operators.find((op) => op.id === id)?.name ?? '';
  return (
    <div className="admin__section">
      <p className="screen__lead" role="status">
        {operatorId ? t('admin.signedIn', { id: operatorId }) : t('admin.notSignedIn')}
      </p>
      {/* Not the terminal's platform sign-in (9001, automatic): diagnostics lists both, apart. */}
      <p className="screen__text">{t('adm.operatorNote')}</p>
      {operatorId ? (
        <button type="button" className="button button--secondary" onClick={() => void signOut()}>
          {t('admin.signOut')}
        </button>
      ) : chosen ? (
        <form className="form" onSubmit={(e) => void signIn(e)}>
          <p className="screen__text">
            {chosen} {name(chosen)}
          </p>
          <NumberField label={t('admin.operatorPin')} spec={PIN} value={pin} onValueChange={setPin} autoFocus />
          <FormActions busy={busy} submitLabel={t('admin.signIn')} onBack={back} />
        </form>
      ) : (
        <div className="choices">
          {info.operators.map((op) => (
            <button key={op.id} type="button" className="button button--primary" onClick={() => setChosen(op.id)}>
              {t('admin.signIn')} {op.id} {op.name}
            </button>
          ))}
        </div>
      )}
      {message ? (
        <p className="screen__text screen__text--warn" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
