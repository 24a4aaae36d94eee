import { create } from 'zustand';
import { createDeviceSlice, type DeviceSlice } from './slices/deviceSlice';
import { createFaceSlice, initialFace, type FaceSlice } from './slices/faceSlice';
import { createPrintSlice, initialPrint, type PrintSlice } from './slices/printSlice';
import { createSessionSlice, initialSession, type SessionSlice } from './slices/sessionSlice';
import { createSettlementSlice, initialSettlement, type SettlementSlice } from './slices/settlementSlice';

export type KioskState = SessionSlice & FaceSlice & SettlementSlice & DeviceSlice & PrintSlice & {
  /**
   * Counts patients: bumped by every reset, so an answer that arrives after its patient left
   * (a slow platform, an idle timeout mid-call) is recognised as stale and dropped.
   */
  generation: number;
  /** Forgets everything about the last patient: on done, cancel and idle timeout. */
  resetSession(): void;
};

export const useKioskStore = create<KioskState>()((...a) => {
  const [set, get] = a;
  return {
    ...createSessionSlice(...a),
    ...createFaceSlice(...a),
    ...createSettlementSlice(...a),
    ...createDeviceSlice(...a),
    ...createPrintSlice(...a),
    generation: 0,
    resetSession: () =>
      set({
        ...initialSession,
        ...initialFace,
        ...initialSettlement,
        ...initialPrint,
        generation: get().generation + 1,
        locale: get().appInfo?.defaultLocale ?? initialSession.locale,
      }),
  };
});
