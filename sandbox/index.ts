import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_DEFAULTS as TERMINAL_DEFAULTS } from '../shared/config/terminalConfig';
import { openSandboxDatabase, startCheckpointer } from './db';
import { createFaceService, type FaceServiceConfig } from './face';
import { createAdminRoutes } from './faults/admin';
import { createHospitalSystem, type HisAuth } from './his';
import { FaultRegistry } from './faults/registry';
import type { SandboxRoute } from './http/types';
import type { EcTokenResolver, SandboxPart, SandboxPartDeps } from './parts';
import { createPlatform } from './platform';
import { checkGatewayOptions, type SandboxGatewayOptions } from './platform/gateways';
import { createPersonDirectory } from './platform/persons';
import { DEFAULT_TIF_WINDOW_SECONDS } from './platform/tif';
import { createWording } from './platform/wording';
import { createHttpServer } from './server';
import { createStaffCallReceiver } from './staffCalls/routes';
import { DEMO_STAFF_CALL_SECRET } from '../shared/staffCalls';

/**
 * The embedded sandbox: a local stand-in for the insurance platform, its e-voucher face
 * service and the hospital system, on one HTTP server over one SQLite file.
 */
export interface SandboxOptions {
  /** 127.0.0.1 unless given: the sandbox is for this machine. */
  host?: string;
  /** 0 (any free port) unless given; the CLI defaults to 8790. */
  port?: number;
  /** Folder of `sandbox.db`; state is kept in memory (lost on close) when absent. */
  dataDir?: string;
  /** The gateway credentials the platform accepts: TIF paas id and secret, CSB access and secret key, OAuth username and password. */
  paasId?: string;
  secret?: string;
  /** The gateway profile in front of the platform (TIF unless said) and its URL layout. */
  gateway?: SandboxGatewayOptions;
  clock?: () => Date;
  /**
   * How far, in seconds, a request's x-tif-timestamp and its msgid's time may be from the
   * platform's clock when it processes the request (300 unless given; tests use a short one).
   */
  tifWindowSeconds?: number;
  /** Seeds the choice of the platform's Chinese wordings, to replay a run; random when absent. */
  wordingSeed?: number;
  /** One line per request; silence it with `() => {}`. */
  log?: (line: string) => void;
  /** Handed to the face service as its `config`. */
  faceConfig?: Partial<FaceServiceConfig>;
  /** Turns the face service or the hospital system off (both run by default); the platform always runs. */
  parts?: { face?: boolean; his?: boolean };
  /** Resolves e-voucher tokens when no face service runs (tests, headless demos). */
  tokens?: EcTokenResolver;
  /** false: the face models load at the first photo, not at start (tests that use only QR codes and family). */
  faceWarmUp?: boolean;
  /** A header the hospital system requires of every call to its port (none unless given). */
  hisAuth?: HisAuth;
  /** The staff-call receiver's webhook secret (the public demo one unless given). */
  staffCallSecret?: string;
}

export interface RunningSandbox {
  url: string;
  port: number;
  paasId: string;
  secret: string;
  /** The gateway options in use (`{}`: TIF, one endpoint). */
  gateway: SandboxGatewayOptions;
  dataDir?: string;
  faults: FaultRegistry;
  tifWindowSeconds: number;
  /** The seed of the platform's wordings in use (the one given, or the one drawn). */
  wordingSeed: number;
  /** Which optional parts are running. */
  parts: { face: boolean; his: boolean };
  close(): Promise<void>;
}

/** The PaaS id is the one the kiosk's default terminal configuration sends. */
export const SANDBOX_SERVER_DEFAULTS = {
  host: '127.0.0.1',
  cliPort: 8790,
  paasId: TERMINAL_DEFAULTS.platform.paasId,
  secret: 'facesettle-demo-secret',
} as const;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = options.clock ?? (() => new Date());
  // Checked before the database opens, so a bad option leaves nothing open.
  const tifWindowSeconds = options.tifWindowSeconds ?? DEFAULT_TIF_WINDOW_SECONDS;
  if (!Number.isInteger(tifWindowSeconds) || tifWindowSeconds < 1) throw new Error(`tifWindowSeconds must be a whole number of seconds ≥ 1, not ${tifWindowSeconds}`);
  checkGatewayOptions(options.gateway);
  const wording = createWording(options.wordingSeed);
  const log = options.log ?? ((line: string) => console.log(line));
  const paasId = options.paasId ?? SANDBOX_SERVER_DEFAULTS.paasId;
  const secret = options.secret ?? SANDBOX_SERVER_DEFAULTS.secret;
  const db = openSandboxDatabase(options.dataDir);
  const checkpointer = options.dataDir ? startCheckpointer(options.dataDir) : undefined;
  const faults = new FaultRegistry();
  let tokens = options.tokens;

  const platform = createPlatform({ db, clock, log, credentials: { paasId, secret }, gateway: options.gateway ?? {}, faults, tifWindowSeconds, wording, tokens: () => tokens });
  const deps: SandboxPartDeps = { db, clock, log, persons: createPersonDirectory(db) };
  const parts: SandboxPart[] = [platform];
  const running = { face: false, his: false };

  if (options.parts?.face !== false) {
    const face = createFaceService({ ...deps, config: options.faceConfig });
    tokens = face.tokens;
    parts.push(face);
    running.face = true;
    if (options.faceWarmUp !== false) face.warmUp().catch(() => log('face: warm-up failed; identification will load its models on first use'));
  }
  if (options.parts?.his !== false) {
    parts.push(createHospitalSystem(deps, options.hisAuth ? { auth: options.hisAuth } : {}));
    running.his = true;
  }

  const health: SandboxRoute = {
    method: 'GET',
    path: '/health',
    handle: () => ({ status: 200, body: { status: 'ok', service: 'facesettle-sandbox', parts: { platform: true, ...running } } }),
  };
  const staffCalls = createStaffCallReceiver({ secret: options.staffCallSecret ?? DEMO_STAFF_CALL_SECRET, clock });
  const routes = [health, ...parts.flatMap((part) => part.routes), ...staffCalls, ...createAdminRoutes(db, faults)];
  const server: Server = createHttpServer({ routes, log });
  const host = options.host ?? SANDBOX_SERVER_DEFAULTS.host;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    paasId,
    secret,
    gateway: options.gateway ?? {},
    dataDir: options.dataDir,
    faults,
    tifWindowSeconds,
    wordingSeed: wording.seed,
    parts: running,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      for (const part of parts) await part.close?.();
      await checkpointer?.stop();
      db.close();
    },
  };
}
