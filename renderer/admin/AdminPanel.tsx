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
import { OperatorSection } from './OperatorSection';
import { ReconcileSection } from './ReconcileSection';
import { ReprintSection } from './ReprintSection';
import { UnresolvedSection } from './UnresolvedSection';

const SECTIONS = ['config', 'operator', 'reconcile', 'unresolved', 'reprint', 'diagnostics', 'demo'] as const;
type Section = (typeof SECTIONS)[number];
const LABELS: Record<Section, MessageKey> = {
  config: 'admin.config',
  operator: 'admin.operator',
  reconcile: 'admin.reconcile',
  unresolved: 'admin.unresolved',
  reprint: 'admin.reprint',
  diagnostics: 'admin.diagnostics',
  demo: 'admin.demo',
};

/** Terminal administration, behind the admin PIN. Leaving it drops the token. */
export function AdminPanel() {
  const t = useT();
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const demo = useKioskStore(selectAppInfo)?.demo ?? false;
  const closeAdmin = useKioskStore((s) => s.closeAdmin);
  // Back to service: the token is revoked in main too, not just forgotten here.
  const close = () => {
    if (adminToken) void api.adminLock({ adminToken });
    closeAdmin();
  };
  const [section, setSection] = useState<Section>('operator');
  const [exitMessage, setExitMessage] = useState('');
  if (!adminToken) return <AdminPin />;
  const exit = async () => {
    const result = await api.exitKiosk({ adminToken });
    setExitMessage(result.ok ? t('admin.exited') : result.error.message);
  };
  return (
    <ScreenFrame name="admin" title={t('admin.title')}>
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
        {section === 'diagnostics' ? <DiagnosticsSection /> : null}
        {section === 'demo' && demo ? <DemoEnrolSection /> : null}
      </ScrollBox>
      {exitMessage ? <p role="status">{exitMessage}</p> : null}
      <div className="screen__actions">
        <button type="button" className="button button--primary" onClick={close}>
          {t('admin.close')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void exit()}>
          {t('admin.exit')}
        </button>
      </div>
    </ScreenFrame>
  );
}
