import { z } from 'zod';

/**
 * What the page tells main about the devices only it can see, for the health report: whether a
 * camera is there (and its label, a device name), and which backend Human runs on at what warm
 * per-frame time. Sent on start, on a device change and after the warm-up benchmark.
 */
export const deviceReportSchema = z
  .object({
    camera: z.object({ available: z.boolean(), label: z.string().max(120).optional() }).strict().optional(),
    faceBackend: z
      .object({ backend: z.enum(['wasm', 'webgl']).nullable(), msPerFrame: z.number().min(0).max(60_000).nullable() })
      .strict()
      .optional(),
  })
  .strict();
export type DeviceReport = z.infer<typeof deviceReportSchema>;
