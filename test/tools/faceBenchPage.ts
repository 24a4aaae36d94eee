/**
 * Browser entry of the Chromium bench: loads Human the way the kiosk does (renderer/face
 * loader, /models/ and /wasm/ from the page's origin) and runs the page harness on the camera.
 */
import { Human } from '@vladmandic/human';
import { benchInPage, type PageBenchResult } from '../../renderer/face/benchHarness';
import { imageDataInput, unmaskedRenderer, videoCamera } from '../../renderer/face/browserIo';
import { KIOSK_HUMAN } from '../../renderer/face/humanConfig';
import { loadHuman } from '../../renderer/face/humanLoader';

declare global {
  interface Window {
    runFaceBench(): Promise<PageBenchResult & { log: string[] }>;
  }
}

window.runFaceBench = async () => {
  const log: string[] = [];
  const loaded = await loadHuman({
    create: (config) => new Human(config),
    now: () => performance.now(),
    renderer: () => unmaskedRenderer(),
    toInput: imageDataInput,
    log: (line) => log.push(line),
    // ?irisOnGate=1 benches the gate with iris on every frame (see HumanConfigOptions.irisOnGate).
    options: { ...KIOSK_HUMAN, irisOnGate: new URLSearchParams(location.search).get('irisOnGate') === '1' },
  });
  const video = document.querySelector('video');
  if (!video) throw new Error('no <video> on the bench page');
  const camera = videoCamera(video, () => navigator.mediaDevices.getUserMedia({ audio: false, video: { width: 640, height: 480 } }));
  return { ...(await benchInPage(loaded, camera)), log };
};
