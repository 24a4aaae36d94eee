import { useCallback } from 'react';
import type { MetricEvent } from '../../shared/metrics/events';
import { useApi } from './apiContext';

/**
 * Inclusion metrics (shared/metrics/events.ts): what happened at the counter, never to whom.
 * Sent and forgotten: a metric that cannot be recorded never holds up a patient.
 */
export function useMetric(): (event: MetricEvent) => void {
  const api = useApi();
  return useCallback((event) => void api.recordMetric(event).catch(() => undefined), [api]);
}
