import type { StateCreator } from 'zustand';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { KioskState } from '../index';
import { loadSettings, saveSettings, type TerminalSettings } from '../terminalSettings';

export type AppInfo = ResponseOf<'getAppInfo'>;

/** About the terminal and its staff, not the patient: survives resetSession(). */
export interface DeviceSlice {
  appInfo: AppInfo | null;
  startupError: string | null;
  settings: TerminalSettings;
  /** The admin panel is open; the token it got from adminUnlock (never persisted). */
  adminOpen: boolean;
  adminToken: string | null;
  setAppInfo(info: AppInfo): void;
  setStartupError(message: string | null): void;
  updateSettings(change: Partial<TerminalSettings>): void;
  openAdmin(): void;
  setAdminToken(token: string | null): void;
  closeAdmin(): void;
}

export const createDeviceSlice: StateCreator<KioskState, [], [], DeviceSlice> = (set, get) => ({
  appInfo: null,
  startupError: null,
  settings: loadSettings(),
  adminOpen: false,
  adminToken: null,
  setAppInfo: (appInfo) => set({ appInfo }),
  setStartupError: (startupError) => set({ startupError }),
  updateSettings: (change) => {
    const settings = { ...get().settings, ...change };
    // Only what staff chose on this page is kept; the operator is main's, mirrored here, and
    // a terminal nobody configured stores nothing at all.
    if (change.density !== undefined) saveSettings(settings);
    set({ settings });
  },
  openAdmin: () => set({ adminOpen: true, adminToken: null }),
  setAdminToken: (adminToken) => set({ adminToken }),
  closeAdmin: () => set({ adminOpen: false, adminToken: null }),
});
