import { statfs } from 'node:fs/promises';
import type { PlatformHealth } from '../platformHealth';

/**
 * The terminal's health for the admin diagnostics page and the loopback endpoint: one report
 * built from injected probes, so it is the same whoever asks and testable without devices.
 * A probe that throws or hangs makes its check `unknown`; it never fails the report.
 */

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'unknown';
export type Check<T extends object = object> = { status: CheckStatus; detail: string } & Partial<T>;

/** What the renderer last reported about its camera (main cannot see the page's devices). */
export interface CameraState {
  available: boolean;
  label?: string;
  reportedAt: string;
}
/** What the renderer last reported about Human: its backend and a warm per-frame time. */
export interface FaceBackendState {
  backend: 'wasm' | 'webgl' | null;
  msPerFrame: number | null;
  reportedAt: string;
}
export interface OperatorState {
  signedIn: boolean;
  operator?: string;
  signedAt?: string;
}
export interface JournalState {
  /** Journal rows whose outcome is unknown (no answer): reversal or query still to come. */
  awaitingResolution: number;
  /** Of those, the ones recovery cannot settle: staff must (admin → 待确认结算). */
  needStaff?: number;
  oldestAt?: string;
}
export interface PrinterState {
  name: string | null;
  available: boolean;
}
export interface DiskState {
  path: string;
  freeBytes: number;
  totalBytes: number;
}
/** Voice and PIN lockouts (issue 14): what the page reported of speechSynthesis's voices. */
export interface VoiceState {
  speechSynthesis: boolean;
  voices: number;
  zhCN: boolean;
  name?: string;
  reportedAt: string;
}
/** PIN holders (`admin`, `operator:<id>`) locked now, and until when (epoch ms). */
export interface PinLockoutState {
  locked: readonly { holder: string; lockedUntil: number }[];
}

export interface HealthProbes {
  camera(): Promise<CameraState | null>;
  faceBackend(): Promise<FaceBackendState | null>;
  platform(): Promise<PlatformHealth>;
  operator(): Promise<OperatorState>;
  journal(): Promise<JournalState>;
  printer(): Promise<PrinterState>;
  disk(): Promise<DiskState>;
  voice?(): Promise<VoiceState | null>;
  pinLockouts?(): Promise<PinLockoutState['locked']>;
}

export interface HealthIdentity {
  version: string;
  terminalId: string;
  mode: string;
}

export interface HealthLimits {
  probeTimeoutMs: number;
  /** A device report older than this says nothing about now. */
  staleAfterMs: number;
  /** Slower than this per frame and the face gate stutters (the target is 25 fps, 40 ms). */
  slowFrameMs: number;
  slowPlatformMs: number;
  /** An unknown outcome older than this needs a person: reconciliation is at stake. */
  journalOverdueMs: number;
  lowDiskBytes: number;
  criticalDiskBytes: number;
}

export const DEFAULT_LIMITS: HealthLimits = {
  probeTimeoutMs: 3000,
  staleAfterMs: 10 * 60_000,
  slowFrameMs: 100,
  slowPlatformMs: 1500,
  journalOverdueMs: 24 * 3600_000,
  lowDiskBytes: 2 * 1024 ** 3,
  criticalDiskBytes: 256 * 1024 ** 2,
};

export interface HealthReport extends HealthIdentity {
  /** `down`: no patient can be settled (platform unreachable, or no room for the journal). */
  status: 'ok' | 'degraded' | 'down';
  generatedAt: string;
  checks: {
    camera: Check<CameraState>;
    faceBackend: Check<FaceBackendState>;
    platform: Check<PlatformHealth>;
    operator: Check<OperatorState>;
    journal: Check<JournalState>;
    printer: Check<PrinterState>;
    disk: Check<DiskState>;
    voice?: Check<VoiceState>;
    pinLockout?: Check<PinLockoutState>;
  };
}

const CRITICAL = ['platform', 'disk'] as const;

async function probe<T, C extends Check>(run: () => Promise<T>, judge: (value: T) => C, timeoutMs: number): Promise<C | Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return judge(await Promise.race([run(), timeout]));
  } catch (error) {
    return { status: 'unknown', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

export async function buildHealthReport(
  probes: HealthProbes,
  identity: HealthIdentity,
  now: () => Date = () => new Date(),
  limits: HealthLimits = DEFAULT_LIMITS,
): Promise<HealthReport> {
  const at = now();
  const age = (iso: string) => at.getTime() - Date.parse(iso);
  const stale = (reportedAt: string) => !(age(reportedAt) <= limits.staleAfterMs);
  const t = limits.probeTimeoutMs;

  const [camera, faceBackend, platform, operator, journal, printer, disk] = await Promise.all([
    probe(probes.camera, (c): Check<CameraState> => {
      if (!c) return { status: 'unknown', detail: 'the kiosk page has not reported its camera yet' };
      if (stale(c.reportedAt)) return { ...c, status: 'unknown', detail: `last report ${c.reportedAt} is stale` };
      return c.available ? { ...c, status: 'ok', detail: c.label ?? 'camera available' } : { ...c, status: 'fail', detail: 'no camera: face payment unavailable, other ways in still work' };
    }, t),
    probe(probes.faceBackend, (f): Check<FaceBackendState> => {
      if (!f) return { status: 'unknown', detail: 'face models not loaded yet' };
      if (stale(f.reportedAt)) return { ...f, status: 'unknown', detail: `last report ${f.reportedAt} is stale` };
      if (!f.backend) return { ...f, status: 'fail', detail: 'face models failed to load' };
      if (f.msPerFrame !== null && f.msPerFrame > limits.slowFrameMs) return { ...f, status: 'warn', detail: `${f.backend}: ${f.msPerFrame} ms a frame, slower than ${limits.slowFrameMs}` };
      return { ...f, status: 'ok', detail: `${f.backend}${f.msPerFrame !== null ? `: ${f.msPerFrame} ms a frame` : ''}` };
    }, t),
    probe(probes.platform, (p): Check<PlatformHealth> => {
      if (!p.reachable) return { ...p, status: 'fail', detail: `unreachable: ${p.detail}` };
      if (p.latencyMs !== null && p.latencyMs > limits.slowPlatformMs) return { ...p, status: 'warn', detail: `slow: ${p.latencyMs} ms` };
      return { ...p, status: 'ok', detail: `${p.latencyMs} ms` };
    }, t),
    probe(probes.operator, (o): Check<OperatorState> =>
      o.signedIn ? { ...o, status: 'ok', detail: `signed in${o.signedAt ? ` at ${o.signedAt}` : ''}` } : { ...o, status: 'warn', detail: 'no operator signed in today (the first settlement signs in)' }, t),
    probe(probes.journal, (j): Check<JournalState> => {
      if (j.awaitingResolution === 0) return { ...j, status: 'ok', detail: 'nothing awaiting resolution' };
      const overdue = j.oldestAt !== undefined && age(j.oldestAt) > limits.journalOverdueMs;
      const staff = j.needStaff ? `, ${j.needStaff} need staff (admin → 待确认结算)` : '';
      return { ...j, status: overdue ? 'fail' : 'warn', detail: `${j.awaitingResolution} awaiting resolution${staff}${overdue ? `, oldest since ${j.oldestAt}: call support` : ''}` };
    }, t),
    probe(probes.printer, (p): Check<PrinterState> => {
      if (!p.name) return { ...p, status: 'warn', detail: 'no printer configured: receipts are kept as PDF' };
      return p.available ? { ...p, status: 'ok', detail: p.name } : { ...p, status: 'warn', detail: `${p.name} not available` };
    }, t),
    probe(probes.disk, (d): Check<DiskState> => {
      const detail = `${gib(d.freeBytes)} free of ${gib(d.totalBytes)}`;
      if (d.freeBytes < limits.criticalDiskBytes) return { ...d, status: 'fail', detail: `${detail}: the journal may not be written` };
      return { ...d, status: d.freeBytes < limits.lowDiskBytes ? 'warn' : 'ok', detail };
    }, t),
  ]);
  // Voice and PIN lockouts (issue 14): checked only where the kiosk has the probes.
  const voice = probes.voice ? await probe(probes.voice, judgeVoice, t) : undefined;
  const pinLockout = probes.pinLockouts ? await probe(probes.pinLockouts, judgeLockouts, t) : undefined;
  const checks = { camera, faceBackend, platform, operator, journal, printer, disk, ...(voice ? { voice } : {}), ...(pinLockout ? { pinLockout } : {}) } as HealthReport['checks'];
  const all = Object.values(checks).map((c) => c.status);
  const status = CRITICAL.some((name) => checks[name].status === 'fail') ? 'down' : all.every((s) => s === 'ok') ? 'ok' : 'degraded';
  return { status, generatedAt: at.toISOString(), ...identity, checks };
}

/** Voices do not come and go while the kiosk runs, so an old report still holds (no staleness). */
function judgeVoice(v: VoiceState | null): Check<VoiceState> {
  if (!v) return { status: 'unknown', detail: 'the kiosk page has not reported its voices yet' };
  if (!v.speechSynthesis) return { ...v, status: 'warn', detail: 'no speech synthesis in this shell: guidance is shown, not spoken' };
  if (!v.zhCN) {
    return { ...v, status: 'warn', detail: `no Chinese (zh-CN) voice among ${v.voices}: guidance is not spoken (Linux: speech-dispatcher and a Mandarin voice, build/INSTALL.md "Hardware")` };
  }
  return { ...v, status: 'ok', detail: `zh-CN voice${v.name ? `: ${v.name}` : ''}` };
}

function judgeLockouts(locked: PinLockoutState['locked']): Check<PinLockoutState> {
  if (locked.length === 0) return { locked, status: 'ok', detail: 'no PIN locked' };
  const which = locked.map((l) => `${l.holder} until ${new Date(l.lockedUntil).toISOString()}`).join(', ');
  return { locked, status: 'warn', detail: `locked after repeated wrong PINs: ${which}` };
}

/** The disk probe: free space where the journal and logs live (userData). */
export async function diskSpace(dir: string): Promise<DiskState> {
  const stats = await statfs(dir);
  return { path: dir, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
}
