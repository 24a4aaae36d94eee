import { useState, type FormEvent } from 'react';
import type { ReceiptLookup } from '../../shared/ipc/contract';
import { Field } from '../components/Field';
import { useCounterApi } from '../flows/useCounter';
import { useScanner } from '../hooks/useScanner';
import { useT } from '../i18n';
import { PrintSlip } from '../print/PrintSlip';
import { nextStepOf } from '../print/slip';
import { usePrintSlip } from '../print/slipPrinting';
import { SlipView } from '../print/SlipView';
import { useKioskStore } from '../store';
import { selectAdminToken, selectPrinting } from '../store/selectors';
import { adminErrorText } from './adminError';

type Found = Extract<ReceiptLookup, { status: 'found' }>;

/**
 * 补打凭条: staff type or scan a slip's reference (its msgid, also its QR code, or the setl_id)
 * and main rebuilds today's slip from the journal, masked name only. The slip is shown as it
 * will print, marked as a reprint, and printed on staff's word through the same path as the
 * patient's slips.
 */
export function ReprintSection() {
  const t = useT();
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const printing = useKioskStore(selectPrinting);
  const printSlip = usePrintSlip();
  const [reference, setReference] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const find = async (ref: string) => {
    if (!adminToken || !ref.trim() || busy) return;
    setBusy(true);
    setFound(null);
    setMessage('');
    const result = await api.findReceipt({ adminToken, reference: ref.trim() });
    setBusy(false);
    if (!result.ok) return setMessage(t('reprint.failed', { why: adminErrorText(t, result.error) }));
    if (result.value.status === 'not-charged') return setMessage(t('reprint.notCharged', { state: t(`reprint.state.${result.value.state}`) }));
    setFound(result.value);
  };
  // A scan while the field is not focused looks the slip up all the same.
  useScanner((code) => {
    setReference(code);
    void find(code);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void find(reference);
  };
  const print = async () => {
    if (!found || busy) return;
    setBusy(true);
    const outcome = await printSlip(found.receipt);
    setBusy(false);
    setMessage(outcome === 'printed' ? t('reprint.printed') : outcome === 'saved' ? t('reprint.saved') : t('receipt.printFailed'));
  };
  const slip = found ? { receipt: found.receipt, registration: found.registration, nextStep: nextStepOf(found.receipt, printing), reprintedAt: found.reprintedAt } : null;
  return (
    <div className="admin__section reprint" data-testid="reprint">
      <form className="form" onSubmit={submit}>
        <p className="screen__text">{t('reprint.hint')}</p>
        <Field label={t('reprint.reference')} value={reference} onChange={(e) => setReference(e.target.value)} autoFocus />
        <div className="screen__actions">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('reprint.find')}
          </button>
          {slip ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void print()}>
              {t('reprint.print')}
            </button>
          ) : null}
        </div>
        {message ? <p role="status">{message}</p> : null}
      </form>
      {slip ? (
        <>
          {/* Focusable: a long slip scrolls here, and staff may scroll it from the keyboard too. */}
          <div className="slip-preview" data-testid="reprint-preview" role="region" aria-label={t('reprint.preview')} tabIndex={0}>
            <SlipView {...slip} paper={printing.paper} />
          </div>
          <PrintSlip {...slip} />
        </>
      ) : null}
    </div>
  );
}
