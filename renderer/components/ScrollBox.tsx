import type { ReactNode } from 'react';

/**
 * A long list's own box: it scrolls inside the screen so the title, the money lines and the
 * decisions around it never move (styles.css, "the layout system"). Focusable and named, so a
 * list that scrolls can be scrolled from the keyboard and is announced as what it holds.
 */
export function ScrollBox({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`scroll-box ${className}`.trim()} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
