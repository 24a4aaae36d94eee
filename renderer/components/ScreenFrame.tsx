import type { ReactNode } from 'react';
import { useSpeakOnShow } from '../speech/voiceContext';
import '../screenLayouts.css';

/** A screen: one heading (spoken when shown, with the instruction under it), then its content. */
export function ScreenFrame({
  name,
  title,
  spoken,
  children,
}: {
  name: string;
  title: string;
  /** What to say aloud; the title when not given. */
  spoken?: string;
  children: ReactNode;
}) {
  useSpeakOnShow(spoken ?? title);
  return (
    <section className={`screen screen--${name}`} aria-labelledby={`${name}-title`} data-screen={name}>
      <h1 id={`${name}-title`} className="screen__title">
        {title}
      </h1>
      {children}
    </section>
  );
}
