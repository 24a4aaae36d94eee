import type { ReactNode } from 'react';
import type { PaperSize } from '../../shared/config/terminalConfig';
import type { RegistrationInfo } from '../../shared/types/settlement';
import type { Receipt } from '../api/counter';
import { yuan } from '../components/money';
import { formatDay, formatDayTime } from '../format/dateTime';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectLocale } from '../store/selectors';
import { SlipQr } from './SlipQr';
import { slipHeadingKey, slipRef } from './slip';
import { accountLabel, familyMoneyRows, payerRows } from '../family/receiptRows';

export interface SlipProps {
  receipt: Receipt;
  registration: RegistrationInfo | null;
  /** Where the patient goes next (printer.nextStep), printed under the figures. */
  nextStep: string;
  /** Set on a staff reprint: the slip says so, and when. */
  reprintedAt?: string;
}

/** One label and its value. print.css decides per paper whether the value sits beside or under the label. */
function Field({ label, children, strong = false }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <div className={strong ? 'slip__field slip__field--strong' : 'slip__field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The slip as it goes on paper: the on-screen receipt's facts, in a layout made for a thermal
 * roll or a sheet (renderer/print/print.css, one set of rules per paper). Labels and values are
 * separate boxes, never fixed-width columns, so a narrow roll puts the value under its label
 * instead of squeezing the label to one character a line.
 */
export function SlipView({ receipt, registration, nextStep, reprintedAt, paper }: SlipProps & { paper: PaperSize }) {
  const t = useT();
  const locale = useKioskStore(selectLocale);
  const heading = t(slipHeadingKey(receipt, registration));
  const reference = slipRef(receipt);
  return (
    <div className="slip" data-paper={paper} data-slip-kind={receipt.kind}>
      <p className="slip__title">{receipt.institutionName}</p>
      <p className="slip__heading">{heading}</p>
      {reprintedAt ? <p className="slip__reprint">{t('slip.reprint', { at: formatDayTime(reprintedAt, locale) })}</p> : null}
      <dl className="slip__fields">
        <Field label={t('quote.patient')}>{receipt.patientName}</Field>
        {payerRows(t, receipt).map((row) => (
          <Field key={row.testId} label={row.label}>
            {row.value}
          </Field>
        ))}
        {/* A cancel's slip names what it undid: the settlement number the patient's first slip carries. */}
        {receipt.kind === 'cancel' && receipt.cancels ? (
          <Field label={t('slip.cancels')} strong>
            {receipt.cancels.setlId}
          </Field>
        ) : null}
        {registration ? (
          <>
            <Field label={t('slip.dept')}>{registration.deptName}</Field>
            <Field label={t('slip.doctor')}>{registration.doctorName}</Field>
            <Field label={t('slip.visit')}>
              {formatDay(registration.date, locale)} {t(registration.period === 'PM' ? 'period.PM' : 'period.AM')}
            </Field>
            <Field label={t('slip.regNo')} strong>
              {registration.regNo}
            </Field>
          </>
        ) : null}
      </dl>
      <ul className="slip__items">
        {receipt.items.map((item, i) => (
          <li key={i} className="slip__item">
            <span className="slip__item-name">{item.name}</span>
            <span className="slip__item-qty">×{item.cnt}</span>
            <span className="slip__item-amount">{yuan(item.amountFen)}</span>
          </li>
        ))}
      </ul>
      {receipt.kind === 'pending' ? (
        <dl className="slip__fields slip__money">
          {receipt.requestedFen !== null ? <Field label={t('slip.requested')}>{yuan(receipt.requestedFen)}</Field> : null}
        </dl>
      ) : (
        <dl className="slip__fields slip__money">
          <Field label={t('quote.total')}>{yuan(receipt.totalFen)}</Field>
          <Field label={t('quote.fund')}>{yuan(receipt.fundFen)}</Field>
          <Field label={accountLabel(t, receipt)}>{yuan(receipt.accountFen)}</Field>
          {familyMoneyRows(t, receipt).map((row) => (
            <Field key={row.testId} label={row.label}>
              {row.value}
            </Field>
          ))}
          <Field label={t('receipt.cash')} strong>
            {yuan(receipt.cashFen)}
          </Field>
          {receipt.balanceAfterFen !== null ? <Field label={t('receipt.balanceAfter')}>{yuan(receipt.balanceAfterFen)}</Field> : null}
        </dl>
      )}
      {receipt.kind === 'pending' ? <p className="slip__note">{receipt.note}</p> : null}
      {nextStep ? <p className="slip__next">{nextStep}</p> : null}
      <dl className="slip__fields slip__refs">
        {receipt.kind !== 'pending' ? <Field label={t('receipt.setlId')}>{receipt.setlId}</Field> : null}
        <Field label={receipt.kind === 'pending' ? t('receipt.reference') : t('slip.msgid')}>{reference}</Field>
        <Field label={t('receipt.time')}>{formatDayTime(receipt.time, locale)}</Field>
        <Field label={t('receipt.terminal')}>{receipt.terminalId}</Field>
      </dl>
      <SlipQr text={reference} label={t('slip.qr')} />
    </div>
  );
}
