import { useState } from 'react';
import { fenToYuan } from '../../shared/money';
import type { Person, QuoteView } from '../api/counter';
import { yuan } from '../components/money';
import { useCounter } from '../flows/useCounter';
import { useT, type Translate } from '../i18n';
import { useKioskStore } from '../store';
import './family.css';

/**
 * The confirmation's family and cap parts (issue 15), so QuoteScreen names whose visit it is and
 * whose money pays what: 为 欧*明（父亲）结算 — 医保基金 ¥…, 您的个人账户共济 ¥…, 现金 ¥…. "您" is the
 * payer at the counter; the patient's own account is named by the patient's masked name.
 */

/** The relative acting for this quote's patient, from the quote (the engine's word) or the session. */
export const payerOf = (quote: QuoteView, person: Person): { maskedName: string; relation: string } | null => quote.payer ?? person.payer ?? null;

/** Above the password-free cap and not yet confirmed by a second factor: the keypad comes before paying. */
export const needsCapFactor = (quote: QuoteView): boolean => quote.passwordFree?.secondFactorRequired === true && quote.passwordFree.secondFactor === null;

/** 为 欧*明（父亲）结算, and who acts. */
export function FamilyWho({ quote, person }: { quote: QuoteView; person: Person }) {
  const t = useT();
  const payer = payerOf(quote, person);
  if (!payer) return null;
  return (
    <span className="quote__family" data-testid="quote-family">
      <strong className="quote__family-for">{t('family.quote.for', { name: person.maskedName, relation: payer.relation })}</strong>
      <span>{t('family.quote.by', { payer: payer.maskedName })}</span>
    </span>
  );
}

/** What the split calls the patient's own account and its balance while a relative acts. */
export function accountLabels(t: Translate, quote: QuoteView, person: Person): { account: string; balanceAfter: string } | null {
  if (!payerOf(quote, person)) return null;
  return {
    account: t('family.quote.patientAccount', { name: person.maskedName }),
    balanceAfter: t('family.quote.patientBalanceAfter', { name: person.maskedName }),
  };
}

/** 您的个人账户共济 ¥…: shown whenever a relative acts, ¥0.00 included, so nobody wonders whose account paid. */
export function FamilyAidLine({ quote, person }: { quote: QuoteView; person: Person }) {
  const t = useT();
  if (!payerOf(quote, person)) return null;
  return (
    <div className="split__line split__line--aid">
      <dt>{t('family.quote.mutualAid')}</dt>
      <dd data-testid="quote-mutual-aid">{yuan(quote.mutualAidFen ?? 0)}</dd>
    </div>
  );
}

/**
 * Whether the payer's account pays (共济), where the channel said it may: the platform quotes the
 * choice again (requoteSettlement's useMutualAid) and the new quote replaces the one shown; a
 * refusal leaves the shown one standing, said in the engine's words.
 */
export function FamilyAidChoice({ quote, person, disabled }: { quote: QuoteView; person: Person; disabled?: boolean }) {
  const t = useT();
  const { api } = useCounter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState('');
  if (!person.payer?.mutualAidAvailable) return null;
  const on = quote.useMutualAid === true;
  const choose = async (useMutualAid: boolean) => {
    if (busy || useMutualAid === on) return;
    setBusy(true);
    setFailed('');
    const { generation } = useKioskStore.getState();
    // 共济 pays the personal part from an account: asking for it asks for account payment too.
    const answer = await api.requoteSettlement({ quoteId: quote.quoteId, useAccount: useMutualAid ? true : quote.useAccount, useMutualAid });
    if (useKioskStore.getState().generation !== generation) return;
    setBusy(false);
    if (answer.ok) useKioskStore.getState().setQuote(answer.value);
    else setFailed(t('family.quote.aidFailed', { why: answer.error.message }));
  };
  return (
    <>
      <div className="choices quote__choice" role="group" aria-label={t('family.quote.aidChoice')}>
        <button type="button" className="button button--secondary" aria-pressed={on} disabled={busy || disabled} onClick={() => void choose(true)}>
          {t('family.quote.aidOn')}
        </button>
        <button type="button" className="button button--secondary" aria-pressed={!on} disabled={busy || disabled} onClick={() => void choose(false)}>
          {t('family.quote.aidOff')}
        </button>
      </div>
      {failed ? (
        <p className="screen__text screen__text--warn" role="alert">
          {failed}
        </p>
      ) : null}
    </>
  );
}

/** The password-free cap as it applies to this payment: above it, that a check comes before paying; else its amounts and today's use. */
export function CapLine({ quote }: { quote: QuoteView }) {
  const t = useT();
  const cap = quote.passwordFree;
  if (!cap) return null;
  const over = needsCapFactor(quote);
  const per = yuan(cap.perTransactionFen);
  return (
    <p className={over ? 'quote__cap quote__cap--over' : 'quote__cap'} data-testid="quote-cap" data-cap-over={over}>
      {over ? t('cap.over', { per }) : t('cap.line', { per, day: yuan(cap.perDayFen), used: yuan(cap.usedTodayFen) })}
    </p>
  );
}

/** The confirmation's family choice and the cap, in one place of the layout (family.css places it per screen shape). */
export function FamilyQuoteParts({ quote, person, disabled }: { quote: QuoteView; person: Person; disabled?: boolean }) {
  if (!person.payer?.mutualAidAvailable && !quote.passwordFree) return null;
  return (
    <div className="quote__family-parts">
      <FamilyAidChoice quote={quote} person={person} disabled={disabled} />
      <CapLine quote={quote} />
    </div>
  );
}

/** A family patient with no account of their own (a resident child): their ¥0.00 account line is left out. */
export const hidesOwnAccount = (quote: QuoteView, person: Person): boolean =>
  payerOf(quote, person) !== null && person.balanceFen === 0 && quote.accountFen === 0;

/** What is said aloud for a relative's payment; null for a patient paying for themselves. */
export function familySpoken(t: Translate, quote: QuoteView, person: Person): string | null {
  const payer = payerOf(quote, person);
  if (!payer) return null;
  const said = t('family.quote.spoken', {
    name: person.maskedName,
    relation: payer.relation,
    fund: fenToYuan(quote.fundFen),
    account: fenToYuan(quote.accountFen),
    aid: fenToYuan(quote.mutualAidFen ?? 0),
    cash: fenToYuan(quote.cashFen),
  });
  return needsCapFactor(quote) ? `${said}${t('cap.over', { per: yuan(quote.passwordFree!.perTransactionFen) })}` : said;
}
