import type { JpegEncoder } from './crop';
import type { InputAdapter } from './humanLoader';
import type { CameraSource, Scheduler } from './frameLoop';
import type { FramePixels, FrameSize } from './types';

/**
 * The DOM adapters of the pipeline's injected interfaces: a <video> camera read through a
 * canvas, a canvas JPEG encoder, requestAnimationFrame scheduling, Human's input, the GPU probe.
 */

/** Centre crop of the video to the target aspect: stretching a 16:9 camera into 4:3 would distort the face. */
function coverRect(vw: number, vh: number, size: FrameSize): [number, number, number, number] {
  const target = size.width / size.height;
  if (vw / vh > target) {
    const w = vh * target;
    return [(vw - w) / 2, 0, w, vh];
  }
  const h = vw / target;
  return [0, (vh - h) / 2, vw, h];
}

/**
 * Frames from a <video> whose stream `open` provides (getUserMedia with 640x480 constraints).
 * stop() ends every track: the camera light goes off with the screen.
 */
export function videoCamera(video: HTMLVideoElement, open: () => Promise<MediaStream>): CameraSource {
  const canvas = document.createElement('canvas');
  // willReadFrequently keeps the canvas in CPU memory: getImageData every frame without a GPU readback.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let size: FrameSize = { width: 640, height: 480 };
  // A new camera frame was presented since the last grab: the same frame is never analysed twice.
  // requestVideoFrameCallback knows; video.currentTime keeps advancing on live streams between frames.
  let fresh = false;
  let watching = false;
  const watch = () => {
    if (!watching) return;
    fresh = true;
    video.requestVideoFrameCallback(watch);
  };
  return {
    async start(s) {
      size = s;
      canvas.width = s.width;
      canvas.height = s.height;
      if (!video.srcObject) video.srcObject = await open();
      await video.play();
      if (!watching) {
        watching = true;
        video.requestVideoFrameCallback(watch);
      }
    },
    grab(): FramePixels | null {
      if (!ctx || !fresh || video.videoWidth === 0) return null;
      fresh = false;
      const [sx, sy, sw, sh] = coverRect(video.videoWidth, video.videoHeight, size);
      ctx.drawImage(video, sx, sy, sw, sh, 0, 0, size.width, size.height);
      return ctx.getImageData(0, 0, size.width, size.height);
    },
    stop() {
      watching = false;
      fresh = false;
      const stream = video.srcObject;
      if (stream instanceof MediaStream) stream.getTracks().forEach((t) => t.stop());
      video.srcObject = null;
      ctx?.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}

/** JPEG through an OffscreenCanvas; the canvas is cleared after encoding so no face stays in it. */
export const canvasJpegEncoder: JpegEncoder = async (pixels, quality) => {
  const canvas = new OffscreenCanvas(pixels.width, pixels.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context for JPEG encoding');
  // No copy: a copy would be one more face buffer nobody wipes.
  ctx.putImageData(new ImageData(pixels.data as Uint8ClampedArray<ArrayBuffer>, pixels.width, pixels.height), 0, 0);
  try {
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    ctx.clearRect(0, 0, pixels.width, pixels.height);
  }
};

export const animationFrameScheduler: Scheduler = {
  next: (tick) => requestAnimationFrame(() => tick()),
  cancel: (handle) => cancelAnimationFrame(handle as number),
};

/** Browser: Human takes ImageData directly. */
export const imageDataInput: InputAdapter = (f) => ({
  input: f instanceof ImageData ? f : new ImageData(f.data as Uint8ClampedArray<ArrayBuffer>, f.width, f.height),
});

/** Reads the unmasked WebGL renderer string; undefined without WebGL or the debug extension. */
export function unmaskedRenderer(doc: Pick<Document, 'createElement'> = document): string | undefined {
  const canvas = doc.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return undefined;
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer: unknown = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : undefined;
    return typeof renderer === 'string' ? renderer : undefined;
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
