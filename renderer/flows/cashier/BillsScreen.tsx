import { useState } from 'react';
import type { Bill } from '../../api/counter';
import { yuan } from '../../components/money';
import { ScreenFrame } from '../../components/ScreenFrame';
import { ScrollBox } from '../../components/ScrollBox';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectBills, selectPerson } from '../../store/selectors';
import { useCounter } from '../useCounter';

/** Pending bills from the hospital system, one visit at a time (the platform settles per visit). */
export function BillsScreen() {
  const t = useT();
  const { api, toQuote } = useCounter();
  const bills = useKioskStore(selectBills);
  const person = useKioskStore(selectPerson);
  const goTo = useKioskStore((s) => s.goTo);
  const [busy, setBusy] = useState(false);
  const visits = new Map<string, Bill[]>();
  for (const bill of bills) visits.set(bill.visitNo, [...(visits.get(bill.visitNo) ?? []), bill]);
  const pay = async (visit: Bill[]) => {
    if (!person || busy) return;
    setBusy(true);
    const billIds = visit.map((b) => b.billId);
    // Kept for 重新支付: a failed payment quotes the same bills again without choosing them again.
    useKioskStore.getState().chooseBills(billIds);
    await toQuote(api.prepareOutpatientSettlement({ personRef: person.personRef, billIds }), 'bills');
    setBusy(false);
  };
  // Each visit is a row of the list: its total beside its pay button at the top, its lines under them.
  return (
    <ScreenFrame name="bills" title={bills.length === 0 ? t('bills.none') : t('bills.title')} back={() => goTo('is-this-you')}>
      {bills.length === 0 ? <p className="screen__lead screen__lead--plain">{t('bills.noneText')}</p> : null}
      {bills.length > 0 ? (
        <ScrollBox label={t('bills.title')} className="bills">
          {[...visits.values()].map((visit) => (
            <div key={visit[0]!.visitNo} className="card">
              <div className="card__head">
                <p className="card__title">
                  {visit[0]!.deptName} · {visit[0]!.doctorName}
                </p>
                <p className="card__total">{yuan(visit.reduce((sum, b) => sum + b.totalFen, 0))}</p>
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void pay(visit)}>
                  {t('bills.pay')}
                </button>
              </div>
              <ul className="card__items">
                {visit.flatMap((bill) => bill.items).map((item, i) => (
                  <li key={i}>
                    {item.name} ×{item.cnt} {yuan(item.amountFen)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </ScrollBox>
      ) : null}
    </ScreenFrame>
  );
}
