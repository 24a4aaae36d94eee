import type { StateCreator } from 'zustand';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { KioskState } from '../index';

export type AppInfo = ResponseOf<'getAppInfo'>;

/** About the terminal, not the patient: survives resetSession(). */
export interface DeviceSlice {
  appInfo: AppInfo | null;
  startupError: string | null;
  setAppInfo(info: AppInfo): void;
  setStartupError(message: string | null): void;
}

export const createDeviceSlice: StateCreator<KioskState, [], [], DeviceSlice> = (set) => ({
  appInfo: null,
  startupError: null,
  setAppInfo: (appInfo) => set({ appInfo }),
  setStartupError: (startupError) => set({ startupError }),
});
