import { useState, type FormEvent } from 'react';
import type { CounterError } from '../api/counter';
import { PIN } from '../components/keypadSpec';
import { NumberField } from '../components/NumberField';
import { ScreenFrame } from '../components/ScreenFrame';
import { useCounterApi } from '../flows/useCounter';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { adminErrorText } from './adminError';

/** The admin PIN: checked (hashed, with lockout) by the main process; the screen only relays. */
export function AdminPin() {
  const t = useT();
  const api = useCounterApi();
  const setAdminToken = useKioskStore((s) => s.setAdminToken);
  const closeAdmin = useKioskStore((s) => s.closeAdmin);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  const [unlockNote, setUnlockNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pin || busy) return;
    setBusy(true);
    const result = await api.adminUnlock({ pin });
    setBusy(false);
    setPin('');
    if (result.ok) return setAdminToken(result.value.adminToken);
    const { code, attemptsLeft } = result.error as CounterError;
    // LOCKED_OUT carries main's sentence with the time the lock ends (electron/core/pinLockout.ts).
    setUnlockNote(code === 'LOCKED_OUT' ? result.error.message : '');
    setMessage(
      code === 'LOCKED_OUT' || attemptsLeft === 0
        ? t('admin.locked')
        : attemptsLeft !== undefined
          ? t('admin.wrong', { n: attemptsLeft })
          : adminErrorText(t, result.error),
    );
  };
  return (
    <ScreenFrame name="admin-pin" title={t('admin.pinTitle')}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <NumberField label={t('admin.pin')} spec={PIN} value={pin} onValueChange={setPin} autoFocus />
        <p className="screen__text screen__text--warn" role="alert">
          {message}
        </p>
        {unlockNote && <p className="screen__text">{unlockNote}</p>}
        <div className="screen__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('admin.unlock')}
          </button>
          <button type="button" className="button button--secondary" onClick={closeAdmin}>
            {t('admin.close')}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
