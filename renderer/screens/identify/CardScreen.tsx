import { useState } from 'react';
import { useMetric } from '../../app/metrics';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useCounter } from '../../flows/useCounter';
import { useT } from '../../i18n';
import { useVoice } from '../../speech/voiceContext';
import { useKioskStore } from '../../store';
import { selectAppInfo } from '../../store/selectors';
import { StaffIdScreen } from './StaffIdScreen';

type Trouble = 'no-card' | 'unreadable' | null;

/**
 * The social-security card. With a reader (main's device), the patient inserts it and touches 读卡:
 * the reader gives the card number and the chip's card_sn (1101 type 03), nobody types anything.
 * Without one, staff type the 社会保障号码 printed on the card — the resident ID number — as on
 * the ID-number path (type 02, their PIN): the card_sn is in the chip, printed nowhere, so no one
 * can type it (renderer/README.md). A card the reader cannot read goes the same staff way.
 */
export function CardScreen() {
  const t = useT();
  const goTo = useKioskStore((s) => s.goTo);
  const hasReader = useKioskStore(selectAppInfo)?.cardReader === true;
  const [byStaff, setByStaff] = useState(!hasReader);
  const back = () => goTo('other-ways');
  if (byStaff) {
    // Said, not written: the staff form and its keypad need all of a 768-pixel screen; the field's label says what to type.
    const said = `${t(hasReader ? 'card.staff.text' : 'card.staff.noReader')}。${t('card.staff.title')}`;
    return (
      <StaffIdScreen name="card" title={t('card.staff.title')} spoken={said} numberLabel={t('card.staff.field')} numberName={t('card.staff.number')} via="card" />
    );
  }
  return <CardReaderStep onByStaff={() => setByStaff(true)} onBack={back} />;
}

function CardReaderStep({ onByStaff, onBack }: { onByStaff(): void; onBack(): void }) {
  const t = useT();
  const { api, run, takeIdentity } = useCounter();
  const { speech } = useVoice();
  const locale = useKioskStore((s) => s.locale);
  const metric = useMetric();
  const [busy, setBusy] = useState(false);
  const [trouble, setTrouble] = useState<Trouble>(null);

  const read = async () => {
    if (busy) return;
    setBusy(true);
    setTrouble(null);
    const answer = await run(api.identifyByCardReader({}), 'card');
    setBusy(false);
    if (!answer) return;
    if (answer.status === 'identified') {
      metric({ type: 'fallback', via: 'card' });
      takeIdentity(answer, 'card');
    } else if (answer.status === 'no-reader') {
      onByStaff();
    } else {
      setTrouble(answer.status);
      speech.say(t(answer.status === 'no-card' ? 'card.reader.noCard' : 'card.reader.unreadable'), locale);
    }
  };

  return (
    <ScreenFrame name="card" title={t('card.reader.title')} spoken={t('card.reader.text')} back={onBack}>
      <p className="screen__lead">{t('card.reader.text')}</p>
      {trouble ? (
        <p className="screen__lead screen__lead--warn" role="alert">
          {t(trouble === 'no-card' ? 'card.reader.noCard' : 'card.reader.unreadable')}
        </p>
      ) : null}
      <div className="screen__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void read()}>
          {busy ? t('common.working') : t('card.reader.read')}
        </button>
        <button type="button" className="button button--secondary" onClick={onByStaff}>
          {t('card.reader.byStaff')}
        </button>
      </div>
    </ScreenFrame>
  );
}
