import type { KioskHandlers } from '../../shared/ipc/contract';
import { KioskError } from '../../shared/result';
import type { Logger } from './logging/logger';

/** Calls too frequent or too chatty to log one line each. */
const QUIET = new Set(['log', 'recordMetric', 'reportDevices', 'getAppInfo']);

/**
 * One log line per kiosk API call, with its own request id, the method, the time it took and
 * the outcome code: what IT needs to follow a complaint. Never the request or the answer, which
 * may hold a photo or a person; the logger redacts anyway.
 */
export function withRequestLog(
  handlers: KioskHandlers,
  logger: Logger,
  now: () => number = () => performance.now(),
  /** Told the duration of every successful call, for the per-step medians of the inclusion metrics. */
  onTimed: (method: string, ms: number) => void = () => undefined,
): KioskHandlers {
  const wrapped = Object.entries(handlers).map(([method, handler]) => {
    if (QUIET.has(method)) return [method, handler];
    const run = handler as (request: unknown) => Promise<unknown>;
    return [
      method,
      async (request: unknown) => {
        const log = logger.forRequest();
        const started = now();
        try {
          const answer = await run(request);
          const status = typeof answer === 'object' && answer !== null && 'status' in answer ? String((answer as { status: unknown }).status) : 'ok';
          const ms = Math.round(now() - started);
          log.info('api', { method, ms, outcome: status });
          onTimed(method, ms);
          return answer;
        } catch (error) {
          const code = error instanceof KioskError ? error.code : 'INTERNAL';
          log.warn('api', { method, ms: Math.round(now() - started), outcome: code });
          throw error;
        }
      },
    ];
  });
  return Object.fromEntries(wrapped) as KioskHandlers;
}
