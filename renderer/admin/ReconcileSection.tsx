import { useState } from 'react';
import type { ReconcileGroup, ReconcileProblem } from '../../shared/types/settlement';
import type { ReconcileReport } from '../api/counter';
import { yuan } from '../components/money';
import { useCounterApi } from '../flows/useCounter';
import { useT, type MessageKey } from '../i18n';
import { useKioskStore } from '../store';
import { selectAdminToken } from '../store/selectors';
import { OrphanList } from './OrphanList';

const VERDICT: Record<ReconcileGroup['verdict'], MessageKey> = {
  balanced: 'admin.verdict.balanced',
  problems: 'admin.verdict.problems',
  unchecked: 'admin.verdict.unchecked',
};
const PROBLEM: Record<ReconcileProblem['kind'], MessageKey> = {
  'only-on-terminal': 'admin.problem.onlyOnTerminal',
  'amounts-differ': 'admin.problem.amountsDiffer',
  'platform-differs': 'admin.problem.platformDiffers',
};

/** The browser's own download: in the kiosk shell it asks where to save (e.g. a USB stick). */
function download(filename: string, text: string) {
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * End-of-day reconciliation of THIS terminal: whether its own settlements agree with the
 * platform's records of them (other terminals' and counters' settlements counted apart), what
 * differs, and the orphans staff may reverse. The institution's totals are the finance
 * office's: they get this terminal's day as CSV.
 */
export function ReconcileSection() {
  const t = useT();
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  if (!adminToken) return null;
  const run = async () => {
    setBusy(true);
    const result = await api.reconcileDay({ adminToken });
    setBusy(false);
    setReport(result.ok ? result.value : null);
    setMessage(result.ok ? '' : result.error.message);
  };
  const exportCsv = async () => {
    const result = await api.exportDayCsv({ adminToken, ...(report ? { day: report.day } : {}) });
    if (result.ok) download(result.value.filename, result.value.csv);
    setMessage(result.ok ? t('admin.reconcileExported', { n: result.value.count, total: yuan(result.value.medfeeFen) }) : result.error.message);
  };
  const reversed = (msgid: string) => setReport((r) => (r ? { ...r, orphans: r.orphans.filter((o) => o.msgid !== msgid) } : r));
  return (
    <div className="admin__section">
      <div className="choices">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
          {busy ? t('common.working') : t('admin.reconcileRun')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void exportCsv()}>
          {t('admin.reconcileExport')}
        </button>
      </div>
      {message ? <p role="alert">{message}</p> : null}
      {report ? (
        <div className="report" data-testid="reconcile-report">
          <p className="screen__lead">
            {report.day} · <strong>{report.balanced ? t('admin.reconcileBalanced') : t('admin.reconcileNotBalanced')}</strong>
          </p>
          <p className="screen__text">{report.explanation}</p>
          {report.otherTerminals > 0 ? <p className="screen__text">{t('admin.reconcileOthers', { n: report.otherTerminals })}</p> : null}
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
                — <strong>{t(VERDICT[g.verdict])}</strong>
                {g.detailProblem ? ` (${g.detailProblem})` : ''}
                {g.platformSays ? <small> · {t('admin.reconcileInstitution', { says: g.platformSays })}</small> : null}
              </li>
            ))}
          </ul>
          {report.problems.length > 0 ? (
            <div data-testid="reconcile-problems">
              <p className="screen__lead">{t('admin.reconcileProblems')}</p>
              <ul>
                {report.problems.map((p) => (
                  <li key={`${p.setlId}-${p.kind}`}>
                    <strong>{t(PROBLEM[p.kind])}</strong> · {p.time ?? '—'} · {[p.maskedName, p.maskedPsnNo].filter(Boolean).join(' ')}
                    {p.refund ? ` · ${t('admin.refund')}` : ''} ·{' '}
                    {t('admin.reconcileAmounts', {
                      terminal: p.terminal ? yuan(p.terminal.medfeeFen) : '—',
                      platform: p.platform ? yuan(p.platform.medfeeFen) : '—',
                    })}{' '}
                    · {t('admin.orphanRefs', { setlId: p.setlId, msgid: p.msgid || '—' })}
                    {p.platformSays ? ` · ${p.platformSays}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {report.pending.length > 0 ? (
            <div data-testid="reconcile-pending">
              <p className="screen__lead">{t('admin.reconcilePending')}</p>
              <ul>
                {report.pending.map((p) => (
                  <li key={p.msgid}>
                    {p.time ?? '—'} · {[p.maskedName, p.maskedPsnNo].filter(Boolean).join(' ')} · {yuan(p.medfeeFen)} ·{' '}
                    {t('admin.orphanRefs', { setlId: p.setlId, msgid: p.msgid })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <OrphanList orphans={report.orphans} onReversed={reversed} />
        </div>
      ) : null}
    </div>
  );
}
