import { yuan } from '../../components/money';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { fenToYuan } from '../../../shared/money';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectPerson, selectQuote } from '../../store/selectors';
import { ItemRows } from '../../components/ItemRows';

/**
 * The confirmation a person can trust: who, what, and who pays what, before any money moves.
 * Nothing is settled except from the confirm button here.
 */
export function QuoteScreen() {
  const t = useT();
  const { confirm, finish } = useCounter();
  const quote = useKioskStore(selectQuote);
  const person = useKioskStore(selectPerson);
  if (!quote || !person) return null;
  const balanceAfter = person.balanceFen - quote.accountFen;
  const reg = quote.registration;
  const spoken = t('quote.spoken', {
    total: fenToYuan(quote.totalFen),
    fund: fenToYuan(quote.fundFen),
    account: fenToYuan(quote.accountFen),
    cash: fenToYuan(quote.cashFen),
  });
  return (
    <ScreenFrame name="quote" title={t('quote.title')} spoken={spoken}>
      <div className="quote">
        <div className="quote__who">
          {t('quote.patient')}: <strong>{person.maskedName}</strong> <span className="quote__id">{person.maskedCertno}</span>
        </div>
        {reg ? (
          <div className="quote__registration">
            {t('quote.registration', { dept: reg.deptName, doctor: reg.doctorName, date: reg.date, period: t(reg.period === 'PM' ? 'period.PM' : 'period.AM') })}
          </div>
        ) : null}
        <table className="quote__items">
          <caption>{t('quote.items')}</caption>
          <ItemRows items={quote.items} />
        </table>
        <dl className="split">
          <dt>{t('quote.total')}</dt>
          <dd data-testid="quote-total">{yuan(quote.totalFen)}</dd>
          <dt>{t('quote.fund')}</dt>
          <dd data-testid="quote-fund">{yuan(quote.fundFen)}</dd>
          <dt>{t('quote.account')}</dt>
          <dd data-testid="quote-account">{yuan(quote.accountFen)}</dd>
          <dt className="split__due">{t('quote.cash')}</dt>
          <dd className="split__due" data-testid="quote-cash">
            {yuan(quote.cashFen)}
          </dd>
          {person.balanceFen > 0 || quote.accountFen > 0 ? (
            <>
              <dt>{t('quote.balanceAfter')}</dt>
              <dd data-testid="quote-balance">{yuan(balanceAfter)}</dd>
            </>
          ) : null}
        </dl>
      </div>
      <div className="screen__actions">
        <button type="button" className="button button--primary button--huge" onClick={() => void confirm()}>
          {t('quote.confirm')}
        </button>
        <button type="button" className="button button--secondary button--huge" onClick={() => void finish()}>
          {t('quote.cancel')}
        </button>
      </div>
    </ScreenFrame>
  );
}
