import type { StateCreator } from 'zustand';
import type { MessageKey } from '../../i18n';
import type { KioskState } from '../index';

export type CameraStatus = 'off' | 'starting' | 'live' | 'denied' | 'unavailable';

/** Only states and instruction keys, never frames: a capture never enters the store. */
export interface FaceSlice {
  cameraStatus: CameraStatus;
  /** The instruction shown large on the face screen (and spoken). */
  faceGuidance: MessageKey | null;
  /** The capture is with the face service. */
  faceChecking: boolean;
  setCameraStatus(status: CameraStatus): void;
  setFaceGuidance(key: MessageKey | null): void;
  setFaceChecking(checking: boolean): void;
}

export const initialFace = { cameraStatus: 'off' as CameraStatus, faceGuidance: null as MessageKey | null, faceChecking: false };

export const createFaceSlice: StateCreator<KioskState, [], [], FaceSlice> = (set) => ({
  ...initialFace,
  setCameraStatus: (cameraStatus) => set({ cameraStatus }),
  setFaceGuidance: (faceGuidance) => set({ faceGuidance }),
  setFaceChecking: (faceChecking) => set({ faceChecking }),
});
