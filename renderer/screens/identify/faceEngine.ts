import { createContext, useContext } from 'react';
import type { FacePolicy } from '../../../shared/config/terminalConfig';
import type { LoopEvent } from '../../face/frameLoop';
import type { CameraStatus } from '../../store/slices/faceSlice';

/** What the face screen hears: the pipeline's events, and the camera's state. */
export type FaceEvent = LoopEvent | { type: 'camera'; status: CameraStatus };

/** The terminal's face settings (its configuration file): liveness policy and attempts. */
export interface FaceSettings {
  policy: FacePolicy;
  maxAttempts: number;
}

/** One patient's capture: retry after the face service could not use it; dispose on leaving. */
export interface FaceSession {
  retry(reason: string): Promise<void>;
  /** The patient chose the last four ID digits instead of a gesture (the loop's waiveMotion). Absent: not offered. */
  waiveMotion?(): void;
  dispose(): void;
}

/**
 * The face pipeline as the screen uses it. The real one (humanEngine.ts) loads Human and runs
 * the frame loop on the camera; tests hand in a scripted one, since jsdom has no camera.
 */
export interface FaceEngine {
  /** Loads the models ahead of the first patient, so consent is not followed by a wait. */
  preload(): void;
  start(video: HTMLVideoElement, face: FaceSettings, onEvent: (event: FaceEvent) => void): FaceSession;
}

/** Where no engine was provided: the camera is reported unavailable and the other ways open. */
export const noFaceEngine: FaceEngine = {
  preload: () => undefined,
  start: (_video, _face, onEvent) => {
    queueMicrotask(() => onEvent({ type: 'camera', status: 'unavailable' }));
    return { retry: async () => undefined, dispose: () => undefined };
  },
};

export const FaceEngineContext = createContext<FaceEngine>(noFaceEngine);
export const useFaceEngine = (): FaceEngine => useContext(FaceEngineContext);
