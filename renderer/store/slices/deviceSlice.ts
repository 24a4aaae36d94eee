import type { StateCreator } from 'zustand';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { loadSettings, saveSettings, type TerminalSettings } from '../terminalSettings';

export type AppInfo = ResponseOf<'getAppInfo'>;

/** Who runs this counter, as main answers getOperator / signInOperator. */
export type CounterOperator = NonNullable<ResponseOf<'getOperator'>['operator']>;

/** About the terminal and its staff, not the patient: survives resetSession(). */
export interface DeviceSlice {
  appInfo: AppInfo | null;
  startupError: string | null;
  settings: TerminalSettings;
  /**
   * The counter's signed-in operator. Main keeps the sign-in (it survives reloads and restarts and
   * ends when the platform day turns); the page only shows what main last answered.
   */
  operator: CounterOperator | null;
  /** The admin panel is open; the token it got from adminUnlock (never persisted). */
  adminOpen: boolean;
  adminToken: string | null;
  setAppInfo(info: AppInfo): void;
  setStartupError(message: string | null): void;
  updateSettings(change: Partial<TerminalSettings>): void;
  /** Only with main's answer (getOperator, signInOperator, signOutOperator): never the page's own idea. */
  setOperatorFromMain(operator: CounterOperator | null): void;
  openAdmin(): void;
  setAdminToken(token: string | null): void;
  closeAdmin(): void;
}

export const createDeviceSlice: StateCreator<DeviceSlice, [], [], DeviceSlice> = (set, get) => ({
  appInfo: null,
  startupError: null,
  settings: loadSettings(),
  operator: null,
  adminOpen: false,
  adminToken: null,
  setAppInfo: (appInfo) => set({ appInfo }),
  setStartupError: (startupError) => set({ startupError }),
  updateSettings: (change) => {
    const settings = { ...get().settings, ...change };
    saveSettings(settings);
    set({ settings });
  },
  setOperatorFromMain: (operator) => set({ operator }),
  openAdmin: () => set({ adminOpen: true, adminToken: null }),
  setAdminToken: (adminToken) => set({ adminToken }),
  closeAdmin: () => set({ adminOpen: false, adminToken: null }),
});
