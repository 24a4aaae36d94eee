import { useState } from 'react';
import type { ReconcileGroup, ReconcileProblem } from '../../shared/types/settlement';
import type { ReconcileReport } from '../api/counter';
import { yuan } from '../components/money';
import { useCounterApi } from '../flows/useCounter';
import { useT, type MessageKey } from '../i18n';
import { useKioskStore } from '../store';
import { selectAdminToken, selectLocale } from '../store/selectors';
import { formatDay, formatDayTime } from '../format/dateTime';
import { adminErrorText } from './adminError';
import { cashFen, clrTypeName, dayTotals, insutypeName } from './reconcileWords';
import { download } from './download';
import { OrphanList } from './OrphanList';

const VERDICT: Record<ReconcileGroup['verdict'], MessageKey> = {
  balanced: 'adm.rec.verdict.balanced',
  problems: 'adm.rec.verdict.problems',
  unchecked: 'adm.rec.verdict.unchecked',
};
const PROBLEM: Record<ReconcileProblem['kind'], MessageKey> = {
  'only-on-terminal': 'admin.problem.onlyOnTerminal',
  'amounts-differ': 'admin.problem.amountsDiffer',
  'platform-differs': 'admin.problem.platformDiffers',
};

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
  const locale = useKioskStore(selectLocale);
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  if (!adminToken) return null;
  const totals = dayTotals(report?.groups ?? []);
  const run = async () => {
    setBusy(true);
    const result = await api.reconcileDay({ adminToken });
    setBusy(false);
    setReport(result.ok ? result.value : null);
    setMessage(result.ok ? '' : adminErrorText(t, result.error));
  };
  const exportCsv = async () => {
    const result = await api.exportDayCsv({ adminToken, ...(report ? { day: report.day } : {}) });
    if (result.ok) download(result.value.filename, result.value.csv);
    setMessage(result.ok ? t('admin.reconcileExported', { n: result.value.count, total: yuan(result.value.medfeeFen) }) : adminErrorText(t, result.error));
  };
  const reversed = (msgid: string) => setReport((r) => (r ? { ...r, orphans: r.orphans.filter((o) => o.msgid !== msgid) } : r));
  return (
    <div className="admin__section">
      <div className="choices">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
          {busy ? t('common.working') : t('admin.reconcileRun')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void exportCsv()}>
          {t('adm.rec.export')}
        </button>
      </div>
      {message ? <p role="alert">{message}</p> : null}
      {report ? (
        <div className="report" data-testid="reconcile-report">
          <p className="screen__lead">
            {t('adm.rec.day', { day: formatDay(report.day, locale) })} · <strong>{report.balanced ? t('admin.reconcileBalanced') : t('admin.reconcileNotBalanced')}</strong>
          </p>
          <p className="screen__text">{report.balanced ? t('adm.rec.balancedWhy') : t('adm.rec.notBalancedWhy')}</p>
          <p className="screen__text">{report.explanation}</p>
          {report.groups.length > 0 ? (
            <>
              <p className="screen__lead" data-testid="reconcile-totals">
                {t('adm.rec.total', { count: totals.count, total: yuan(totals.medfeeFen), fund: yuan(totals.fundFen), account: yuan(totals.accountFen), cash: yuan(totals.cashFen) })}
              </p>
              <p className="screen__text">{t('adm.rec.cashNote')}</p>
            </>
          ) : null}
          {report.otherTerminals > 0 ? <p className="screen__text">{t('admin.reconcileOthers', { n: report.otherTerminals })}</p> : null}
          {report.unresolved > 0 ? <p className="screen__text--warn">{t('admin.reconcileUnresolved', { n: report.unresolved })}</p> : null}
          <ul>
            {report.groups.map((g, i) => (
              <li key={i}>
                {t('adm.rec.group', {
                  insutype: insutypeName(t, g.insutype),
                  clrType: clrTypeName(t, g.clrType),
                  count: g.count,
                  total: yuan(g.medfeeFen),
                  fund: yuan(g.fundFen),
                  account: yuan(g.accountFen),
                  cash: yuan(cashFen(g)),
                })}{' '}
                — <strong>{t(VERDICT[g.verdict])}</strong>
                {g.detailProblem ? `（${g.detailProblem}）` : ''}
                <small>
                  {' '}
                  · {t('adm.rec.institution', { verdict: t(`adm.rec.totals.${g.totals}`) })}
                  {g.platformSays ? ` · ${t('adm.rec.platformSays', { says: g.platformSays })}` : ''}
                </small>
              </li>
            ))}
          </ul>
          {report.problems.length > 0 ? (
            <div data-testid="reconcile-problems">
              <p className="screen__lead">{t('admin.reconcileProblems')}</p>
              <ul>
                {report.problems.map((p) => (
                  <li key={`${p.setlId}-${p.kind}`}>
                    <strong>{t(PROBLEM[p.kind])}</strong> · {p.time ? formatDayTime(p.time, locale) : '—'} · {[p.maskedName, p.maskedPsnNo].filter(Boolean).join(' ')}
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
                    {p.time ? formatDayTime(p.time, locale) : '—'} · {[p.maskedName, p.maskedPsnNo].filter(Boolean).join(' ')} · {yuan(p.medfeeFen)} ·{' '}
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
