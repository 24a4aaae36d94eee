import { useEffect, useState, type FormEvent } from 'react';
import type { TodayLookup as Lookup, TodaySettlement } from '../../shared/types/staffDesk';
import { Field } from '../components/Field';
import { PIN } from '../components/keypadSpec';
import { NumberField } from '../components/NumberField';
import { ScreenFrame } from '../components/ScreenFrame';
import { ScrollBox } from '../components/ScrollBox';
import { useCounterApi } from '../flows/useCounter';
import { useOperatorFromMain } from '../hooks/useOperatorFromMain';
import { useScanner } from '../hooks/useScanner';
import { useT } from '../i18n';
import { PrintSlip } from '../print/PrintSlip';
import { nextStepOf } from '../print/slip';
import { usePrintSlip } from '../print/slipPrinting';
import { useKioskStore } from '../store';
import { selectMode, selectOperator, selectPrinting } from '../store/selectors';
import { ShiftEnd } from './ShiftEnd';
import { TodayRow } from './TodayRow';
import './staff.css';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * 今日结算: the staff side's look at this terminal's payments of today, from the journal in main:
 * by reference (msgid or setl_id, typed or scanned), a window of the day, or the masked name.
 * It opens with the signed-in operator's PIN (the list names patients, masked), kept only while
 * this screen is open. From a row staff reprint its slip (marked as a reprint) or cancel it
 * (the cancel screen shows the settlement and asks the PIN again: money moves back).
 */
export function TodayLookup() {
  const t = useT();
  const api = useCounterApi();
  const operator = useKioskStore(selectOperator);
  const mode = useKioskStore(selectMode);
  const printing = useKioskStore(selectPrinting);
  const printSlip = usePrintSlip();
  useOperatorFromMain();
  const [pin, setPin] = useState('');
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState({ text: '', from: '', to: '' });
  const [answer, setAnswer] = useState<Lookup | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [reprint, setReprint] = useState<TodaySettlement | null>(null);
  const [ending, setEnding] = useState(false);

  const search = async (q: typeof query = query) => {
    if (!pin || busy) return;
    setBusy(true);
    setMessage('');
    const result = await api.findTodaySettlements({
      pin,
      ...(q.text.trim() ? { text: q.text.trim() } : {}),
      ...(HH_MM.test(q.from) ? { from: q.from } : {}),
      ...(HH_MM.test(q.to) ? { to: q.to } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'NOT_AUTHORISED') {
        setOpen(false);
        setPin('');
        setAnswer(null);
        return setMessage(t(operator ? 'today.wrongPin' : 'today.noOperator'));
      }
      return setMessage(result.error.code === 'LOCKED_OUT' ? result.error.message : t('today.failed', { why: result.error.message }));
    }
    setOpen(true);
    setAnswer(result.value);
  };
  // Holding a slip's QR code to the scanner finds that slip.
  useScanner(open ? (code) => {
    const next = { ...query, text: code };
    setQuery(next);
    void search(next);
  } : null);

  // The reprint's slip is in #print-root once rendered; then it prints.
  useEffect(() => {
    if (!reprint?.slip) return;
    let live = true;
    void printSlip(reprint.slip.receipt).then((outcome) => {
      if (!live) return;
      const ref = reprint.setlId ?? reprint.msgid;
      setMessage(outcome === 'printed' ? t('today.reprinted', { setlId: ref }) : outcome === 'saved' ? t('today.saved') : t('receipt.printFailed'));
      setReprint(null);
    });
    return () => {
      live = false;
    };
  }, [reprint, printSlip, t]);

  const cancel = (row: TodaySettlement) => {
    if (row.slip?.receipt.kind !== 'settlement') return;
    const s = useKioskStore.getState();
    s.setReceipt(row.slip.receipt);
    s.goTo('cancel');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search();
  };
  const home = () => useKioskStore.getState().goTo('home');
  if (ending) {
    return (
      <ScreenFrame name="today" title={t('shift.end')} back={() => setEnding(false)} end={false}>
        <ShiftEnd onKeep={() => setEnding(false)} />
      </ScreenFrame>
    );
  }
  return (
    <ScreenFrame name="today" title={t('today.title')} back={home} end={false}>
      {open ? (
        <form className="form form--inline today__query" onSubmit={submit}>
          <Field label={t('today.text')} value={query.text} onChange={(e) => setQuery({ ...query, text: e.target.value })} autoFocus />
          <Field label={t('today.from')} value={query.from} inputMode="numeric" placeholder="08:00" onChange={(e) => setQuery({ ...query, from: e.target.value })} />
          <Field label={t('today.to')} value={query.to} inputMode="numeric" placeholder="17:30" onChange={(e) => setQuery({ ...query, to: e.target.value })} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.working') : t('today.search')}
          </button>
        </form>
      ) : (
        <form className="form" onSubmit={submit}>
          <p className="screen__text">{operator ? t('today.pinHint') : t('today.noOperator')}</p>
          <NumberField name="pin" label={t('today.pin')} spec={PIN} value={pin} onValueChange={setPin} autoFocus />
          <button type="submit" className="button button--primary" disabled={busy || !pin}>
            {busy ? t('common.working') : t('today.unlock')}
          </button>
        </form>
      )}
      {message ? (
        <p className="screen__text" role="status" data-testid="today-message">
          {message}
        </p>
      ) : null}
      {open && answer ? (
        <ScrollBox label={t('today.list')} className="today__list">
          {answer.rows.length === 0 ? <p className="screen__text">{t('today.none')}</p> : null}
          <ul className="today__rows" data-testid="today-rows">
            {answer.rows.map((row) => (
              <TodayRow
                key={row.msgid}
                row={row}
                canCancel={mode !== 'registration' && row.kind === 'settlement' && row.state === 'settled'}
                busy={busy || reprint !== null}
                onReprint={() => setReprint(row)}
                onCancel={() => cancel(row)}
              />
            ))}
          </ul>
          {answer.more ? <p className="screen__text">{t('today.more', { n: answer.rows.length })}</p> : null}
        </ScrollBox>
      ) : null}
      {reprint?.slip && answer ? (
        <PrintSlip
          receipt={reprint.slip.receipt}
          registration={reprint.slip.registration}
          nextStep={nextStepOf(reprint.slip.receipt, printing)}
          reprintedAt={answer.reprintedAt}
        />
      ) : null}
      {/* The shift's end is the staff side's too: the operator's own PIN, not the admin pages. */}
      {operator ? (
        <div className="screen__actions today__shift">
          <button type="button" className="button button--secondary" disabled={busy || reprint !== null} onClick={() => setEnding(true)}>
            {t('shift.end')}
          </button>
        </div>
      ) : null}
    </ScreenFrame>
  );
}
