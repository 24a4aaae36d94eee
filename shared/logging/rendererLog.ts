import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * A log line the page sends to main through IPC: a level, a bounded message, fields that main
 * redacts before writing (electron/core/logging), and the request id of the visit if it has one.
 */
export const rendererLogEntrySchema = z
  .object({
    level: z.enum(LOG_LEVELS),
    msg: z.string().max(2000),
    data: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional(),
  })
  .strict();
export type RendererLogEntry = z.infer<typeof rendererLogEntrySchema>;
