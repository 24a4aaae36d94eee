import { useState } from 'react';
import { yuan } from '../../components/money';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { fenToYuan } from '../../../shared/money';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectPerson, selectQuote } from '../../store/selectors';
import { ItemRows } from '../../components/ItemRows';
import { ScrollBox } from '../../components/ScrollBox';

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
  // screenLayouts.css places the parts by the screen's shape: the figures and the decision beside
  // the bill, under it in portrait, and in rows on a short screen. Only the bill's lines scroll.
  return (
    <ScreenFrame name="quote" title={t('quote.title')} spoken={spoken}>
      <div className="quote">
        <div className="quote__who">
          <span>
            {t('quote.patient')}: <strong>{person.maskedName}</strong>
          </span>
          <span className="quote__id">{person.maskedCertno}</span>
          {reg ? (
            <span className="quote__registration">
              {t('quote.registration', { dept: reg.deptName, doctor: reg.doctorName, date: reg.date, period: t(reg.period === 'PM' ? 'period.PM' : 'period.AM') })}
            </span>
          ) : null}
        </div>
        <ScrollBox label={t('quote.items')} className="quote__items">
          <table className="items">
            <caption>{t('quote.items')}</caption>
            <ItemRows items={quote.items} />
          </table>
        </ScrollBox>
        {offerChoice ? (
          <div className="choices quote__choice" role="group" aria-label={t('quote.accountChoice')}>
            <button type="button" className="button button--secondary" aria-pressed={quote.useAccount} disabled={requoting} onClick={() => void choose(true)}>
              {t('quote.useAccount')}
            </button>
            <button type="button" className="button button--secondary" aria-pressed={!quote.useAccount} disabled={requoting} onClick={() => void choose(false)}>
              {t('quote.cashOnly')}
            </button>
          </div>
        ) : null}
        {choiceFailed ? <p className="screen__text screen__text--warn quote__note">{t('quote.choiceFailed')}</p> : null}
      </div>
      <div className="quote__decision">
        <dl className="split">
          <div className="split__line">
            <dt>{t('quote.total')}</dt>
            <dd data-testid="quote-total">{yuan(quote.totalFen)}</dd>
          </div>
          <div className="split__line">
            <dt>{t('quote.fund')}</dt>
            <dd data-testid="quote-fund">{yuan(quote.fundFen)}</dd>
          </div>
          <div className="split__line">
            <dt>{t('quote.account')}</dt>
            <dd data-testid="quote-account">{yuan(quote.accountFen)}</dd>
          </div>
          <div className="split__line split__due">
            <dt>{t('quote.cash')}</dt>
            <dd data-testid="quote-cash">{yuan(quote.cashFen)}</dd>
          </div>
          {person.balanceFen > 0 || quote.accountFen > 0 ? (
            <div className="split__line">
              <dt>{t('quote.balanceAfter')}</dt>
              <dd data-testid="quote-balance">{yuan(balanceAfter)}</dd>
            </div>
          ) : null}
        </dl>
        <div className="screen__actions">
          <button type="button" className="button button--primary button--huge" disabled={requoting} onClick={() => void confirm()}>
            {t('quote.confirm')}
          </button>
          <button type="button" className="button button--secondary button--huge" onClick={() => void finish()}>
            {t('quote.cancel')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}
