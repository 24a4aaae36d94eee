import { useState } from 'react';
import { useCounterApi } from '../flows/useCounter';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectAdminToken, selectAppInfo, selectOperatorId } from '../store/selectors';

/**
 * Who runs this counter: staff-run modes stay closed until one of the configured operators is
 * signed in here. Signing out also signs the terminal out of the platform (9002).
 */
export function OperatorSection() {
  const t = useT();
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const info = useKioskStore(selectAppInfo);
  const operatorId = useKioskStore(selectOperatorId);
  const update = useKioskStore((s) => s.updateSettings);
  const [message, setMessage] = useState('');
  if (!adminToken || !info) return null;
  const signOut = async () => {
    const result = await api.signOutOperator({ adminToken });
    setMessage(result.ok ? '' : result.error.message);
    if (result.ok) update({ operatorId: null });
  };
  return (
    <div className="admin__section">
      <p className="screen__lead" role="status">
        {operatorId ? t('admin.signedIn', { id: operatorId }) : t('admin.notSignedIn')}
      </p>
      {operatorId ? (
        <button type="button" className="button button--secondary" onClick={() => void signOut()}>
          {t('admin.signOut')}
        </button>
      ) : (
        <div className="choices">
          {info.operators.map((op) => (
            <button key={op.id} type="button" className="button button--primary" onClick={() => update({ operatorId: op.id })}>
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
