import { animationFrameScheduler, canvasJpegEncoder, imageDataInput, unmaskedRenderer, videoCamera } from '../../face/browserIo';
import { FrameLoop } from '../../face/frameLoop';
import type { BackendChoice } from '../../face/backendChoice';
import { loadHuman, type LoadedHuman } from '../../face/humanLoader';
import type { FaceEngine } from './faceEngine';

/** The camera at the size the face models work best with: 640x480, front, no audio. */
export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
};

/**
 * Whether a camera is plugged in, asked before the models load: without one the patient would
 * otherwise wait out the model load to learn there is no camera. Before permission is given the
 * list has empty labels, but every kind present still appears once.
 */
async function cameraPresent(): Promise<boolean> {
  const devices = (navigator as Partial<Navigator>).mediaDevices;
  if (!devices) return false; // an insecure page, or a browser without media: no camera to open
  const list = await devices.enumerateDevices().catch(() => null);
  return list === null || list.some((device) => device.kind === 'videoinput');
}

const cameraProblem = (error: unknown) =>
  error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError') ? 'denied' : 'unavailable';

/**
 * The real pipeline: Human loads once per app start (lazily imported, so the first screen does
 * not wait for it), and each patient gets a fresh FrameLoop that owns the camera.
 */
export function humanFaceEngine(options: { onLoaded?: (choice: BackendChoice) => void } = {}): FaceEngine {
  let loading: Promise<LoadedHuman> | undefined;
  const load = () => {
    loading ??= import('@vladmandic/human')
      .then(({ Human }) =>
        loadHuman({
          create: (config) => new Human(config),
          now: () => performance.now(),
          renderer: () => unmaskedRenderer(),
          toInput: imageDataInput,
          log: (line) => console.info(line),
        }),
      )
      .then((loaded) => {
        options.onLoaded?.(loaded.choice);
        return loaded;
      })
      .catch((error: unknown) => {
        loading = undefined; // the next patient tries again
        throw error;
      });
    return loading;
  };
  return {
    preload: () => void load().catch((error: unknown) => console.warn(`face models: ${(error as Error).message}`)),
    start(video, face, onEvent) {
      let loop: FrameLoop | undefined;
      let disposed = false;
      onEvent({ type: 'camera', status: 'starting' });
      void cameraPresent()
        .then((present) => (present ? load() : Promise.reject(new DOMException('no camera', 'NotFoundError'))))
        .then(async (loaded) => {
          if (disposed) return;
          loop = new FrameLoop({
            camera: videoCamera(video, () => navigator.mediaDevices.getUserMedia(CAMERA_CONSTRAINTS)),
            detector: loaded.detector,
            encode: canvasJpegEncoder,
            clock: () => performance.now(),
            scheduler: animationFrameScheduler,
            rng: Math.random,
            onEvent,
            config: { policy: face.policy, maxAttempts: face.maxAttempts },
          });
          await loop.start();
          // Left while the camera was opening: start() opened it after dispose() ran.
          if (disposed) loop.dispose();
          else onEvent({ type: 'camera', status: 'live' });
        })
        .catch((error: unknown) => {
          loop?.dispose();
          if (!disposed) onEvent({ type: 'camera', status: cameraProblem(error) });
        });
      return {
        retry: async (reason) => loop?.retry(reason),
        waiveMotion: () => loop?.waiveMotion(),
        dispose: () => {
          disposed = true;
          loop?.dispose();
        },
      };
    },
  };
}
