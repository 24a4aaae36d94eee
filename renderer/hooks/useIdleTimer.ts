import { useEffect, useLayoutEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` after `timeoutMs` without any touch, key or pointer activity. The callback
 * lives in a ref so listeners are not re-subscribed on every render.
 */
export function useIdleTimer(timeoutMs: number, onIdle: () => void, enabled = true, target: EventTarget = window): void {
  const callback = useRef(onIdle);
  useLayoutEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return undefined;
    let timer = setTimeout(() => callback.current(), timeoutMs);
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), timeoutMs);
    };
    for (const name of ACTIVITY_EVENTS) target.addEventListener(name, rearm, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, rearm);
    };
  }, [timeoutMs, enabled, target]);
}
