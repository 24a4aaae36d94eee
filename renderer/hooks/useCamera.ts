import { useEffect, useRef } from 'react';
import { useKioskStore } from '../store';

/** The camera at the size the face models work best with: 640x480, front, no audio. */
export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
};

/**
 * Opens the camera into a <video> while the screen is shown and stops every track when it
 * leaves, so the light goes off with the patient's session.
 */
export function useCamera(mediaDevices: Pick<MediaDevices, 'getUserMedia'> | undefined = navigator.mediaDevices) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const setCameraStatus = useKioskStore((s) => s.setCameraStatus);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    const video = videoRef.current;
    if (!mediaDevices) {
      setCameraStatus('unavailable');
      return undefined;
    }
    setCameraStatus('starting');
    mediaDevices
      .getUserMedia(CAMERA_CONSTRAINTS)
      .then((s) => {
        if (cancelled) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = s;
        if (video) {
          video.srcObject = s;
          void video.play().catch(() => undefined);
        }
        setCameraStatus('live');
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const denied = error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
        setCameraStatus(denied ? 'denied' : 'unavailable');
      });
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
      if (video) video.srcObject = null;
      setCameraStatus('off');
    };
  }, [mediaDevices, setCameraStatus]);

  return videoRef;
}
