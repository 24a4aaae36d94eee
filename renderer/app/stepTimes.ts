import { useEffect } from 'react';
import type { Step } from '../../shared/metrics/events';
import { useKioskStore } from '../store';
import type { Screen } from '../store/slices/sessionSlice';
import { useMetric } from './metrics';

/** Screens whose time on screen is a step of the inclusion metrics: reading, deciding, collecting. */
const SCREEN_STEPS: Partial<Record<Screen, Step>> = { consent: 'consent', quote: 'confirm', receipt: 'receipt' };
/** The metric's own cap: longer is a kiosk left open, not a patient's time. */
const MAX_MS = 3_600_000;
const perfNow = () => performance.now();

/**
 * Times the steps only the page sees (the calls main times itself): how long a patient spends
 * reading the consent, deciding on the confirmation, at the receipt, and the whole visit from
 * leaving the home screen to coming back to it. Durations only, never who or when.
 */
export function useStepTimes(now: () => number = perfNow): void {
  const metric = useMetric();
  useEffect(() => {
    let screen = useKioskStore.getState().screen;
    let since = now();
    let visitFrom: number | null = screen === 'home' ? null : since;
    const ms = (from: number, to: number) => Math.min(MAX_MS, Math.max(0, Math.round(to - from)));
    return useKioskStore.subscribe((state) => {
      if (state.screen === screen) return;
      const at = now();
      const step = SCREEN_STEPS[screen];
      if (step) metric({ type: 'step-time', step, ms: ms(since, at) });
      if (state.screen === 'home' && visitFrom !== null) {
        metric({ type: 'step-time', step: 'visit', ms: ms(visitFrom, at) });
        visitFrom = null;
      } else if (screen === 'home') visitFrom = at;
      screen = state.screen;
      since = at;
    });
  }, [metric, now]);
}
