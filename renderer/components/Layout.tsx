import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useCounter } from '../flows/useCounter';
import { useT } from '../i18n';
import { useKioskStore, type KioskState } from '../store';
import { selectAppInfo, selectDensity, selectLocale } from '../store/selectors';
import { CallStaffButton } from './CallStaffButton';
import { NavSlotContext } from './ScreenFrame';
import { StaffBanner } from './StaffBanner';
import { FamilyBanner } from '../family/FamilyBanner';

/** Five taps on the top-left corner within this long open the admin PIN: the hidden way in. */
export const CORNER_TAPS = 5;
export const CORNER_WINDOW_MS = 3000;
/** Or one press held this long on the same corner. */
export const CORNER_HOLD_MS = 2000;

/** Someone is being served: staff taking over must ask before their visit is ended. */
export const servingPatient = (s: KioskState) =>
  s.screen !== 'home' || s.person !== null || s.quote !== null || s.receipt !== null || s.cart.length > 0;

/** 结束当前病人的办理？ — asked before a staff takeover ends a visit under way. */
function StaffTakeoverDialog({ onConfirm, onKeep }: { onConfirm(): void; onKeep(): void }) {
  const t = useT();
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="takeover-question" aria-describedby="takeover-text">
      <div className="dialog">
        <h2 id="takeover-question">{t('staffEntry.confirmTitle')}</h2>
        <p id="takeover-text" className="screen__text">
          {t('staffEntry.confirmText')}
        </p>
        <button type="button" className="button button--primary" onClick={onKeep} autoFocus>
          {t('staffEntry.keep')}
        </button>
        <button type="button" className="button button--secondary" onClick={onConfirm}>
          {t('staffEntry.confirm')}
        </button>
      </div>
    </div>
  );
}

/**
 * Header (where am I, the small staff entry, language), the staff-call banner, the screen, and
 * the footer: the staff call that never goes away, and the screen's 上一步 and 结束 (NavSlotContext).
 * The staff entry stands at the top, far from 呼叫工作人员 at the bottom, so a patient looking for
 * help does not end their own visit; and a visit under way is ended only after staff confirm it.
 */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const info = useKioskStore(selectAppInfo);
  const locale = useKioskStore(selectLocale);
  const density = useKioskStore(selectDensity);
  const setLocale = useKioskStore((s) => s.setLocale);
  const openAdmin = useKioskStore((s) => s.openAdmin);
  const { finish } = useCounter();
  const taps = useRef<number[]>([]);
  const hold = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [asking, setAsking] = useState(false);
  const [navSlot, setNavSlot] = useState<HTMLElement | null>(null);
  // The page's language too, so assistive technology and fonts follow the switch.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => () => (hold.current ? clearTimeout(hold.current) : undefined), []);

  // Staff take over the terminal: whoever was being served is forgotten first.
  const takeOver = () => {
    setAsking(false);
    void finish();
    openAdmin();
  };
  const enterAdmin = () => {
    if (servingPatient(useKioskStore.getState())) setAsking(true);
    else takeOver();
  };
  const cornerUp = () => {
    if (hold.current) clearTimeout(hold.current);
    hold.current = null;
  };
  const cornerDown = (at: number) => {
    cornerUp();
    taps.current = [...taps.current.filter((t0) => at - t0 < CORNER_WINDOW_MS), at];
    if (taps.current.length >= CORNER_TAPS) {
      taps.current = [];
      enterAdmin();
      return;
    }
    hold.current = setTimeout(() => {
      taps.current = [];
      enterAdmin();
    }, CORNER_HOLD_MS);
  };

  return (
    <div className={`layout layout--${density}`} lang={locale}>
      <div
        className="admin-corner"
        aria-hidden="true"
        data-testid="admin-corner"
        onPointerDown={(e) => cornerDown(e.timeStamp)}
        onPointerUp={cornerUp}
        onPointerLeave={cornerUp}
        onPointerCancel={cornerUp}
      />
      {/* A staff call's banner takes the header's place: across the top, at no cost to the screen's height. */}
      <header className="layout__header">
        <div className="layout__where">
          <div className="layout__institution">{info?.institutionName}</div>
          <div className="layout__mode">{info ? t(`mode.${info.mode}`) : ''}</div>
        </div>
        <StaffBanner />
        <FamilyBanner />
        <button type="button" className="button button--quiet button--staff-entry" onClick={enterAdmin}>
          {t('common.staffEntry')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('common.language')}
        </button>
      </header>
      <NavSlotContext.Provider value={navSlot}>
        <main className="layout__main">{children}</main>
      </NavSlotContext.Provider>
      <footer className="layout__footer">
        <CallStaffButton />
        <div className="layout__nav" ref={setNavSlot} />
      </footer>
      {asking ? <StaffTakeoverDialog onConfirm={takeOver} onKeep={() => setAsking(false)} /> : null}
    </div>
  );
}
