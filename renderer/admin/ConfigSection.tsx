import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectAppInfo, selectDensity } from '../store/selectors';
import { FactList } from '../components/FactList';

/** What this terminal is (from its configuration file), and the display density staff may switch. */
export function ConfigSection() {
  const t = useT();
  const info = useKioskStore(selectAppInfo);
  const density = useKioskStore(selectDensity);
  const update = useKioskStore((s) => s.updateSettings);
  if (!info) return null;
  const rows: [string, string][] = [
    ['institution', `${info.institutionName} (${info.institutionCode})`],
    ['terminal', info.terminalId],
    ['mode', t(`mode.${info.mode}`)],
    ['locale', info.defaultLocale],
    ['idleTimeoutSeconds', String(info.idleTimeoutSeconds)],
    ['face', `${info.face.policy}, ${info.face.maxAttempts}`],
    ['operators', info.operators.map((o) => o.id).join(', ')],
    ['shell', info.shell],
    ['version', info.version],
  ];
  return (
    <div className="admin__section">
      <FactList rows={rows} />
      <fieldset className="switch">
        <legend>{t('admin.density')}</legend>
        <button type="button" className="button button--secondary" aria-pressed={density === 'elder'} onClick={() => update({ density: 'elder' })}>
          {t('admin.densityElder')}
        </button>
        <button type="button" className="button button--secondary" aria-pressed={density === 'standard'} onClick={() => update({ density: 'standard' })}>
          {t('admin.densityStandard')}
        </button>
      </fieldset>
    </div>
  );
}
