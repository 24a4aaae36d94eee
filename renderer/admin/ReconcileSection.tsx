import { useState } from 'react';
import type { ReconcileReport } from '../api/counter';
import { yuan } from '../components/money';
import { useCounterApi } from '../flows/useCounter';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectAdminToken } from '../store/selectors';

/** End-of-day reconciliation (3201): per group the verdict, and the engine's explanation in words. */
export function ReconcileSection() {
  const t = useT();
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    if (!adminToken) return;
    const result = await api.reconcileDay({ adminToken });
    setBusy(false);
    setReport(result.ok ? result.value : null);
    setMessage(result.ok ? '' : result.error.message);
  };
  return (
    <div className="admin__section">
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
        {busy ? t('common.working') : t('admin.reconcileRun')}
      </button>
      {message ? <p role="alert">{message}</p> : null}
      {report ? (
        <div className="report" data-testid="reconcile-report">
          <p className="screen__lead">{report.day}</p>
          <p className="screen__text">{report.explanation}</p>
          {report.unresolved > 0 ? <p className="screen__text--warn">{t('admin.reconcileUnresolved', { n: report.unresolved })}</p> : null}
          <ul>
            {report.groups.map((g, i) => (
              <li key={i}>
                {t('admin.reconcileGroup', {
                  insutype: g.insutype,
                  clrType: g.clrType,
                  count: g.count,
                  total: yuan(g.medfeeFen),
                  fund: yuan(g.fundFen),
                  account: yuan(g.accountFen),
                })}{' '}
                — <strong>{g.verdict === 'balanced' ? t('admin.verdict.balanced') : t('admin.verdict.other')}</strong>
                {g.platformSays ? ` (${g.platformSays})` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
