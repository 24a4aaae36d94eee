import { z } from 'zod';

/**
 * What the page tells main about the devices only it can see, for the health report: whether a
 * camera is there (and its label, a device name), which backend Human runs on at what warm
 * per-frame time, and whether a Chinese voice speaks. Sent on start, on a device change, after
 * the warm-up benchmark and when the voices change.
 */
export const deviceReportSchema = z
  .object({
    camera: z.object({ available: z.boolean(), label: z.string().max(120).optional() }).strict().optional(),
    faceBackend: z
      .object({ backend: z.enum(['wasm', 'webgl']).nullable(), msPerFrame: z.number().min(0).max(60_000).nullable() })
      .strict()
      .optional(),
    /**
     * The voices speechSynthesis offers: whether one speaks Mandarin (zh-CN), without which the
     * spoken guidance is silent (Chromium on Linux has none without speech-dispatcher and a voice).
     */
    voice: z
      .object({
        speechSynthesis: z.boolean(),
        voices: z.number().int().min(0).max(10_000),
        zhCN: z.boolean(),
        name: z.string().max(120).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type DeviceReport = z.infer<typeof deviceReportSchema>;
