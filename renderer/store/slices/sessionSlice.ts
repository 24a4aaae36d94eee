import type { StateCreator } from 'zustand';
import type { Locale } from '../../../shared/config/terminalConfig';

/** One screen per decision; the flows in renderer/flows/ decide which comes next. */
export type Screen =
  | 'home'
  | 'consent'
  | 'face'
  | 'other-ways'
  | 'qr'
  | 'card'
  | 'id-number'
  | 'second-factor'
  | 'is-this-you'
  /** Family payment (issue 15): the identified person picks a bound family member; then the second factor above the password-free cap. */
  | 'family'
  | 'cap-factor'
  | 'departments'
  | 'slots'
  | 'bills'
  | 'stays'
  | 'admit'
  | 'admitted'
  | 'quote'
  | 'settling'
  | 'cash-taken'
  | 'receipt'
  | 'cancel'
  /** Staff: today's settlements on this terminal (renderer/staff), to reprint or cancel. */
  | 'today'
  | 'problem';

export interface StaffCall {
  ticket: string;
  raisedAt: string;
  /** Staff's system took the call; otherwise the patient is sent to the counter. */
  delivered?: boolean;
}

export interface SessionSlice {
  screen: Screen;
  locale: Locale;
  /** Shown when the idle timer fires mid-flow: "do you need more time?" */
  idlePromptOpen: boolean;
  staffCall: StaffCall | null;
  goTo(screen: Screen): void;
  setLocale(locale: Locale): void;
  openIdlePrompt(): void;
  closeIdlePrompt(): void;
  setStaffCall(call: StaffCall | null): void;
}

export const initialSession = {
  screen: 'home' as Screen,
  locale: 'zh-CN' as Locale,
  idlePromptOpen: false,
  staffCall: null as StaffCall | null,
};

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  ...initialSession,
  goTo: (screen) => set({ screen, idlePromptOpen: false }),
  setLocale: (locale) => set({ locale }),
  openIdlePrompt: () => set({ idlePromptOpen: true }),
  closeIdlePrompt: () => set({ idlePromptOpen: false }),
  setStaffCall: (staffCall) => set({ staffCall }),
});
