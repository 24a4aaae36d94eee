import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n';
import { Field } from './Field';
import { Keypad } from './Keypad';
import { useKeypadGroup } from './KeypadGroup';
import { sanitize, type KeypadSpec } from './keypadSpec';

export interface NumberFieldProps {
  label: string;
  /** Names the field in its KeypadGroup; a field outside a group has its keypad to itself. */
  name?: string;
  value: string;
  onValueChange(value: string): void;
  spec: KeypadSpec;
  /**
   * The field also takes words typed on the system keyboard (the pharmacy's drug-name search):
   * the input keeps its usual keyboard and the keypad opens from its own button instead.
   */
  freeText?: boolean;
  /** A field outside a group shows its keypad at once, unless it is one staff rarely type ('closed'). */
  keypad?: 'open' | 'closed';
  autoFocus?: boolean;
  readOnly?: boolean;
  className?: string;
}

/** The form's own submit, as its submit button would do it (not while that button is disabled). */
function submitForm(input: HTMLInputElement | null): boolean {
  const form = input?.form;
  if (!form) return false;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button?.disabled) return true;
  form.requestSubmit(button ?? undefined);
  return true;
}

/**
 * A number the kiosk asks for: a real input (a physical keyboard and the scanner type into it as
 * ever) with the on-screen keypad beside it. The input asks the system for no keyboard of its
 * own (inputmode none), so touching it brings up this keypad and nothing over the screen.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, name = label, value, onValueChange, spec, freeText = false, keypad = freeText ? 'closed' : 'open', autoFocus, readOnly, className } = props;
  const t = useT();
  const group = useKeypadGroup();
  const wrap = useRef<HTMLDivElement>(null);
  const [openAlone, setOpenAlone] = useState(keypad === 'open');
  const active = !readOnly && (group ? group.active === name : openAlone);
  const setActive = (on: boolean) => (group ? group.activate(on ? name : null) : setOpenAlone(on));
  const input = () => wrap.current?.querySelector('input') ?? null;

  useEffect(() => group?.register(name, () => wrap.current?.querySelector('input') ?? null), [group, name]);

  const confirm = () => {
    const next = group?.nextToFill(name);
    if (next) {
      const hadFocus = document.activeElement === input();
      group?.activate(next.name);
      if (hadFocus) next.input.focus();
      return;
    }
    // Nothing left to fill: the form's submit, as its button (not while that is disabled); no form, the keypad goes.
    if (!submitForm(input())) setActive(false);
  };
  // Touching the field (or tabbing to it) is choosing it; a free-text field opens from its button.
  const choose = () => {
    if (!freeText && !readOnly) setActive(true);
  };

  const pad = active ? (
    <Keypad label={label} value={value} spec={spec} onChange={onValueChange} onConfirm={confirm} onClose={group || keypad === 'closed' ? () => setActive(false) : undefined} />
  ) : null;
  return (
    <div className="keypad-field" ref={wrap}>
      <Field
        label={label}
        value={value}
        onChange={(e) => onValueChange(freeText ? e.target.value : sanitize(spec, e.target.value))}
        type={spec.masked ? 'password' : 'text'}
        inputMode={freeText ? undefined : 'none'}
        maxLength={freeText ? undefined : spec.maxLength}
        // As wide as the number, not the browser's 20 characters, so the keypad fits beside it.
        size={freeText ? undefined : Math.min(spec.maxLength, 20)}
        autoFocus={autoFocus}
        readOnly={readOnly}
        className={className ?? 'field__input'}
        data-keypad-active={active}
        onPointerDown={choose}
        onFocus={choose}
        data-keypad-field=""
      />
      {freeText && !readOnly ? (
        <button type="button" className="button button--quiet keypad-field__toggle" aria-expanded={active} onClick={() => setActive(!active)}>
          {t('keypad.open')}
        </button>
      ) : null}
      {pad && group ? (group.slot ? createPortal(pad, group.slot) : null) : pad}
    </div>
  );
}
