import type { PaperSize } from '../../shared/config/terminalConfig';
import type { AdmissionSlip } from '../../shared/types/staffDesk';
import { formatDayTime } from '../format/dateTime';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectLocale } from '../store/selectors';
import { SlipQr } from './SlipQr';

/** One label and its value, as on the receipts' slips (print.css lays out `.slip__field` per paper). */
function Field({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={strong ? 'slip__field slip__field--strong' : 'slip__field'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * The admission desk's slip: who was admitted (masked), to which ward and bed, the stay number
 * the ward asks for, and the admission's reference (also as a QR code). Same paper rules as the
 * receipts; no money, since an admission (2401) settles nothing.
 */
export function AdmissionSlipView({ slip, paper }: { slip: AdmissionSlip; paper: PaperSize }) {
  const t = useT();
  const locale = useKioskStore(selectLocale);
  return (
    <div className="slip" data-paper={paper} data-slip-kind="admission">
      <p className="slip__title">{slip.institutionName}</p>
      <p className="slip__heading">{t(slip.status === 'admitted' ? 'slip.admission' : 'slip.admissionPending')}</p>
      <dl className="slip__fields">
        <Field label={t('quote.patient')} value={slip.patientName} />
        <Field label={t('slip.stayNo')} value={slip.stayNo} strong />
        {slip.status === 'admitted' ? <Field label={t('slip.dept')} value={slip.deptName} /> : null}
        {slip.status === 'admitted' ? <Field label={t('slip.bed')} value={slip.bed} /> : null}
      </dl>
      <dl className="slip__fields slip__refs">
        <Field label={t('receipt.reference')} value={slip.msgid} />
        <Field label={t('receipt.time')} value={formatDayTime(slip.time, locale)} />
        <Field label={t('receipt.terminal')} value={slip.terminalId} />
      </dl>
      <SlipQr text={slip.msgid} label={t('slip.qr')} />
    </div>
  );
}
