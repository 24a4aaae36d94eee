import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useCounter } from '../flows/useCounter';
import { useT } from '../i18n';
import { useSpeakOnShow } from '../speech/voiceContext';
import { useKioskStore } from '../store';
import type { Screen } from '../store/slices/sessionSlice';
import '../screenLayouts.css';

/**
 * Where a screen's 上一步 and 结束 stand: the footer's slot (Layout provides it), the same place on
 * every screen and at no cost to the screen's height. Without a Layout (a screen tested alone)
 * they stand at the end of the screen.
 */
export const NavSlotContext = createContext<HTMLElement | null>(null);

/** A form inside a screen hands its back action to the screen (FormActions), so there is one 上一步. */
const BackContext = createContext<((back: (() => void) | null) => void) | null>(null);

/**
 * Screens with no 结束 of the frame's, and why (test/e2e/everyScreen.test.ts excepts the same):
 * nobody is served yet on the home and closed screens (the pharmacy's home is staff's cart); while settling, ending would hide the
 * outcome of a payment under way; the receipt and the admission are the end (完成, once the slip is
 * out); the cash and cancel steps follow a settlement whose slip must not be wiped unprinted; the
 * other-ways screen has its own 结束，重新开始. Admin screens are staff's, not a patient's.
 */
const NO_END: ReadonlySet<string> = new Set(['home', 'closed', 'cart', 'settling', 'receipt', 'admitted', 'cash-taken', 'cancel', 'other-ways']);
const isStaffScreen = (name: string) => name.startsWith('admin');

/**
 * Back for screens whose own content offers none: the screen before them (there is no history;
 * these are reached one way, or, for the other ways, from the start).
 */
const BACK_TO: Readonly<Partial<Record<string, Screen>>> = { face: 'consent', 'second-factor': 'face', 'other-ways': 'home' };

/**
 * Registers a form's back action with the screen around it; true when the screen shows it (the
 * form then shows no back of its own). The latest action is kept in a ref: a new arrow on each
 * render must not re-register (which would re-render the screen, and so on).
 */
export function useScreenBack(back: () => void): boolean {
  const register = useContext(BackContext);
  const latest = useRef(back);
  useEffect(() => {
    latest.current = back;
  });
  useEffect(() => {
    if (!register) return undefined;
    register(() => latest.current());
    return () => register(null);
  }, [register]);
  return register !== null;
}

function ScreenNav({ back, end }: { back: (() => void) | null; end: boolean }) {
  const t = useT();
  const { finish } = useCounter();
  return (
    <div className="screen-nav" data-testid="screen-nav">
      {back ? (
        <button type="button" className="button button--secondary button--nav" onClick={back}>
          {t('common.back')}
        </button>
      ) : null}
      {end ? (
        <button type="button" className="button button--secondary button--nav" onClick={() => void finish()}>
          {t('common.end')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * A screen: one heading (spoken when shown, with the instruction under it), then its content,
 * and the way out of it: 上一步 (`back`, or a form's back, or the step before) and 结束, which
 * ends the visit (useCounter's finish: an open quote is declined, nothing of the patient stays).
 * `back={null}` and `end={false}` leave either out where it would be wrong.
 */
export function ScreenFrame({
  name,
  title,
  spoken,
  back,
  end,
  children,
}: {
  name: string;
  title: string;
  /** What to say aloud; the title when not given. */
  spoken?: string;
  back?: (() => void) | null;
  end?: boolean;
  children: ReactNode;
}) {
  useSpeakOnShow(spoken ?? title);
  const slot = useContext(NavSlotContext);
  const [formBack, setFormBack] = useState<(() => void) | null>(null);
  // Stable, so a form registers once (see useScreenBack).
  const register = useCallback((next: (() => void) | null) => setFormBack(() => next), []);
  const goTo = useKioskStore((s) => s.goTo);
  const fallback = BACK_TO[name];
  const onBack = back === null ? null : (back ?? formBack ?? (fallback ? () => goTo(fallback) : null));
  const showEnd = end ?? !NO_END.has(name);
  const nav = !isStaffScreen(name) && (onBack || showEnd) ? <ScreenNav back={onBack} end={showEnd} /> : null;
  return (
    <BackContext.Provider value={register}>
      <section className={`screen screen--${name}`} aria-labelledby={`${name}-title`} data-screen={name}>
        <h1 id={`${name}-title`} className="screen__title">
          {title}
        </h1>
        {children}
        {nav && !slot ? nav : null}
      </section>
      {nav && slot ? createPortal(nav, slot) : null}
    </BackContext.Provider>
  );
}
