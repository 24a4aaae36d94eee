import { createContext, useContext, useMemo, useRef, useState, type FocusEvent, type ReactNode } from 'react';

/** Marks the inputs a keypad types into, so focus on any other input puts the keypad away. */
export const KEYPAD_FIELD_ATTR = 'data-keypad-field';

type InputOf = () => HTMLInputElement | null;

export interface KeypadGroupApi {
  /** The field the keypad types into now; null: none (the keypad is put away). */
  active: string | null;
  /** Where the group's one keypad shows: beside the fields, so moving between them moves nothing. */
  slot: HTMLElement | null;
  activate(name: string | null): void;
  register(name: string, input: InputOf): () => void;
  /** The next field of the same form after `name`, in screen order, that is still empty. */
  nextToFill(name: string): { name: string; input: HTMLInputElement } | null;
}

const KeypadGroupContext = createContext<KeypadGroupApi | null>(null);

export const useKeypadGroup = (): KeypadGroupApi | null => useContext(KeypadGroupContext);

const isEntry = (node: Element) => node.tagName === 'INPUT' || node.tagName === 'TEXTAREA' || node.tagName === 'SELECT';

/**
 * The number fields of one form share one keypad, beside them: it types into the field chosen
 * (a touch on another field chooses that one) and 确认 goes on to the next empty field before it
 * submits. `initial` names the field typed first; null keeps the keypad away until one is touched.
 */
export function KeypadGroup({ initial = null, children }: { initial?: string | null; children: ReactNode }) {
  const [active, setActive] = useState<string | null>(initial);
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);
  const fields = useRef(new Map<string, InputOf>());
  const api = useMemo<KeypadGroupApi>(
    () => ({
      active,
      slot,
      activate: setActive,
      register(name, input) {
        fields.current.set(name, input);
        return () => {
          if (fields.current.get(name) === input) fields.current.delete(name);
        };
      },
      nextToFill(name) {
        const present = [...fields.current]
          .map(([n, input]) => ({ name: n, input: input() }))
          .filter((f): f is { name: string; input: HTMLInputElement } => f.input !== null)
          .sort((a, b) => (a.input.compareDocumentPosition(b.input) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
        const at = present.findIndex((f) => f.name === name);
        const from = present[at]?.input;
        if (!from) return null;
        return present.slice(at + 1).find((f) => f.input.form === from.form && !f.input.readOnly && !f.input.disabled && f.input.value === '') ?? null;
      },
    }),
    [active, slot],
  );
  // Staff moved on to a field the keypad does not type into (a reason, a diagnosis name).
  const onFocus = (event: FocusEvent) => {
    if (isEntry(event.target) && !event.target.hasAttribute(KEYPAD_FIELD_ATTR)) setActive(null);
  };
  return (
    <KeypadGroupContext.Provider value={api}>
      <div className="keypad-group" onFocus={onFocus}>
        <div className="keypad-group__fields">{children}</div>
        <div className="keypad-group__pad" ref={setSlot} />
      </div>
    </KeypadGroupContext.Provider>
  );
}
