import { useState } from 'react';
import type { ReconcileOrphan } from '../../shared/types/settlement';
import { Field } from '../components/Field';
import { KeypadGroup } from '../components/KeypadGroup';
import { OPERATOR_ID, PIN } from '../components/keypadSpec';
import { NumberField } from '../components/NumberField';
import { yuan } from '../components/money';
import { useCounterApi } from '../flows/useCounter';
import { useT, type MessageKey } from '../i18n';
import { useKioskStore } from '../store';
import { selectAdminToken, selectLocale } from '../store/selectors';
import { formatDayTime } from '../format/dateTime';
import { adminErrorText } from './adminError';

const JOURNAL_STATE: Record<ReconcileOrphan['journalState'], MessageKey> = {
  none: 'admin.orphanJournal.none',
  failed: 'admin.orphanJournal.failed',
  reversed: 'admin.orphanJournal.reversed',
};

/**
 * Platform settlements carrying this terminal's msgid that its journal does not hold as done:
 * money moved with no record here. Each can be reversed (2601) by a staff member, with their
 * own ID and PIN and a reason the journal keeps; the admin PIN alone is not enough.
 */
export function OrphanList({ orphans, onReversed }: { orphans: ReconcileOrphan[]; onReversed(msgid: string): void }) {
  const t = useT();
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const locale = useKioskStore(selectLocale);
  const [open, setOpen] = useState<string | null>(null);
  const [form, setForm] = useState({ operatorId: useKioskStore.getState().operator?.id ?? '', pin: '', reason: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  if (!adminToken || orphans.length === 0) return message ? <p role="status">{message}</p> : null;
  const reverse = async (msgid: string) => {
    if (busy) return;
    setBusy(true);
    const result = await api.reverseOrphan({ adminToken, msgid, ...form });
    setBusy(false);
    setMessage(result.ok ? result.value.explanation : adminErrorText(t, result.error));
    if (result.ok) {
      setOpen(null);
      setForm({ ...form, pin: '', reason: '' });
      onReversed(msgid);
    }
  };
  return (
    <div data-testid="reconcile-orphans">
      <p className="screen__lead">{t('admin.reconcileOrphans')}</p>
      <p className="screen__text">{t('admin.orphanHint')}</p>
      <ul>
        {orphans.map((o) => (
          <li key={o.msgid} data-testid={`orphan-${o.msgid}`}>
            <p className="screen__text">
              {t('admin.orphanLine', {
                time: o.time ? formatDayTime(o.time, locale) : '—',
                person: [o.maskedName, o.maskedPsnNo].filter(Boolean).join(' '),
                total: yuan(o.medfeeFen),
                fund: yuan(o.fundFen),
                account: yuan(o.accountFen),
              })}
              {o.refund ? ` · ${t('admin.refund')}` : ''} · {t(JOURNAL_STATE[o.journalState])}
            </p>
            <p className="screen__text">{t('admin.orphanRefs', { setlId: o.setlId, msgid: o.msgid })}</p>
            {open !== o.msgid ? (
              <button type="button" className="button button--secondary" onClick={() => setOpen(o.msgid)}>
                {t('admin.orphanReverse')}
              </button>
            ) : (
              <form
                className="form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void reverse(o.msgid);
                }}
              >
                <KeypadGroup initial={form.operatorId ? 'pin' : 'operatorId'}>
                  <NumberField name="operatorId" label={t('admin.operatorId')} spec={OPERATOR_ID} value={form.operatorId} onValueChange={(operatorId) => setForm({ ...form, operatorId })} />
                  <NumberField name="pin" label={t('admin.orphanPin')} spec={PIN} value={form.pin} onValueChange={(pin) => setForm({ ...form, pin })} />
                  <Field label={t('admin.orphanReason')} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
                </KeypadGroup>
                <div className="choices">
                  <button type="submit" className="button button--primary" disabled={busy || !form.operatorId || !form.pin || form.reason.trim().length < 2}>
                    {busy ? t('common.working') : t('admin.orphanConfirm')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
                    {t('common.back')}
                  </button>
                </div>
              </form>
            )}
          </li>
        ))}
      </ul>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
