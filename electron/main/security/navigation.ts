import type { WebContents } from 'electron';
import { isAppUrl } from './senderGuard';

/** A kiosk never leaves its own pages: no navigation away, no new windows, no webviews. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenWebContents(contents: HardenableContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Never shell.openExternal: an external browser is an escape route out of the kiosk.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
