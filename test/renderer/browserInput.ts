import { act, fireEvent } from '@testing-library/react';

/**
 * jsdom dispatches events but carries out none of the browser's default actions: a press does
 * not move focus, a key does not type into the focused field, Enter neither presses the focused
 * button nor submits the field's form. These do what Chromium does, after the page's own
 * listeners had their say (a listener that prevents the default stops it here too), so the
 * subject of a test is the page's handling of a real touch and a real keyboard.
 */

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]';

const isTextField = (el: Element): el is HTMLInputElement => el.tagName === 'INPUT' && !(el as HTMLInputElement).readOnly;

/**
 * A finger's tap, in Chromium's order: pointerdown, pointerup, then (unless pointerdown was
 * cancelled) the mouse-compatible mousedown, which moves focus to what was touched (or away,
 * to the page, from a spot nothing can focus), mouseup, and the click (detail 1).
 */
export function tap(element: Element): void {
  const pointerDownAllowed = fireEvent.pointerDown(element, { pointerType: 'touch' });
  fireEvent.pointerUp(element, { pointerType: 'touch' });
  if (pointerDownAllowed) {
    if (fireEvent.mouseDown(element, { detail: 1 })) {
      const focusable = element.closest(FOCUSABLE) as HTMLElement | null;
      act(() => {
        if (focusable && !(focusable as HTMLButtonElement).disabled) focusable.focus();
        else (document.activeElement as HTMLElement | null)?.blur();
      });
    }
    fireEvent.mouseUp(element, { detail: 1 });
  }
  if (!(element as HTMLButtonElement).disabled) fireEvent.click(element, { detail: 1 });
}

/** Enter's default action: press the focused button, or submit the focused field's form as its default button would. */
function enterDefault(target: Element): void {
  if (target.tagName === 'BUTTON') {
    if (!(target as HTMLButtonElement).disabled) fireEvent.click(target);
    return;
  }
  const form = isTextField(target) ? target.form : null;
  if (!form) return;
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"], button:not([type])');
  if (submit?.disabled) return;
  act(() => form.requestSubmit(submit ?? undefined));
}

/**
 * One key, as a keyboard or a keyboard-wedge scanner sends it, at `at` ms (the event's
 * timeStamp): keydown to the focused element and, unless a listener prevented it, its default
 * action; a character goes into a focused text field (as far as its maxLength allows).
 */
export function key(name: string, at: number): void {
  const target = document.activeElement ?? document.body;
  const down = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
  Object.defineProperty(down, 'timeStamp', { value: at });
  if (fireEvent(target, down)) {
    if (name === 'Enter') enterDefault(target);
    else if (name.length === 1 && isTextField(target) && (target.maxLength < 0 || target.value.length < target.maxLength)) {
      fireEvent.input(target, { target: { value: target.value + name } });
    }
  }
  const up = new KeyboardEvent('keyup', { key: name, bubbles: true, cancelable: true });
  Object.defineProperty(up, 'timeStamp', { value: at + 1 });
  fireEvent(document.activeElement ?? document.body, up);
}

/** Characters `gapMs` apart from `at`, then Enter `gapMs` later; returns the time of the Enter. */
export function typeKeys(text: string, at: number, gapMs: number): number {
  let t = at;
  for (const char of text) {
    key(char, t);
    t += gapMs;
  }
  key('Enter', t);
  return t;
}

/** A keyboard-wedge scanner: the code 4 ms a character, then Enter. */
export const scan = (code: string, at: number): number => typeKeys(code, at, 4);
