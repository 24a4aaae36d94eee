import type { DatabaseSync } from 'node:sqlite';
import { deviceReportSchema } from '../../../shared/health/deviceReport';
import { platformDate } from '../../settlement/time';
import { probePlatform, type Fetch } from '../platformHealth';
import type { LockedHolder } from '../pinLockout';
import { diskSpace, type CameraState, type FaceBackendState, type HealthProbes, type VoiceState } from './healthReport';

/** The latest device reports from the page, stamped when main received them. */
export class DeviceReports {
  camera: CameraState | null = null;
  faceBackend: FaceBackendState | null = null;
  voice: VoiceState | null = null;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** Validates a report from the page (untrusted input); false when it is malformed. */
  report(input: unknown): boolean {
    const parsed = deviceReportSchema.safeParse(input);
    if (!parsed.success) return false;
    const reportedAt = this.clock().toISOString();
    if (parsed.data.camera) this.camera = { ...parsed.data.camera, reportedAt };
    if (parsed.data.faceBackend) this.faceBackend = { ...parsed.data.faceBackend, reportedAt };
    if (parsed.data.voice) this.voice = { ...parsed.data.voice, reportedAt };
    return true;
  }
}

export interface KioskProbeDeps {
  platformUrl: string;
  fetch: Fetch;
  /** The kiosk database: the operator's sign-in is in its `operator_session` table (settlement/session.ts). */
  db: DatabaseSync;
  /** Journal rows whose outcome is unknown, oldest first: `engine.ctx.journal.unknown()`. */
  unresolved: () => readonly { createdAt: string; needsStaff?: boolean }[];
  /** userData: where the journal and logs are written. */
  dataDir: string;
  printerName: string | null;
  /** The system's printers (Electron: `webContents.getPrintersAsync()`); absent in the browser bridge. */
  listPrinters?: () => Promise<readonly { name: string }[]>;
  devices: DeviceReports;
  /** PIN holders locked now (electron/core/pinLockout.ts). */
  pinLockouts?: () => readonly LockedHolder[];
  clock?: () => Date;
}

/** The health probes of a running kiosk, from what the core already has. */
export function kioskProbes(deps: KioskProbeDeps): HealthProbes {
  const clock = deps.clock ?? (() => new Date());
  return {
    camera: async () => deps.devices.camera,
    faceBackend: async () => deps.devices.faceBackend,
    voice: async () => deps.devices.voice,
    platform: () => probePlatform(deps.platformUrl, deps.fetch),
    operator: async () => {
      // The platform's day, as the sign-in's: yesterday's sign_no is not today's.
      const row = deps.db
        .prepare('SELECT operator, signed_at FROM operator_session WHERE day = ? ORDER BY signed_at DESC LIMIT 1')
        .get(platformDate(clock())) as { operator: string; signed_at: string } | undefined;
      return row ? { signedIn: true, operator: row.operator, signedAt: row.signed_at } : { signedIn: false };
    },
    journal: async () => {
      const rows = deps.unresolved();
      const needStaff = rows.filter((r) => r.needsStaff).length;
      return { awaitingResolution: rows.length, ...(needStaff ? { needStaff } : {}), ...(rows[0] ? { oldestAt: rows[0].createdAt } : {}) };
    },
    printer: async () => {
      if (!deps.printerName) return { name: null, available: false };
      if (!deps.listPrinters) throw new Error(`${deps.printerName}: printers cannot be listed in this shell`);
      const printers = await deps.listPrinters();
      return { name: deps.printerName, available: printers.some((p) => p.name === deps.printerName) };
    },
    disk: () => diskSpace(deps.dataDir),
    ...(deps.pinLockouts ? { pinLockouts: async () => deps.pinLockouts!() } : {}),
  };
}
