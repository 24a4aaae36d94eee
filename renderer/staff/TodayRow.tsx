import type { TodaySettlement } from '../../shared/types/staffDesk';
import { yuan } from '../components/money';
import { formatDayTime } from '../format/dateTime';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectLocale } from '../store/selectors';
import { payerRows } from '../family/receiptRows';

/** What a row is now, in the words staff act on. */
function stateText(t: ReturnType<typeof useT>, row: TodaySettlement): string {
  if (row.kind === 'cancel' && row.state === 'settled') return t('today.cancelRow', { setlId: row.cancels ?? '' });
  if (row.state === 'cancelled') return t('today.state.cancelled', { setlId: row.cancelledBy ?? '' });
  return t(`today.state.${row.state}`);
}

/** One of today's payments or cancels: when, whom (masked), how much, its numbers, and what staff can do with it. */
export function TodayRow({
  row,
  canCancel,
  busy,
  onReprint,
  onCancel,
}: {
  row: TodaySettlement;
  canCancel: boolean;
  busy: boolean;
  onReprint(): void;
  onCancel(): void;
}) {
  const t = useT();
  const locale = useKioskStore(selectLocale);
  const cash = row.kind === 'settlement' && row.state !== 'not-charged' && (row.cashFen ?? 0) > 0;
  const label = `${row.maskedName} ${row.setlId ?? row.msgid}`;
  return (
    <li className="today__row" data-testid="today-row" data-msgid={row.msgid} data-setl-id={row.setlId ?? ''} data-state={row.state}>
      <div className="today__facts">
        <span className="today__time">{formatDayTime(row.at, locale)}</span>
        <span className="today__name">{row.maskedName}</span>
        {row.slip
          ? payerRows(t, row.slip.receipt).map((payer) => (
              <span key={payer.testId} className="today__payer" data-testid="today-payer">
                {payer.label} {payer.value}
              </span>
            ))
          : null}
        <span className="today__amount">{row.totalFen === null ? '' : yuan(row.totalFen)}</span>
        <span className="today__state">{stateText(t, row)}</span>
        {cash ? <span className="today__cash">{t(row.cashTaken ? 'today.cashTaken' : 'today.cashOpen')}</span> : null}
        <span className="today__refs">
          {row.setlId ? `${t('receipt.setlId')} ${row.setlId} · ` : ''}
          {t('slip.msgid')} {row.msgid}
        </span>
      </div>
      <div className="today__actions">
        {row.slip ? (
          <button type="button" className="button button--secondary button--small" disabled={busy} aria-label={`${t('today.reprint')} ${label}`} onClick={onReprint}>
            {t('today.reprint')}
          </button>
        ) : null}
        {canCancel ? (
          <button type="button" className="button button--secondary button--small" disabled={busy} aria-label={`${t('today.cancel')} ${label}`} onClick={onCancel}>
            {t('today.cancel')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
