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
import { formatDay } from '../../format/dateTime';
import { selectLocale, selectMode } from '../../store/selectors';
import { CHOICE_SCREEN } from './problemSteps';
import { FamilyAidLine, FamilyQuoteParts, FamilyWho, accountLabels, familySpoken, hidesOwnAccount, needsCapFactor } from '../../family/QuoteFamily';

/**
 * The confirmation a person can trust: who, what, and who pays what, before any money moves.
 * Nothing is settled except from the confirm button here. A patient with a personal account
 * chooses whether it pays their part; the platform quotes the choice again before it is shown.
 * 上一步 and 不支付，结束 both decline the quote (a booked place is given back); the patient who
 * does not pay is told that nothing was charged. Cash due says where it is paid; ¥0 is not emphasised.
 */
export function QuoteScreen() {
  const t = useT();
  const { api, confirm, chooseAccount } = useCounter();
  const quote = useKioskStore(selectQuote);
  const person = useKioskStore(selectPerson);
  const mode = useKioskStore(selectMode);
  const locale = useKioskStore(selectLocale);
  const goTo = useKioskStore((s) => s.goTo);
  const [requoting, setRequoting] = useState(false);
  const [choiceFailed, setChoiceFailed] = useState(false);
  const [declining, setDeclining] = useState<'no' | 'busy' | 'done'>('no');
  if (declining === 'done') {
    return (
      <ScreenFrame name="quote-declined" title={t('quote.declinedTitle')} back={mode ? () => goTo(CHOICE_SCREEN[mode]) : null}>
        <p className="screen__lead">{t('quote.declinedText')}</p>
      </ScreenFrame>
    );
  }
  if (!quote || !person) return null;
  /** The quote given up (its place back) before anything else: the store forgets it, so 结束 does not decline it twice. */
  const decline = async (): Promise<void> => {
    const { generation } = useKioskStore.getState();
    await api.declineQuote({ quoteId: quote.quoteId });
    if (useKioskStore.getState().generation === generation) useKioskStore.getState().setQuote(null);
  };
  const back = async () => {
    if (declining !== 'no' || !mode) return;
    setDeclining('busy');
    await decline();
    setDeclining('no');
    goTo(CHOICE_SCREEN[mode]);
  };
  const cancel = async () => {
    if (declining !== 'no') return;
    setDeclining('busy');
    await decline();
    setDeclining('done');
  };
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
  const cashDue = quote.cashFen > 0;
  // A relative paying (issue 15) hears whose visit it is and what their own account pays.
  const family = accountLabels(t, quote, person);
  const spoken = familySpoken(t, quote, person) ?? t('quote.spoken', {
    total: fenToYuan(quote.totalFen),
    fund: fenToYuan(quote.fundFen),
    account: fenToYuan(quote.accountFen),
    cash: fenToYuan(quote.cashFen),
  });
  // screenLayouts.css places the parts by the screen's shape: the figures and the decision beside
  // the bill, under it in portrait, and in rows on a short screen. Only the bill's lines scroll.
  return (
    <ScreenFrame name="quote" title={t('quote.title')} spoken={spoken} back={mode ? () => void back() : null} end={false}>
      <div className="quote">
        <div className="quote__who">
          <FamilyWho quote={quote} person={person} />
          <span>
            {t('quote.patient')}: <strong>{person.maskedName}</strong>
          </span>
          <span className="quote__id">{person.maskedCertno}</span>
          {reg ? (
            <span className="quote__registration">
              {t('quote.registration', {
                dept: reg.deptName,
                doctor: reg.doctorName,
                date: formatDay(reg.date, locale),
                period: t(reg.period === 'PM' ? 'period.PM' : 'period.AM'),
              })}
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
        <FamilyQuoteParts quote={quote} person={person} disabled={requoting} />
        {choiceFailed || (cashDue && mode) ? (
          <div className="quote__note">
            {choiceFailed ? <p className="screen__text screen__text--warn">{t('quote.choiceFailed')}</p> : null}
            {cashDue && mode ? (
              <p className="screen__text" data-testid="quote-cash-where">
                {t(`quote.cashWhere.${mode}`, { cash: yuan(quote.cashFen) })}
              </p>
            ) : null}
          </div>
        ) : null}
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
          {hidesOwnAccount(quote, person) ? null : (
            <div className="split__line">
              <dt>{family?.account ?? t('quote.account')}</dt>
              <dd data-testid="quote-account">{yuan(quote.accountFen)}</dd>
            </div>
          )}
          <FamilyAidLine quote={quote} person={person} />
          {/* The cash due is the largest line only when there is cash to pay: ¥0.00 is not news. */}
          <div className={cashDue ? 'split__line split__due' : 'split__line'}>
            <dt>{t('quote.cash')}</dt>
            <dd data-testid="quote-cash">{yuan(quote.cashFen)}</dd>
          </div>
          {person.balanceFen > 0 || quote.accountFen > 0 ? (
            <div className="split__line">
              <dt>{family?.balanceAfter ?? t('quote.balanceAfter')}</dt>
              <dd data-testid="quote-balance">{yuan(balanceAfter)}</dd>
            </div>
          ) : null}
        </dl>
        <div className="screen__actions">
          <button type="button" className="button button--primary button--huge" disabled={requoting || declining !== 'no'} onClick={() => (needsCapFactor(quote) ? goTo('cap-factor') : void confirm())}>
            {t('quote.confirm')}
          </button>
          <button type="button" className="button button--secondary button--huge" disabled={declining !== 'no'} onClick={() => void cancel()}>
            {declining === 'busy' ? t('quote.declining') : t('quote.cancel')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}
