import type { RegistrationInfo } from '../../../shared/types/settlement';
import type { Receipt } from '../../api/counter';
import { yuan } from '../../components/money';
import { useT } from '../../i18n';
import { ItemRows } from '../../components/ItemRows';
import { ScrollBox } from '../../components/ScrollBox';
import { slipHeadingKey } from '../../print/slip';

/** The engine's receipt as a page: what is printed (print CSS shows only this) is what is shown. */
export function ReceiptView({ receipt, registration }: { receipt: Receipt; registration: RegistrationInfo | null }) {
  const t = useT();
  const heading = t(slipHeadingKey(receipt, registration));
  return (
    <article className="receipt" aria-label={heading} data-receipt-kind={receipt.kind}>
      <h2 className="receipt__title">{receipt.institutionName}</h2>
      <p className="receipt__heading">{heading}</p>
      <p className="receipt__patient">
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
