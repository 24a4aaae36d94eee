import { useT, type Translate } from '../i18n';
import { useKioskStore } from '../store';
import { selectAppInfo, selectLocale, selectOperatorId } from '../store/selectors';
import { adminErrorText } from './adminError';
import { statusOf, type Level, type StatusView, type Text } from './status';
import type { DiagnosticsState } from './useDiagnostics';

export const LEVEL_WORDS: Record<Level, 'adm.status.ok' | 'adm.status.attention' | 'adm.status.fault'> = {
  ok: 'adm.status.ok',
  attention: 'adm.status.attention',
  fault: 'adm.status.fault',
};

/** A sentence of the status view in the screen's language, its word parameters translated too. */
export function say(t: Translate, text: Text): string {
  const params = Object.fromEntries(Object.entries(text.params ?? {}).map(([name, value]) => [name, typeof value === 'object' ? say(t, value) : value]));
  return t(text.key, params);
}

/** The status view of what the admin panel read, with the counter's operator as the operator tab knows it. */
export function useStatusView(state: DiagnosticsState): StatusView | null {
  const info = useKioskStore(selectAppInfo);
  const operatorId = useKioskStore(selectOperatorId);
  const locale = useKioskStore(selectLocale);
  if (!state.diag || !info) return null;
  const operator = operatorId ? { id: operatorId, name: info.operators.find((op) => op.id === operatorId)?.name ?? '' } : null;
  return statusOf(state.diag, state.cameras, { staffed: info.mode !== 'registration', operator }, locale);
}

/**
 * The first thing on the admin panel: the terminal's status (the worst of its checks) and, for
 * each problem, what it is and what to do. The diagnostics tab lists every check.
 */
export function StatusSummary({ state }: { state: DiagnosticsState }) {
  const t = useT();
  const view = useStatusView(state);
  if (!view) {
    return (
      <section className="admin-status" data-testid="admin-status" aria-label={t('adm.status.title')}>
        <p className="screen__lead">{state.loading ? t('adm.status.checking') : t('adm.status.failed', { why: state.error ? adminErrorText(t, state.error) : '' })}</p>
      </section>
    );
  }
  const problems = view.items.filter((item) => item.level !== 'ok');
  return (
    // A named, focusable region: a long list of problems scrolls in its box, from the keyboard too.
    <section
      className={`admin-status admin-status--${view.overall}`}
      data-testid="admin-status"
      data-level={view.overall}
      role="region"
      aria-label={t('adm.status.title')}
      tabIndex={0}
    >
      <p className="screen__lead">
        {t('adm.status.title')}：<strong>{t(LEVEL_WORDS[view.overall])}</strong>
      </p>
      {problems.length === 0 ? (
        <p className="screen__text">{t('adm.status.allOk')}</p>
      ) : (
        <ul className="admin-status__problems">
          {problems.map((item) => (
            <li key={item.id} data-level={item.level}>
              <strong>
                {t(item.label)}（{t(LEVEL_WORDS[item.level])}）
              </strong>
              ：{say(t, item.state)}
              {item.todo ? <span className="admin-status__todo">{t('adm.status.todo', { todo: say(t, item.todo) })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
