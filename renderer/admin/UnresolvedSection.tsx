import { useEffect, useState } from 'react';
import type { UnresolvedAttemptView } from '../../shared/types/settlement';
import { Field } from '../components/Field';
import { KeypadGroup } from '../components/KeypadGroup';
import { OPERATOR_ID, PIN } from '../components/keypadSpec';
import { NumberField } from '../components/NumberField';
import { yuan } from '../components/money';
import { useCounterApi } from '../flows/useCounter';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectAdminToken, selectLocale } from '../store/selectors';
import { formatDayTime } from '../format/dateTime';
import { adminErrorText } from './adminError';

type Resolution = 'reversed' | 'settled' | 'never-happened';

/**
 * Payments whose result is still being confirmed. Recovery settles most of them by itself;
 * those it cannot (the platform holds a settlement 2601 will not undo, or answers it cannot
 * read) are marked for staff, who decide from what the platform shows, with their PIN and a
 * reason that the journal keeps.
 */
export function UnresolvedSection() {
  const t = useT();
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const locale = useKioskStore(selectLocale);
  // Local time in Chinese form (11月30日 14:05), as the terminal's clock stands.
  const at = (iso: string) => formatDayTime(iso, locale);
  const [rows, setRows] = useState<UnresolvedAttemptView[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [form, setForm] = useState({ operatorId: '', pin: '', reason: '' });
  const [message, setMessage] = useState('');
  // Bumped after a resolution: the list is read again from main, never patched here.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!adminToken) return;
    let live = true;
    void api.listUnresolved({ adminToken }).then((result) => {
      if (!live) return;
      setRows(result.ok ? result.value : []);
      if (!result.ok) setMessage(adminErrorText(t, result.error));
    });
    return () => {
      live = false;
    };
  }, [api, adminToken, version, t]);
  if (!adminToken) return null;
  const resolve = async (msgid: string, resolution: Resolution) => {
    const result = await api.resolveUnresolved({ adminToken, msgid, resolution, ...form });
    setMessage(result.ok ? t('admin.unresolvedDone') : adminErrorText(t, result.error));
    if (result.ok) {
      setOpen(null);
      setForm({ operatorId: '', pin: '', reason: '' });
      setVersion((v) => v + 1);
    }
  };
  return (
    <div className="admin__section" data-testid="unresolved">
      {rows && rows.length === 0 ? <p className="screen__lead">{t('admin.unresolvedNone')}</p> : null}
      <ul className="report">
        {(rows ?? []).map((row) => (
          <li key={row.msgid} data-testid={`unresolved-${row.msgid}`}>
            <p className="screen__text">
              <strong>{row.needsStaff ? t('admin.unresolvedNeedsStaff') : t('admin.unresolvedChecking')}</strong> {row.what} · {row.maskedName || '—'}
              {row.requestedFen !== null ? ` · ${yuan(row.requestedFen)}` : ''} · {t('admin.unresolvedSent', { at: at(row.sentAt) })} ·{' '}
              {t('admin.unresolvedDecidable', { at: at(row.decidableAt) })}
            </p>
            <p className="screen__text">{t('admin.unresolvedRef', { msgid: row.msgid })}</p>
            <p className="screen__text">{row.platformSays ?? t('admin.unresolvedNotAsked')}</p>
            {row.staffMayResolve && open !== row.msgid ? (
              <button type="button" className="button button--secondary" onClick={() => setOpen(row.msgid)}>
                {t('admin.unresolvedResolve')}
              </button>
            ) : null}
            {open === row.msgid ? (
              <div className="form">
                <KeypadGroup initial="operatorId">
                  <NumberField name="operatorId" label={t('admin.operatorId')} spec={OPERATOR_ID} value={form.operatorId} onValueChange={(operatorId) => setForm({ ...form, operatorId })} />
                  <NumberField name="pin" label={t('admin.unresolvedPin')} spec={PIN} value={form.pin} onValueChange={(pin) => setForm({ ...form, pin })} />
                  <Field label={t('admin.unresolvedReason')} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
                </KeypadGroup>
                <div className="choices">
                  <button type="button" className="button button--secondary" onClick={() => void resolve(row.msgid, 'reversed')}>
                    {t('admin.unresolvedAsReversed')}
                  </button>
                  <button type="button" className="button button--secondary" disabled={!row.platformHasRecord} onClick={() => void resolve(row.msgid, 'settled')}>
                    {t('admin.unresolvedAsSettled')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => void resolve(row.msgid, 'never-happened')}>
                    {t('admin.unresolvedAsNever')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
                    {t('common.back')}
                  </button>
                </div>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
