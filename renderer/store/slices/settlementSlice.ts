import type { StateCreator } from 'zustand';
import type { KioskState } from '../index';

/** The patient being served, as masked for the screen; filled by the identification flow. */
export interface PatientView {
  maskedName: string;
  maskedId: string;
}

export interface SettlementSlice {
  patient: PatientView | null;
  setPatient(patient: PatientView | null): void;
}

export const initialSettlement = { patient: null as PatientView | null };

export const createSettlementSlice: StateCreator<KioskState, [], [], SettlementSlice> = (set) => ({
  ...initialSettlement,
  setPatient: (patient) => set({ patient }),
});
