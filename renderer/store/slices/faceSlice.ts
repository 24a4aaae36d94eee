import type { StateCreator } from 'zustand';
import type { SecondFactorWhy } from '../../../shared/ipc/contract';
import type { MessageKey } from '../../i18n/keys';

export type CameraStatus = 'off' | 'starting' | 'live' | 'denied' | 'unavailable';

/** Only states and instruction keys, never frames: a capture never enters the store. */
export interface FaceSlice {
  cameraStatus: CameraStatus;
  /** The instruction shown large on the face screen (and spoken). */
  faceGuidance: MessageKey | null;
  /** The capture is with the face service. */
  faceChecking: boolean;
  /** Why the face service asked for the last four ID digits (the second-factor screen words it). */
  secondFactorWhy: SecondFactorWhy | null;
  setCameraStatus(status: CameraStatus): void;
  setFaceGuidance(key: MessageKey | null): void;
  setFaceChecking(checking: boolean): void;
  setSecondFactorWhy(why: SecondFactorWhy | null): void;
}

export const initialFace = { cameraStatus: 'off' as CameraStatus, faceGuidance: null as MessageKey | null, faceChecking: false, secondFactorWhy: null as SecondFactorWhy | null };

export const createFaceSlice: StateCreator<FaceSlice, [], [], FaceSlice> = (set) => ({
  ...initialFace,
  setCameraStatus: (cameraStatus) => set({ cameraStatus }),
  setFaceGuidance: (faceGuidance) => set({ faceGuidance }),
  setFaceChecking: (faceChecking) => set({ faceChecking }),
  setSecondFactorWhy: (secondFactorWhy) => set({ secondFactorWhy }),
});
