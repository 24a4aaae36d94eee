import type { KioskState } from './index';

/** One selector per value, so a component re-renders only for what it shows. */
export const selectScreen = (s: KioskState) => s.screen;
export const selectLocale = (s: KioskState) => s.locale;
export const selectIdlePromptOpen = (s: KioskState) => s.idlePromptOpen;
export const selectStaffCall = (s: KioskState) => s.staffCall;
export const selectAppInfo = (s: KioskState) => s.appInfo;
export const selectStartupError = (s: KioskState) => s.startupError;
export const selectCameraStatus = (s: KioskState) => s.cameraStatus;
export const selectPatient = (s: KioskState) => s.patient;
