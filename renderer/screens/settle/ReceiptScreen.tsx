import { useCallback, useEffect } from 'react';
import { MARK_RECEIPT, mark } from '../../app/marks';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { PrintSlip } from '../../print/PrintSlip';
import { nextStepOf, slipKey } from '../../print/slip';
import { SLIP_STATUS_TEXT, usePrintSessionSlip } from '../../print/sessionSlip';
import { useKioskStore } from '../../store';
import { selectMode, selectPrinting, selectReceipt, selectRegistration, selectSlip, selectWipeWhenPrinted } from '../../store/selectors';
import { yuan } from '../../components/money';
import { ReceiptView } from './ReceiptView';
import './receipt.css';

/**
 * Paid, or "result pending" with its reference. Where the terminal prints by itself the slip
 * goes out as soon as this shows ("正在打印凭条"), then the screen says where to go next, in the
 * configuration's words. Nothing here is wiped before the slip is out or the patient said they
 * did not want it (完成 without printing): ending while it prints, or walking away, waits for it.
 */
export function ReceiptScreen() {
  const t = useT();
  const { finish } = useCounter();
  const receipt = useKioskStore(selectReceipt);
  const mode = useKioskStore(selectMode);
  const registration = useKioskStore(selectRegistration);
  const printing = useKioskStore(selectPrinting);
  const slip = useKioskStore(selectSlip);
  const wipeWhenPrinted = useKioskStore(selectWipeWhenPrinted);
  const goTo = useKioskStore((s) => s.goTo);
  const printSessionSlip = usePrintSessionSlip();
  const ref = receipt ? slipKey(receipt) : null;
  const status = slip && slip.ref === ref ? slip.status : null;

  useEffect(() => {
    mark(MARK_RECEIPT);
  }, []);

  const print = useCallback(
    async (again: boolean) => {
      // The receipt as it is when printing starts, not as this render saw it.
      const current = useKioskStore.getState().receipt;
      if (current) await printSessionSlip(slipKey(current), current, again);
    },
    [printSessionSlip],
  );

  // The slip prints itself when the result shows (where configured), or when the session is
  // ending with a slip nobody printed: the patient walked away from it.
  useEffect(() => {
    if (receipt && status === null && (printing.auto || wipeWhenPrinted)) void print(false);
  }, [receipt, status, printing.auto, wipeWhenPrinted, print]);

  // Ending waited for the slip: it is out now.
  useEffect(() => {
    if (wipeWhenPrinted && (status === 'printed' || status === 'saved')) void finish();
  }, [wipeWhenPrinted, status, finish]);

  if (!receipt) return null;
  const busy = status === 'printing' || (status === null && (printing.auto || wipeWhenPrinted));
  // 完成 while the slip prints ends the session once it is out; otherwise at once (not printing is the patient's choice).
  const done = () => {
    if (busy) useKioskStore.getState().wipeOnceOut();
    else void finish();
  };
  // Cash still owed after the insurance paid (not at the cashier, who took it before this screen):
  // "paid" would be half the truth, so the screen says who paid and where the rest is paid.
  const cashOwed = receipt.kind === 'settlement' && receipt.cashFen > 0 && mode !== 'cashier';
  const title =
    receipt.kind === 'pending'
      ? t('receipt.pendingTitle')
      : receipt.kind === 'cancel'
        ? t('receipt.cancelHeading')
        : cashOwed
          ? t('receipt.insurancePaid')
          : t('receipt.title');
  const lead =
    receipt.kind === 'pending'
      ? t('receipt.pendingText')
      : cashOwed
        ? t(mode === 'pharmacy' ? 'receipt.cashStillDuePharmacy' : 'receipt.cashStillDue', { cash: yuan(receipt.cashFen) })
        : null;
  const opening = lead ? `${title}。${lead}` : title;
  const statusKey = busy ? SLIP_STATUS_TEXT.printing : status ? SLIP_STATUS_TEXT[status] : null;
  const statusText = statusKey ? t(statusKey) : '';
  // A pending slip's "keep the slip" is only true once it is out; until then, the reference is what to keep.
  const slipOut = status === 'printed' || status === 'saved';
  const slipNextStep = nextStepOf(receipt, printing);
  const nextStep = receipt.kind === 'pending' && !slipOut ? t('receipt.pendingNoSlip') : slipNextStep;
  const spoken = busy ? `${opening}。${statusText}` : status ? `${statusText}。${nextStep}` : `${opening}。${nextStep}`;
  return (
    <ScreenFrame name="receipt" title={title} spoken={spoken}>
      {lead ? (
        <p className="screen__lead" data-testid="receipt-lead">
          {lead}
        </p>
      ) : null}
      <ReceiptView receipt={receipt} registration={registration} />
      {/* Beside the receipt, where the patient looks for the button: how the slip is doing, then where to go. */}
      <div className="receipt__side">
        <p
          className="screen__text receipt__status"
          role="status"
          data-testid="print-status"
          data-print-status={busy ? 'printing' : (status ?? 'none')}
        >
          {statusText}
          {busy && wipeWhenPrinted ? ` ${t('print.waitPrinting')}` : ''}
        </p>
        {!busy && nextStep ? (
          <p className="receipt__next" data-testid="next-step">
            {nextStep}
          </p>
        ) : null}
        <div className="screen__actions">
          {status === null && !busy ? (
            <button type="button" className="button button--secondary" onClick={() => void print(false)}>
              {t('receipt.print')}
            </button>
          ) : null}
          {status === 'failed' ? (
            <button type="button" className="button button--secondary" onClick={() => void print(true)}>
              {t('receipt.print')}
            </button>
          ) : null}
          <button type="button" className="button button--primary button--huge" onClick={done}>
            {t('receipt.done')}
          </button>
          {receipt.kind === 'settlement' && mode !== 'registration' && !busy ? (
            <button type="button" className="button button--quiet" onClick={() => goTo('cancel')}>
              {t('receipt.cancelSettlement')}
            </button>
          ) : null}
        </div>
      </div>
      <PrintSlip receipt={receipt} registration={registration} nextStep={slipNextStep} />
    </ScreenFrame>
  );
}
