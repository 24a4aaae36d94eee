import { Fragment } from 'react';
import type { RegistrationInfo } from '../../../shared/types/settlement';
import type { Receipt } from '../../api/counter';
import { yuan } from '../../components/money';
import { useT } from '../../i18n';
import { ItemRows } from '../../components/ItemRows';
import { ScrollBox } from '../../components/ScrollBox';
import { slipHeadingKey } from '../../print/slip';
import { accountLabel, capRows, hidesOwnAccount, mutualAidRows, payerRows } from '../../family/receiptRows';
import { formatDay, formatDayTime } from '../../format/dateTime';
import { useKioskStore } from '../../store';
import { selectLocale } from '../../store/selectors';

/** The engine's receipt as a page: what is printed (print CSS shows only this) is what is shown. */
export function ReceiptView({ receipt, registration }: { receipt: Receipt; registration: RegistrationInfo | null }) {
  const t = useT();
  const locale = useKioskStore(selectLocale);
  const heading = t(slipHeadingKey(receipt, registration));
  return (
    <article className="receipt" aria-label={heading} data-receipt-kind={receipt.kind}>
      <h2 className="receipt__title">{receipt.institutionName}</h2>
      <p className="receipt__heading">{heading}</p>
      <p className="receipt__patient">
        {t('quote.patient')}: {receipt.patientName}
        {/* A relative who acted (issue 15), in the patient's cell: every layout keeps them together. */}
        {payerRows(t, receipt).map((row) => (
          <span key={row.testId} className="receipt__payer">
            {row.label}: <span data-testid={row.testId}>{row.value}</span>
          </span>
        ))}
      </p>
      {registration ? (
        <p className="receipt__registration" data-testid="slip-registration">
          {t('quote.registration', {
            dept: registration.deptName,
            doctor: registration.doctorName,
            date: formatDay(registration.date, locale),
            period: t(registration.period === 'PM' ? 'period.PM' : 'period.AM'),
          })}{' '}
          · {registration.regNo}
        </p>
      ) : null}
      {/* The items (and a pending result's long note) scroll inside the receipt; the figures and the reference stay in view. */}
      <ScrollBox label={t('quote.items')} className="receipt__lines">
        <table className="receipt__items">
          <ItemRows items={receipt.items} />
        </table>
        {receipt.kind === 'pending' ? <p className="receipt__note">{receipt.note}</p> : null}
      </ScrollBox>
      {receipt.kind === 'pending' ? (
        <div className="receipt__pending">
          {receipt.requestedFen !== null ? (
            <p>
              {t('quote.total')}: {yuan(receipt.requestedFen)}
            </p>
          ) : null}
          <p className="receipt__reference">
            {t('receipt.reference')}: <strong data-testid="receipt-reference">{receipt.reference}</strong>
          </p>
        </div>
      ) : (
        <dl className="receipt__split">
          <dt>{t('quote.total')}</dt>
          <dd>{yuan(receipt.totalFen)}</dd>
          <dt>{t('quote.fund')}</dt>
          <dd>{yuan(receipt.fundFen)}</dd>
          {hidesOwnAccount(receipt) ? null : (
            <>
              <dt>{accountLabel(t, receipt)}</dt>
              <dd>{yuan(receipt.accountFen)}</dd>
            </>
          )}
          {mutualAidRows(t, receipt).map((row) => (
            <Fragment key={row.testId}>
              <dt>{row.label}</dt>
              <dd data-testid={row.testId}>{row.value}</dd>
            </Fragment>
          ))}
          <dt>{t('receipt.cash')}</dt>
          <dd>{yuan(receipt.cashFen)}</dd>
          {receipt.balanceAfterFen !== null && !hidesOwnAccount(receipt) ? (
            <>
              <dt>{t('receipt.balanceAfter')}</dt>
              <dd>{yuan(receipt.balanceAfterFen)}</dd>
            </>
          ) : null}
        </dl>
      )}
      {/*
       * Under the figures, a line each across the receipt: the password-free cap (issue 15) with
       * today's use, and the 30-digit settlement number. Beside the figures (landscape) they took
       * three lines each; inside the items' list the cap's line left the items 57px at 1280×1024.
       */}
      {receipt.kind === 'pending' ? null : (
        <dl className="receipt__split receipt__facts">
          {capRows(t, receipt).map((row) => (
            <Fragment key={row.testId}>
              <dt>{row.label}</dt>
              <dd className="receipt__cap" data-testid={row.testId}>
                {row.value}
              </dd>
            </Fragment>
          ))}
          <dt>{t('receipt.setlId')}</dt>
          <dd data-testid="receipt-setl-id">{receipt.setlId}</dd>
        </dl>
      )}
      <p className="receipt__meta">
        {t('receipt.time')}: {formatDayTime(receipt.time, locale)} · {t('receipt.terminal')}: {receipt.terminalId}
      </p>
    </article>
  );
}
