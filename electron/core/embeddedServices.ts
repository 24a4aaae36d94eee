import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * What stands behind a configuration's `embedded` URLs, as plain URLs and secrets. The launcher
 * (electron/launcher/) starts the sandbox and hands this over; the core never learns what runs
 * there, so a production build, which has no launcher-started sandbox, cannot start one by accident.
 */
export const embeddedServicesSchema = z
  .object({
    /** Stands for `embedded` in platform.url, his.url and evoucher.url. */
    url: httpUrl,
    /** What the kiosk signs platform requests with there (as the secret store would hold it). */
    platformSecret: z.string().min(1),
    /** Where staff calls go, and the webhook's shared secret. */
    staffCallUrl: httpUrl,
    staffCallSecret: z.string().min(1),
    /** The demo menu's face enrolment: who may be enrolled, and the two URLs that do it. */
    enrolment: z
      .object({
        persons: z.array(z.object({ psnNo: z.string(), maskedName: z.string() }).strict()),
        /** GET: `{ data: { persons: [{ psnNo }] } }`, who has a face enrolled. */
        enrolledUrl: httpUrl,
        /** POST `{ psnNo, faceImage, replace }`: enrols a face; answers `{ code, message }`. */
        enrolUrl: httpUrl,
      })
      .strict()
      .optional(),
  })
  .strict();

export type EmbeddedServices = z.infer<typeof embeddedServicesSchema>;

/** Services the launcher runs, with how to stop them (a no-op for what it did not start). */
export interface RunningServices {
  services: EmbeddedServices;
  close(): Promise<void>;
}

/** The environment variable through which the launcher hands these to the Electron process it spawns. */
export const EMBEDDED_SERVICES_ENV = 'FACESETTLE_EMBEDDED_SERVICES';

/** What the launcher put in the environment, or undefined; a malformed value is an error, not a silent production start. */
export function embeddedServicesFromEnv(value: string | undefined): EmbeddedServices | undefined {
  if (value === undefined || value === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error(`${EMBEDDED_SERVICES_ENV} is not JSON`);
  }
  const checked = embeddedServicesSchema.safeParse(parsed);
  if (!checked.success) throw new Error(`${EMBEDDED_SERVICES_ENV}: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return checked.data;
}
