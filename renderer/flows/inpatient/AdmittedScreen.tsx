import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AdmissionSlip } from '../../../shared/types/staffDesk';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useT } from '../../i18n';
import { AdmissionSlipView } from '../../print/AdmissionSlipView';
import { PrintPortal } from '../../print/PrintSlip';
import { SLIP_STATUS_TEXT, usePrintSessionSlip } from '../../print/sessionSlip';
import { useKioskStore } from '../../store';
import { selectAdmission, selectAppInfo, selectPerson, selectPrinting, selectSlip } from '../../store/selectors';
import { useCounter } from '../useCounter';

/**
 * Admission done (or being confirmed in the background, with a reference to quote), and the
 * desk's admission slip: printed by itself where the terminal prints slips (printer.autoPrint),
 * else on a tap, through the receipts' path. 完成 while it prints ends once it is out.
 */
export function AdmittedScreen() {
  const t = useT();
  const { finish } = useCounter();
  const admission = useKioskStore(selectAdmission);
  const person = useKioskStore(selectPerson);
  const info = useKioskStore(selectAppInfo);
  const printing = useKioskStore(selectPrinting);
  const slipState = useKioskStore(selectSlip);
  const printSessionSlip = usePrintSessionSlip();
  const [ending, setEnding] = useState(false);
  // Stamped once, when the admission shows: the slip says when the desk gave it.
  const [time] = useState(() => new Date().toISOString());

  const slip = useMemo<AdmissionSlip | null>(() => {
    if (!admission || !info) return null;
    return {
      kind: 'admission',
      status: admission.status,
      institutionCode: info.institutionCode,
      institutionName: info.institutionName,
      terminalId: info.terminalId,
      patientName: person?.maskedName ?? '',
      stayNo: admission.stayNo,
      deptName: admission.status === 'admitted' ? admission.deptName : '',
      bed: admission.status === 'admitted' ? admission.bed : '',
      msgid: admission.reference,
      time,
    };
  }, [admission, info, person, time]);
  const key = slip ? `admission:${slip.msgid}` : null;
  const status = slipState && slipState.ref === key ? slipState.status : null;

  const print = useCallback(
    async (again: boolean) => {
      if (slip && key) await printSessionSlip(key, slip, again);
    },
    [slip, key, printSessionSlip],
  );

  useEffect(() => {
    if (slip && status === null && printing.auto) void print(false);
  }, [slip, status, printing.auto, print]);

  const busy = status === 'printing' || (slip !== null && status === null && printing.auto);
  useEffect(() => {
    if (ending && !busy) void finish();
  }, [ending, busy, finish]);

  if (!admission || !slip) return null;
  return (
    <ScreenFrame name="admitted" title={admission.status === 'admitted' ? t('admitted.title') : t('receipt.pendingTitle')}>
      <p className="screen__lead" data-testid="admission-reference">
        {admission.status === 'admitted'
          ? t('admitted.text', { dept: admission.deptName, bed: admission.bed })
          : t('admitted.pending', { reference: admission.reference })}
      </p>
      {admission.status === 'admitted' ? (
        <p className="screen__text">
          {t('receipt.reference')}: {admission.reference}
        </p>
      ) : null}
      <p className="screen__text" role="status" data-testid="print-status" data-print-status={busy ? 'printing' : (status ?? 'none')}>
        {busy ? t(SLIP_STATUS_TEXT.printing) : status ? t(SLIP_STATUS_TEXT[status]) : ''}
      </p>
      <div className="screen__actions">
        {(status === null && !busy) || status === 'failed' ? (
          <button type="button" className="button button--secondary" onClick={() => void print(status === 'failed')}>
            {t('admitted.print')}
          </button>
        ) : null}
        <button type="button" className="button button--primary button--huge" disabled={ending} onClick={() => setEnding(true)}>
          {t('receipt.done')}
        </button>
      </div>
      <PrintPortal>
        <AdmissionSlipView slip={slip} paper={printing.paper} />
      </PrintPortal>
    </ScreenFrame>
  );
}
