import { z } from 'zod';
import type { Result } from '../result';
import { COUNTER_MODES, LOCALES } from '../config/terminalConfig';
import type { KioskMethod } from './methods';

/**
 * The kiosk API: each method's request and response, defined once. The preload, the main
 * process handlers, the browser bridge and the renderer client are all derived from this map.
 */
export const contract = {
  getAppInfo: {
    request: z.object({}).strict(),
    response: z.object({
      version: z.string(),
      mode: z.enum(COUNTER_MODES),
      institutionCode: z.string(),
      institutionName: z.string(),
      terminalId: z.string(),
      defaultLocale: z.enum(LOCALES),
      idleTimeoutSeconds: z.number().int().positive(),
      shell: z.enum(['electron', 'browser-bridge']),
    }),
  },
  getHealth: {
    request: z.object({}).strict(),
    response: z.object({
      platform: z.object({
        url: z.string(),
        reachable: z.boolean(),
        latencyMs: z.number().nullable(),
        detail: z.string(),
      }),
    }),
  },
  callStaff: {
    request: z
      .object({
        reason: z.enum(['help', 'face-failed', 'payment-problem', 'other']),
        screen: z.string().max(40),
      })
      .strict(),
    response: z.object({ ticket: z.string(), raisedAt: z.string() }),
  },
} satisfies Record<KioskMethod, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<M extends KioskMethod> = z.input<Contract[M]['request']>;
export type ResponseOf<M extends KioskMethod> = z.output<Contract[M]['response']>;

/** What `window.kiosk` is, in Electron (preload) and in the browser bridge alike. */
export type KioskApi = {
  [M in KioskMethod]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
};

/** What the main process (or the bridge host) implements for each method. */
export type KioskHandlers = {
  [M in KioskMethod]: (request: z.output<Contract[M]['request']>) => Promise<ResponseOf<M>>;
};
