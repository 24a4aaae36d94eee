import type { RegistrationInfo } from '../../../shared/types/settlement';
import type { Receipt } from '../../api/counter';
import { yuan } from '../../components/money';
import { useT } from '../../i18n';
import { ItemRows } from '../../components/ItemRows';

/** The engine's receipt as a page: what is printed (print CSS shows only this) is what is shown. */
export function ReceiptView({ receipt, registration }: { receipt: Receipt; registration: RegistrationInfo | null }) {
  const t = useT();
  const heading =
    receipt.kind === 'pending'
      ? t('receipt.pendingTitle')
      : receipt.kind === 'cancel'
        ? t('receipt.cancelHeading')
        : registration
          ? t('receipt.slip')
          : t('receipt.heading');
  return (
    <article className="receipt" aria-label={heading} data-receipt-kind={receipt.kind}>
      <h2 className="receipt__title">{receipt.institutionName}</h2>
      <p className="receipt__heading">{heading}</p>
      <p>
        {t('quote.patient')}: {receipt.patientName}
      </p>
      {registration ? (
        <p className="receipt__registration" data-testid="slip-registration">
          {t('quote.registration', {
            dept: registration.deptName,
            doctor: registration.doctorName,
            date: registration.date,
            period: t(registration.period === 'PM' ? 'period.PM' : 'period.AM'),
          })}{' '}
          · {registration.regNo}
        </p>
      ) : null}
      <table className="receipt__items">
        <ItemRows items={receipt.items} />
      </table>
      {receipt.kind === 'pending' ? (
        <>
          {receipt.requestedFen !== null ? (
            <p>
              {t('quote.total')}: {yuan(receipt.requestedFen)}
            </p>
          ) : null}
          <p className="receipt__reference">
            {t('receipt.reference')}: <strong data-testid="receipt-reference">{receipt.reference}</strong>
          </p>
          <p>{receipt.note}</p>
        </>
      ) : (
        <dl className="receipt__split">
          <dt>{t('quote.total')}</dt>
          <dd>{yuan(receipt.totalFen)}</dd>
          <dt>{t('quote.fund')}</dt>
          <dd>{yuan(receipt.fundFen)}</dd>
          <dt>{t('quote.account')}</dt>
          <dd>{yuan(receipt.accountFen)}</dd>
          <dt>{t('receipt.cash')}</dt>
          <dd>{yuan(receipt.cashFen)}</dd>
          {receipt.balanceAfterFen !== null ? (
            <>
              <dt>{t('receipt.balanceAfter')}</dt>
              <dd>{yuan(receipt.balanceAfterFen)}</dd>
            </>
          ) : null}
          <dt>{t('receipt.setlId')}</dt>
          <dd data-testid="receipt-setl-id">{receipt.setlId}</dd>
        </dl>
      )}
      <p className="receipt__meta">
        {t('receipt.time')}: {receipt.time} · {t('receipt.terminal')}: {receipt.terminalId}
      </p>
    </article>
  );
}
