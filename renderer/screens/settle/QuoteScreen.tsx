import { useState } from 'react';
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
 * Nothing is settled except from the confirm button here. A patient with a personal account
 * chooses whether it pays their part; the platform quotes the choice again before it is shown.
 */
export function QuoteScreen() {
  const t = useT();
  const { confirm, chooseAccount, finish } = useCounter();
  const quote = useKioskStore(selectQuote);
  const person = useKioskStore(selectPerson);
  const [requoting, setRequoting] = useState(false);
  const [choiceFailed, setChoiceFailed] = useState(false);
  if (!quote || !person) return null;
  const choose = async (useAccount: boolean) => {
    if (requoting) return;
    setRequoting(true);
    setChoiceFailed(false);
    const done = await chooseAccount(useAccount);
    setRequoting(false);
    setChoiceFailed(!done);
  };
  const offerChoice = person.balanceFen > 0 || !quote.useAccount;
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
        {offerChoice ? (
          <div className="choices" role="group" aria-label={t('quote.accountChoice')}>
            <button type="button" className="button button--secondary" aria-pressed={quote.useAccount} disabled={requoting} onClick={() => void choose(true)}>
              {t('quote.useAccount')}
            </button>
            <button type="button" className="button button--secondary" aria-pressed={!quote.useAccount} disabled={requoting} onClick={() => void choose(false)}>
              {t('quote.cashOnly')}
            </button>
          </div>
        ) : null}
        {choiceFailed ? <p className="screen__text screen__text--warn">{t('quote.choiceFailed')}</p> : null}
      </div>
      <div className="screen__actions">
        <button type="button" className="button button--primary button--huge" disabled={requoting} onClick={() => void confirm()}>
          {t('quote.confirm')}
        </button>
        <button type="button" className="button button--secondary button--huge" onClick={() => void finish()}>
          {t('quote.cancel')}
        </button>
      </div>
    </ScreenFrame>
  );
}
