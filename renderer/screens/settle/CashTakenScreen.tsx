import { yuan } from '../../components/money';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectReceipt } from '../../store/selectors';

/** At the cashier the settlement is done but the cash part is not: the cashier says when it is. */
export function CashTakenScreen() {
  const t = useT();
  const receipt = useKioskStore(selectReceipt);
  const goTo = useKioskStore((s) => s.goTo);
  if (!receipt || receipt.kind === 'pending') return null;
  return (
    <ScreenFrame name="cash-taken" title={t('cash.title')}>
      <p className="figure" data-testid="cash-due">
        {t('cash.amount', { amount: yuan(receipt.cashFen) })}
      </p>
      <button type="button" className="button button--primary button--huge" onClick={() => goTo('receipt')}>
        {t('cash.taken')}
      </button>
    </ScreenFrame>
  );
}
