import { useEffect, useState } from 'react';
import { MARK_RECEIPT, mark } from '../../app/marks';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectMode, selectReceipt, selectRegistration } from '../../store/selectors';
import { ReceiptView } from './ReceiptView';

/**
 * Paid, or "result pending" with its reference. Printing goes to the configured printer (or
 * PDF) in Electron; in the browser bridge the page's own print dialog prints this receipt.
 */
export function ReceiptScreen() {
  const t = useT();
  const { api, finish } = useCounter();
  const receipt = useKioskStore(selectReceipt);
  const mode = useKioskStore(selectMode);
  const registration = useKioskStore(selectRegistration);
  const goTo = useKioskStore((s) => s.goTo);
  const [printed, setPrinted] = useState<'no' | 'yes' | 'failed'>('no');
  useEffect(() => {
    mark(MARK_RECEIPT);
  }, []);
  if (!receipt) return null;
  const print = async () => {
    const result = await api.printReceipt({ receipt });
    if (result.ok && result.value.via === 'browser') window.print();
    setPrinted(result.ok ? 'yes' : 'failed');
  };
  const title =
    receipt.kind === 'pending' ? t('receipt.pendingTitle') : receipt.kind === 'cancel' ? t('receipt.cancelHeading') : t('receipt.title');
  const spoken = receipt.kind === 'pending' ? `${title}。${t('receipt.pendingText')}` : title;
  return (
    <ScreenFrame name="receipt" title={title} spoken={spoken}>
      {receipt.kind === 'pending' ? <p className="screen__lead">{t('receipt.pendingText')}</p> : null}
      <ReceiptView receipt={receipt} registration={registration} />
      <div className="screen__actions">
        <button type="button" className="button button--secondary" onClick={() => void print()}>
          {t('receipt.print')}
        </button>
        <button type="button" className="button button--primary button--huge" onClick={() => void finish()}>
          {t('receipt.done')}
        </button>
        {receipt.kind === 'settlement' && mode !== 'registration' ? (
          <button type="button" className="button button--quiet" onClick={() => goTo('cancel')}>
            {t('receipt.cancelSettlement')}
          </button>
        ) : null}
      </div>
      <p className="screen__text" role="status">
        {printed === 'yes' ? t('receipt.printed') : printed === 'failed' ? t('receipt.printFailed') : ''}
      </p>
    </ScreenFrame>
  );
}
