import { FactList } from '../components/FactList';
import { formatDayTime } from '../format/dateTime';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectLocale } from '../store/selectors';
import { LEVEL_WORDS, say, useStatusView } from './StatusSummary';
import type { DiagnosticsState } from './useDiagnostics';

/**
 * Every check main reports, problems first, each with what to do; then what this terminal is,
 * in words a technician can read out on the phone. The counter's operator is listed apart from
 * the terminal's own platform sign-in (9001), so the two cannot be taken for each other.
 */
export function DiagnosticsSection({ state }: { state: DiagnosticsState }) {
  const t = useT();
  const locale = useKioskStore(selectLocale);
  const view = useStatusView(state);
  const { diag } = state;
  const facts: [string, string][] = diag
    ? [
        [t('adm.diag.institution'), diag.institution],
        [t('adm.diag.terminal'), diag.terminalId],
        [t('adm.diag.mode'), t(`mode.${diag.mode}`)],
        [t('adm.diag.shell'), t(diag.shell === 'electron' ? 'adm.shell.electron' : 'adm.shell.browser')],
        [t('adm.diag.configSource'), t(diag.configSource === 'defaults' ? 'adm.diag.configDefaults' : 'adm.diag.configFile')],
        [t('adm.diag.version'), diag.version],
        [t('adm.diag.journal'), t('adm.diag.journalLine', diag.journal)],
      ]
    : [];
  return (
    <div className="admin__section" data-testid="diagnostics">
      <div className="choices">
        <button type="button" className="button button--secondary" disabled={state.loading} onClick={state.refresh}>
          {state.loading ? t('adm.status.checking') : t('adm.status.refresh')}
        </button>
      </div>
      {view && diag ? (
        <>
          <p className="screen__lead">
            {t('adm.diag.checks')} · {t('adm.status.checkedAt', { at: formatDayTime(diag.health.generatedAt, locale) })}
          </p>
          <ul className="report" data-testid="diagnostics-checks">
            {view.items.map((item) => (
              <li key={item.id} data-level={item.level}>
                <strong>{t(item.label)}</strong>：{t(LEVEL_WORDS[item.level])} · {say(t, item.state)}
                {item.todo ? <> · {t('adm.status.todo', { todo: say(t, item.todo) })}</> : null}
              </li>
            ))}
          </ul>
          <p className="screen__lead">{t('adm.diag.facts')}</p>
          <FactList rows={facts} className="facts facts--small facts--columns" testId="diagnostics-facts" />
        </>
      ) : null}
    </div>
  );
}
