import { useEffect, useRef, type ReactNode } from 'react';
import { useCounter } from '../flows/useCounter';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectAppInfo, selectDensity, selectLocale } from '../store/selectors';
import { CallStaffButton } from './CallStaffButton';
import { StaffBanner } from './StaffBanner';

/** Five taps on the top-left corner within this long open the admin PIN: the hidden way in. */
export const CORNER_TAPS = 5;
export const CORNER_WINDOW_MS = 3000;

/** Header (where am I, language), the staff-call banner, the screen, and the staff call that never goes away. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const info = useKioskStore(selectAppInfo);
  const locale = useKioskStore(selectLocale);
  const density = useKioskStore(selectDensity);
  const setLocale = useKioskStore((s) => s.setLocale);
  const openAdmin = useKioskStore((s) => s.openAdmin);
  const { finish } = useCounter();
  const taps = useRef<number[]>([]);
  // The page's language too, so assistive technology and fonts follow the switch.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // Staff take over the terminal: whoever was being served is forgotten first.
  const enterAdmin = () => {
    void finish();
    openAdmin();
  };
  const cornerTap = (at: number) => {
    taps.current = [...taps.current.filter((t0) => at - t0 < CORNER_WINDOW_MS), at];
    if (taps.current.length >= CORNER_TAPS) {
      taps.current = [];
      enterAdmin();
    }
  };

  return (
    <div className={`layout layout--${density}`} lang={locale}>
      <div className="admin-corner" aria-hidden="true" data-testid="admin-corner" onPointerDown={(e) => cornerTap(e.timeStamp)} />
      {/* A staff call's banner takes the header's place: across the top, at no cost to the screen's height. */}
      <header className="layout__header">
        <div className="layout__where">
          <div className="layout__institution">{info?.institutionName}</div>
          <div className="layout__mode">{info ? t(`mode.${info.mode}`) : ''}</div>
        </div>
        <StaffBanner />
        <button type="button" className="button button--quiet" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('common.language')}
        </button>
      </header>
      <main className="layout__main">{children}</main>
      <footer className="layout__footer">
        <CallStaffButton />
        <button type="button" className="button button--quiet button--staff-entry" onClick={enterAdmin}>
          {t('common.staffEntry')}
        </button>
      </footer>
    </div>
  );
}
