import { useState, type FormEvent } from 'react';
import { useMetric } from '../../app/metrics';
import { KeypadGroup } from '../../components/KeypadGroup';
import { ID_NUMBER, OPERATOR_ID, PIN } from '../../components/keypadSpec';
import { NumberField } from '../../components/NumberField';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useVoice } from '../../speech/voiceContext';
import { useKioskStore } from '../../store';
import { selectOperatorId } from '../../store/selectors';
import { residentIdProblem, RESIDENT_ID_LENGTH } from './residentId';
import './staffId.css';

type Notice = 'incomplete' | 'check-digit' | 'staff-missing' | 'not-found';

export interface StaffIdScreenProps {
  /** The screen it is: a failure other than "not found" comes back to it. */
  name: 'id-number' | 'card';
  title: string;
  /** What is said when it shows; the title unless given. */
  spoken?: string;
  /** The number field's label: 身份证号码, or 卡面上的社会保障号码. */
  numberLabel: string;
  /** What the number is called in what the screen says of it; the label unless given. */
  numberName?: string;
  /** The way in the inclusion metrics count it as. */
  via: 'id-number' | 'card';
}

/**
 * Staff type the patient's resident ID number (from the ID card, or the 社会保障号码 printed on a
 * social-security card, which is the same number) and vouch for it with their number and PIN;
 * main sends 1101 type 02. The check character is checked here, before anything is sent, and the
 * number stays to be corrected; "not found" is said here too, with what was checked. What is
 * wrong with the number stands beside 确定 (and is spoken): the form and its keypad fill a
 * 768-pixel screen.
 */
export function StaffIdScreen({ name, title, spoken, numberLabel, numberName = numberLabel, via }: StaffIdScreenProps) {
  const t = useT();
  const { api, takeIdentity } = useCounter();
  const { speech } = useVoice();
  const locale = useKioskStore((s) => s.locale);
  const goTo = useKioskStore((s) => s.goTo);
  const metric = useMetric();
  const signedIn = useKioskStore(selectOperatorId);
  const [certno, setCertno] = useState('');
  const [operatorId, setOperatorId] = useState(useKioskStore.getState().operator?.id ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const noticeText = (n: Notice) =>
    n === 'staff-missing'
      ? t('idn.staffMissing')
      : t(n === 'not-found' ? 'idn.notFound' : n === 'incomplete' ? 'idn.incomplete' : 'idn.checkDigit', { what: numberName });
  const say = (next: Notice) => {
    setNotice(next);
    speech.say(noticeText(next), locale);
  };
  const back = () => goTo('other-ways');

  const typeNumber = (value: string) => {
    setCertno(value);
    // Said as soon as the last character is in: staff correct it before going on to their PIN.
    if (value.length === RESIDENT_ID_LENGTH && residentIdProblem(value) === 'check-digit') say('check-digit');
    else setNotice(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = residentIdProblem(certno);
    if (problem) return say(problem);
    if (!operatorId.trim() || !pin) return say('staff-missing');
    setBusy(true);
    setNotice(null);
    const generation = useKioskStore.getState().generation;
    const result = await api.identifyByIdNumber({ certno: certno.trim().toUpperCase(), operatorId: operatorId.trim(), pin });
    if (useKioskStore.getState().generation !== generation) return; // that patient has gone
    setBusy(false);
    // The PIN vouched for one lookup: a correction is vouched for again.
    setPin('');
    if (result.ok) {
      metric({ type: 'fallback', via });
      takeIdentity({ status: 'identified', person: result.value }, name);
    } else if (result.error.code === 'PERSON_NOT_FOUND') {
      say('not-found');
    } else {
      useKioskStore.getState().showProblem({ error: result.error, retryScreen: name });
    }
  };

  if (notice === 'not-found') {
    // The number is kept: 改正号码 brings the form back with it, for staff to correct.
    return (
      <ScreenFrame name={name} title={title} spoken={spoken} back={back}>
        <p className="screen__lead screen__lead--warn" role="alert">
          {noticeText(notice)}
        </p>
        <div className="screen__actions">
          <button type="button" className="button button--primary" onClick={() => setNotice(null)}>
            {t('idn.correct')}
          </button>
          <button type="button" className="button button--secondary" onClick={back}>
            {t('problem.otherWays')}
          </button>
        </div>
      </ScreenFrame>
    );
  }
  return (
    <ScreenFrame name={name} title={title} spoken={spoken} back={back}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <KeypadGroup initial="certno">
          <NumberField name="certno" label={numberLabel} spec={ID_NUMBER} value={certno} onValueChange={typeNumber} autoFocus />
          <NumberField name="operator" label={t('idn.operator')} spec={OPERATOR_ID} value={operatorId} onValueChange={setOperatorId} readOnly={Boolean(signedIn)} />
          <NumberField name="pin" label={t('idn.pin')} spec={PIN} value={pin} onValueChange={setPin} />
        </KeypadGroup>
        <div className="screen__actions staff-id__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.working') : t('common.submit')}
          </button>
          {notice ? (
            <p className="screen__lead screen__lead--warn staff-id__notice" role="alert">
              {noticeText(notice)}
            </p>
          ) : null}
        </div>
      </form>
    </ScreenFrame>
  );
}
