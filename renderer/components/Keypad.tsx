import { useState, type SyntheticEvent } from 'react';
import { useT } from '../i18n';
import { useVoice } from '../speech/voiceContext';
import { useKioskStore } from '../store';
import { selectLocale } from '../store/selectors';
import { accepts, DIGITS, LETTERS, type KeypadSpec } from './keypadSpec';
import './Keypad.css';

export interface KeypadProps {
  /** The field the keys type into: named on the keypad, and for assistive technology. */
  label: string;
  value: string;
  spec: KeypadSpec;
  onChange(value: string): void;
  onConfirm(): void;
  /** Offered when the field can also be typed some other way, so the keypad can be put away. */
  onClose?: () => void;
}

/**
 * A key never takes focus: the field keeps it (a physical keyboard goes on typing there) and a
 * touch never lands on an input, which is what opens a tablet's own keyboard over the screen.
 */
const keepFocus = (event: SyntheticEvent) => event.preventDefault();

function Key({ children, name, onPress, disabled, variant }: { children: string; name?: string; onPress(): void; disabled?: boolean; variant?: 'action' | 'confirm' }) {
  return (
    <button
      type="button"
      tabIndex={-1}
      className={variant ? `keypad__key keypad__key--${variant}` : 'keypad__key'}
      aria-label={name}
      disabled={disabled}
      onPointerDown={keepFocus}
      onMouseDown={keepFocus}
      onClick={onPress}
    >
      {children}
    </button>
  );
}

const Gap = () => <span className="keypad__gap" aria-hidden="true" />;

/**
 * The on-screen keypad: large keys for a finger, only the characters the field takes, and every
 * key spoken as it is pressed (a PIN only by how many digits are in).
 */
export function Keypad({ label, value, spec, onChange, onConfirm, onClose }: KeypadProps) {
  const t = useT();
  const { speech } = useVoice();
  const locale = useKioskStore(selectLocale);
  const [letters, setLetters] = useState(false);
  const say = (text: string) => speech.say(text, locale);
  const count = (n: number) => t('keypad.entered', { n });

  const type = (char: string) => {
    if (!accepts(spec, value, char)) {
      if (value.length >= spec.maxLength) say(t('keypad.full'));
      return;
    }
    const next = value + char;
    onChange(next);
    say(spec.masked ? count(next.length) : char);
  };
  const backspace = () => {
    if (!value) return;
    const next = value.slice(0, -1);
    onChange(next);
    say(spec.masked ? count(next.length) : t('keypad.deleted'));
  };
  const clear = () => {
    onChange('');
    say(t('keypad.cleared'));
  };

  const charKey = (char: string) => (
    <Key key={char} onPress={() => type(char)} disabled={char === 'X' && !accepts(spec, value, char)}>
      {char}
    </Key>
  );
  const back = (
    <Key name={t('keypad.backspace')} variant="action" onPress={backspace}>
      ⌫
    </Key>
  );
  const clearKey = (
    <Key variant="action" onPress={clear}>
      {t('keypad.clear')}
    </Key>
  );
  const confirm = (
    <Key variant="confirm" onPress={onConfirm}>
      {t('keypad.confirm')}
    </Key>
  );
  const close = onClose ? (
    <Key variant="action" onPress={onClose}>
      {t('keypad.close')}
    </Key>
  ) : (
    <Gap />
  );
  const toggle = (to: boolean) => (
    <Key variant="action" onPress={() => setLetters(to)}>
      {to ? t('keypad.letters') : t('keypad.digits')}
    </Key>
  );
  const showLetters = letters && Boolean(spec.letters);

  return (
    <div className="keypad" role="group" aria-label={t('keypad.name', { field: label })}>
      <p className="keypad__caption">{t('keypad.typing', { field: label })}</p>
      {showLetters ? (
        <>
          <div className="keypad__grid keypad__grid--letters">
            {[...LETTERS, ...(spec.symbols ?? '')].map(charKey)}
            {toggle(false)}
          </div>
          <div className="keypad__row">
            {back}
            {clearKey}
            {confirm}
            {onClose ? close : null}
          </div>
        </>
      ) : (
        <div className="keypad__grid">
          {[...DIGITS.slice(0, 3)].map(charKey)}
          {back}
          {[...DIGITS.slice(3, 6)].map(charKey)}
          {clearKey}
          {[...DIGITS.slice(6, 9)].map(charKey)}
          {confirm}
          {spec.checkX ? charKey('X') : spec.letters ? toggle(true) : <Gap />}
          {charKey('0')}
          {close}
        </div>
      )}
    </div>
  );
}
