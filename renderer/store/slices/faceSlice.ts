import type { StateCreator } from 'zustand';
import type { KioskState } from '../index';

export type CameraStatus = 'off' | 'starting' | 'live' | 'denied' | 'unavailable';

/** Only states, never frames: a capture never enters the store. */
export interface FaceSlice {
  cameraStatus: CameraStatus;
  faceAttempts: number;
  setCameraStatus(status: CameraStatus): void;
  countFaceAttempt(): void;
}

export const initialFace = { cameraStatus: 'off' as CameraStatus, faceAttempts: 0 };

export const createFaceSlice: StateCreator<KioskState, [], [], FaceSlice> = (set) => ({
  ...initialFace,
  setCameraStatus: (cameraStatus) => set({ cameraStatus }),
  countFaceAttempt: () => set((s) => ({ faceAttempts: s.faceAttempts + 1 })),
});
