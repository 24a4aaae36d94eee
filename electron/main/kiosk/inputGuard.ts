import type { WebContents } from 'electron';

/** The subset of Electron's `Input` the decision needs. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c']);
const ZOOM_KEYS = new Set(['+', '-', '=', '0', '_']);

/**
 * Keys that would let a patient leave, reload, zoom, print or inspect the kiosk. OS-owned
 * combinations (Ctrl+Alt+Del, often Alt+Tab and the Windows key) never reach the app; they
 * need the OS lockdown described in the README.
 */
export function shouldBlockInput(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const ctrlOrMeta = input.control || input.meta;

  if (key === 'F1' || key === 'F3' || key === 'F5' || key === 'F11' || key === 'F12') return true;
  if (key === 'Meta' || key === 'OS' || key === 'ContextMenu' || key === 'BrowserBack' || key === 'BrowserForward') return true;
  if (input.alt && (key === 'F4' || key === 'Tab' || key === 'Escape' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (input.alt && key === ' ') return true; // window menu
  if (ctrlOrMeta && key === 'Escape') return true;
  if (ctrlOrMeta && input.shift && DEVTOOLS_LETTERS.has(key)) return true;
  if (ctrlOrMeta && !input.alt && ['w', 'r', 'q', 'n', 't', 'p', 's', 'o', 'l', 'u', 'f', 'g', 'h', 'j', 'd', 'm', 'Tab', 'F4'].includes(key)) return true;
  if (ctrlOrMeta && ZOOM_KEYS.has(key)) return true;
  return false;
}

export function installInputGuard(contents: Pick<WebContents, 'on'>): void {
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input)) event.preventDefault();
  });
}
