import { useEffect, useState } from 'react';
import type { MetricsSummary } from '../../shared/metrics/events';
import { STEPS } from '../../shared/metrics/events';
import {
  FALLBACK_WORDS,
  IDENTIFICATION_WORDS,
  LIVENESS_WORDS,
  PASSWORD_FREE_TITLE,
  PASSWORD_FREE_WORDS,
  SECOND_FACTOR_WORDS,
  SETTLEMENT_WORDS,
  STEP_WORDS,
  type Words,
} from '../../shared/metrics/labels';
import { FactList } from '../components/FactList';
import { useCounterApi } from '../flows/useCounter';
import { formatDay } from '../format/dateTime';
import { useT, type MessageKey, type Translate } from '../i18n';
import { useKioskStore } from '../store';
import { selectAdminToken, selectLocale } from '../store/selectors';
import { adminErrorText } from './adminError';
import { download } from './download';

type Locale = keyof Words;

/** yyyy-MM-dd a day before or after: calendar arithmetic at noon UTC, clear of any time zone's edge. */
export function shiftDay(day: string, by: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + by);
  return date.toISOString().slice(0, 10);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** One group of counts as label–value rows, in the group's fixed order; a count main did not send is 0. */
function countRows<K extends string>(counts: Partial<Record<K, number>>, words: Record<K, Words>, locale: Locale, t: Translate): [string, string][] {
  return (Object.keys(words) as K[]).map((key) => [words[key][locale], t('adm.metrics.times', { n: counts[key] ?? 0 })]);
}

type Group = { id: string; title: string; rows: [string, string][] };
/** A group titled by one of the page's own keys; its test id is the key's last part. */
const keyed = (title: MessageKey, rows: [string, string][], t: Translate): Group => ({ id: title.slice('adm.metrics.'.length), title: t(title), rows });

/** The day's figures, grouped as staff ask about them: who declined, who went another way, how the face step went. */
function Figures({ summary, t, locale }: { summary: MetricsSummary; t: Translate; locale: Locale }) {
  const livenessTotal = Object.values<number>(summary.livenessFailures).reduce((n, v) => n + v, 0);
  const groups: Group[] = [
    keyed('adm.metrics.consent', [[t('adm.metrics.consent'), t('adm.metrics.times', { n: summary.consentDeclined })]], t),
    keyed('adm.metrics.fallbacks', countRows(summary.fallbacks, FALLBACK_WORDS, locale, t), t),
    keyed(
      'adm.metrics.face',
      [
        [t('adm.metrics.faceAttempts'), t('adm.metrics.times', { n: summary.faceAttempts })],
        [t('adm.metrics.liveness'), t('adm.metrics.times', { n: livenessTotal })],
        ...countRows(summary.livenessFailures, LIVENESS_WORDS, locale, t).map(([k, v]): [string, string] => [`${t('adm.metrics.liveness')}：${k}`, v]),
      ],
      t,
    ),
    keyed('adm.metrics.identification', countRows(summary.identifications, IDENTIFICATION_WORDS, locale, t), t),
    keyed('adm.metrics.secondFactor', countRows(summary.secondFactor, SECOND_FACTOR_WORDS, locale, t), t),
    // Titled and named as in the CSV (shared/metrics/labels.ts), so the page and the spreadsheet agree.
    { id: 'passwordFree', title: PASSWORD_FREE_TITLE[locale], rows: countRows(summary.passwordFree ?? {}, PASSWORD_FREE_WORDS, locale, t) },
    keyed('adm.metrics.settlements', countRows(summary.settlements, SETTLEMENT_WORDS, locale, t), t),
    keyed(
      'adm.metrics.steps',
      STEPS.map((step): [string, string] => {
        const ms = summary.medianMs[step];
        return [STEP_WORDS[step][locale], ms === null ? t('adm.metrics.untimed') : t('adm.metrics.seconds', { s: seconds(ms), n: summary.timedSteps[step] })];
      }),
      t,
    ),
  ];
  return (
    <>
      {groups.map(({ id, title, rows }) => (
        <section key={id} className="report" data-testid={`metrics-${id}`}>
          <p className="screen__lead">{title}</p>
          <FactList rows={rows} className="facts facts--small facts--columns" />
        </section>
      ))}
    </>
  );
}

/**
 * The inclusion metrics of one day at this terminal (README: renderer/app/metrics.ts): consents
 * declined, the other ways used, face attempts and liveness failures, second-factor outcomes, the
 * password-free cap's use and median step times, counted by main from events, with the day (or every day) as CSV for Excel.
 */
export function MetricsSection() {
  const t = useT();
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const locale = useKioskStore(selectLocale);
  // null: today, as main counts days (the platform's, China time).
  const [day, setDay] = useState<string | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [summary, setSummary] = useState<MetricsSummary | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!adminToken) return undefined;
    let live = true;
    void api.getMetrics({ adminToken, ...(day ? { day } : {}) }).then((result) => {
      if (!live) return;
      setSummary(result.ok ? result.value : null);
      if (result.ok && day === null) setToday(result.value.day);
      setMessage(result.ok ? '' : t('adm.metrics.failed', { why: adminErrorText(t, result.error) }));
    });
    return () => {
      live = false;
    };
  }, [api, adminToken, day, t]);
  if (!adminToken) return null;
  const exportCsv = async (range: { from?: string; to?: string }, fileDay: string, label: string) => {
    const result = await api.exportMetricsCsv({ adminToken, ...range });
    if (!result.ok) return setMessage(adminErrorText(t, result.error));
    const filename = t('adm.metrics.filename', { terminal: summary?.terminalId ?? '', day: fileDay });
    download(filename, result.value.csv);
    setMessage(t('adm.metrics.exported', { what: label }));
  };
  const shown = summary?.day ?? null;
  return (
    <div className="admin__section" data-testid="metrics">
      <p className="screen__text">{t('adm.metrics.hint')}</p>
      {summary && shown ? (
        <>
          <p className="screen__lead" data-testid="metrics-day">
            {t('adm.metrics.day', { day: formatDay(shown, locale), terminal: summary.terminalId })}
          </p>
          <div className="choices">
            <button type="button" className="button button--secondary" onClick={() => setDay(shiftDay(shown, -1))}>
              {t('adm.metrics.prev')}
            </button>
            <button type="button" className="button button--secondary" disabled={today === null || shown >= today} onClick={() => setDay(shiftDay(shown, 1))}>
              {t('adm.metrics.next')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void exportCsv({ from: shown, to: shown }, shown, formatDay(shown, locale))}>
              {t('adm.metrics.export')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void exportCsv({}, t('adm.metrics.allDays'), t('adm.metrics.allDays'))}>
              {t('adm.metrics.exportAll')}
            </button>
          </div>
          <Figures summary={summary} t={t} locale={locale} />
        </>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
