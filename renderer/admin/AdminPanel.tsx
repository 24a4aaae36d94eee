import { useState } from 'react';
import { ScreenFrame } from '../components/ScreenFrame';
import { ScrollBox } from '../components/ScrollBox';
import { useCounterApi } from '../flows/useCounter';
import { useT, type MessageKey } from '../i18n';
import { useKioskStore } from '../store';
import { selectAdminToken, selectAppInfo } from '../store/selectors';
import { AdminPin } from './AdminPin';
import { ConfigSection } from './ConfigSection';
import { DemoEnrolSection } from './DemoEnrolSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { MetricsSection } from './MetricsSection';
import { OperatorSection } from './OperatorSection';
import { ReconcileSection } from './ReconcileSection';
import { ReprintSection } from './ReprintSection';
import { StatusSummary } from './StatusSummary';
import { UnresolvedSection } from './UnresolvedSection';
import { useDiagnostics } from './useDiagnostics';
import { adminErrorText } from './adminError';

const SECTIONS = ['config', 'operator', 'reconcile', 'unresolved', 'reprint', 'diagnostics', 'metrics', 'demo'] as const;
type Section = (typeof SECTIONS)[number];
const LABELS: Record<Section, MessageKey> = {
  config: 'admin.config',
  operator: 'admin.operator',
  reconcile: 'admin.reconcile',
  unresolved: 'admin.unresolved',
  reprint: 'admin.reprint',
  diagnostics: 'admin.diagnostics',
  metrics: 'adm.metrics.tab',
  demo: 'admin.demo',
};

/** Terminal administration, behind the admin PIN. Leaving it drops the token. */
export function AdminPanel() {
  const adminToken = useKioskStore(selectAdminToken);
  if (!adminToken) return <AdminPin />;
  return <UnlockedPanel adminToken={adminToken} />;
}

/** The panel itself: the terminal's status first, then the tabs, the way back and the exit. */
function UnlockedPanel({ adminToken }: { adminToken: string }) {
  const t = useT();
  const api = useCounterApi();
  const diagnostics = useDiagnostics();
  const demo = useKioskStore(selectAppInfo)?.demo ?? false;
  const closeAdmin = useKioskStore((s) => s.closeAdmin);
  // Back to service: the token is revoked in main too, not just forgotten here.
  const close = () => {
    void api.adminLock({ adminToken });
    closeAdmin();
  };
  const [section, setSection] = useState<Section>('operator');
  const [exitMessage, setExitMessage] = useState('');
  // Said as it is: the kiosk shell leaves kiosk mode and quits; a browser preview cannot.
  const exit = async () => {
    const result = await api.exitKiosk({ adminToken });
    setExitMessage(!result.ok ? adminErrorText(t, result.error) : result.value.exiting ? t('adm.exit.electron') : t('adm.exit.browser'));
  };
  return (
    <ScreenFrame name="admin" title={t('admin.title')}>
      <StatusSummary state={diagnostics} />
      <nav className="tabs" aria-label={t('admin.title')}>
        {SECTIONS.filter((s) => s !== 'demo' || demo).map((s) => (
          <button key={s} type="button" className="button button--secondary" aria-pressed={section === s} onClick={() => setSection(s)}>
            {t(LABELS[s])}
          </button>
        ))}
      </nav>
      {/* A long section (diagnostics, a day's report) scrolls in its box; the tabs and the way out stay. */}
      <ScrollBox label={t(LABELS[section])} className="admin__body">
        {section === 'config' ? <ConfigSection /> : null}
        {section === 'operator' ? <OperatorSection /> : null}
        {section === 'reconcile' ? <ReconcileSection /> : null}
        {section === 'unresolved' ? <UnresolvedSection /> : null}
        {section === 'reprint' ? <ReprintSection /> : null}
        {section === 'diagnostics' ? <DiagnosticsSection state={diagnostics} /> : null}
        {section === 'metrics' ? <MetricsSection /> : null}
        {section === 'demo' && demo ? <DemoEnrolSection /> : null}
      </ScrollBox>
      {exitMessage ? <p role="status">{exitMessage}</p> : null}
      <div className="screen__actions">
        <button type="button" className="button button--primary" onClick={close}>
          {t('admin.close')}
        </button>
        {/* The counter's staff side (renderer/staff): today's settlements, opened with the operator's own PIN. */}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            close();
            useKioskStore.getState().goTo('today');
          }}
        >
          {t('today.open')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void exit()}>
          {t('admin.exit')}
        </button>
      </div>
    </ScreenFrame>
  );
}
