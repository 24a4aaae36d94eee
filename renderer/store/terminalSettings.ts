/**
 * What staff set on this terminal (not about any patient): the display density is kept in the
 * page's localStorage so a renderer reload or a restart keeps the counter as staff left it.
 * The counter's operator is not a setting: main keeps it (the store's `operator`, set from getOperator).
 */
export type Density = 'elder' | 'standard';

export interface TerminalSettings {
  density: Density;
}

export const SETTINGS_KEY = 'facesettle.terminal';
export const DEFAULT_SETTINGS: TerminalSettings = { density: 'elder' };

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function loadSettings(from: Storage | undefined = storage()): TerminalSettings {
  try {
    const raw = JSON.parse(from?.getItem(SETTINGS_KEY) ?? '{}') as Partial<TerminalSettings>;
    return { density: raw.density === 'standard' ? 'standard' : 'elder' };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(settings: TerminalSettings, to: Storage | undefined = storage()): void {
  to?.setItem(SETTINGS_KEY, JSON.stringify({ density: settings.density }));
}
