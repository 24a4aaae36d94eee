import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectAppInfo, selectLocale } from '../store/selectors';
import { CallStaffButton } from './CallStaffButton';

/** Header (where am I, language), the screen, and the staff call that never goes away. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const info = useKioskStore(selectAppInfo);
  const locale = useKioskStore(selectLocale);
  const setLocale = useKioskStore((s) => s.setLocale);
  return (
    <div className="layout" lang={locale}>
      <header className="layout__header">
        <div>
          <div className="layout__institution">{info?.institutionName}</div>
          <div className="layout__mode">{info ? t(`mode.${info.mode}`) : ''}</div>
        </div>
        <button type="button" className="button button--quiet" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('common.language')}
        </button>
      </header>
      <main className="layout__main">{children}</main>
      <footer className="layout__footer">
        <CallStaffButton />
      </footer>
    </div>
  );
}
