import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectAppInfo, selectDensity } from '../store/selectors';
import { FactList } from '../components/FactList';

/** What this terminal is (from its configuration file), in words, and the display density staff may switch. */
export function ConfigSection() {
  const t = useT();
  const info = useKioskStore(selectAppInfo);
  const density = useKioskStore(selectDensity);
  const update = useKioskStore((s) => s.updateSettings);
  if (!info) return null;
  const policy = (['passive-only', 'passive+active', 'active-always'] as const).find((p) => p === info.face.policy);
  const rows: [string, string][] = [
    [t('adm.cfg.institution'), `${info.institutionName}（${info.institutionCode}）`],
    [t('adm.cfg.terminal'), info.terminalId],
    [t('adm.cfg.mode'), t(`mode.${info.mode}`)],
    [t('adm.cfg.locale'), t(info.defaultLocale === 'en' ? 'adm.cfg.localeEn' : 'adm.cfg.localeZh')],
    [t('adm.cfg.idle'), t('adm.cfg.seconds', { n: info.idleTimeoutSeconds })],
    [t('adm.cfg.face'), t(policy ? `adm.cfg.policy.${policy}` : 'adm.cfg.policy.other')],
    [t('adm.cfg.faceAttempts'), t('adm.cfg.times', { n: info.face.maxAttempts })],
    [t('adm.cfg.operators'), info.operators.map((o) => `${o.id} ${o.name}`).join('、') || t('adm.cfg.none')],
    [t('adm.cfg.shell'), t(info.shell === 'electron' ? 'adm.shell.electron' : 'adm.shell.browser')],
    [t('adm.cfg.version'), info.version],
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
