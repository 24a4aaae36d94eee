import type { Wording } from '../wording';
import type { Statements } from '../store';
import { TifGate, type TifCredentials } from '../tif';
import { csbCheck } from './csb';
import { OAuthGate } from './oauth';
import { sm2Point } from './sm';
import { checkPath, HEBEI_PATHS, layoutPaths, type EndpointLayout } from './paths';
import type { GatewayProfile, GatewayRequestCheck, PlatformDoor } from './types';

/** Where business requests go: the one endpoint, or a path per transaction (Hebei's, plus `paths`). */
interface LayoutOptions {
  endpoint?: 'single' | 'per-transaction';
  /** Per transaction: paths over (or beside) the Hebei ones. */
  paths?: Record<string, string>;
}

/**
 * The gateway profile the sandbox's platform sits behind (`startSandbox({ gateway })`); TIF unless
 * said. Credentials come from the sandbox's `paasId`/`secret`: the TIF pair, the CSB access key and
 * secret key, the OAuth username and password.
 */
export type SandboxGatewayOptions =
  | ({ profile?: 'tif' } & LayoutOptions)
  | ({
      profile: 'csb';
      apiVersion?: string;
      apiName?: string;
      apiNames?: Record<string, string>;
      timestampUnit?: 's' | 'ms';
    } & LayoutOptions)
  | ({
      profile: 'oauth-sm';
      tokenPath?: string;
      clientId?: string;
      clientSecret?: string;
      tokenLifetimeSeconds?: number;
      encrypt?: boolean;
      clientPublicKey?: string;
      sm2UserId?: string;
    } & LayoutOptions);

/** The demo OAuth client: public, like the demo TIF secret (sandbox/README.md). */
export const DEMO_OAUTH_CLIENT = { clientId: 'facesettle000001', clientSecret: 'facesettle-demo-client-secret', tokenPath: '/auth/oauth/token' } as const;

/** Refuses options no gateway could run with; called before the sandbox opens anything. */
export function checkGatewayOptions(options: SandboxGatewayOptions = {}): void {
  if (options.profile !== 'oauth-sm') return;
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  if (!Number.isInteger(lifetime) || lifetime < 0) throw new Error(`gateway.tokenLifetimeSeconds must be a whole number ≥ 0, not ${lifetime}`);
  if (options.encrypt === false) return;
  const clientId = options.clientId ?? DEMO_OAUTH_CLIENT.clientId;
  if (Buffer.byteLength(clientId, 'utf8') !== 16) throw new Error('gateway.clientId must be 16 bytes when encrypting (it is the SM4 key)');
  if (!options.clientPublicKey) throw new Error('gateway.clientPublicKey (the kiosk\'s SM2 public key, hex 04‖x‖y) is needed when encrypting');
  sm2Point(options.clientPublicKey);
}

export interface DoorDeps {
  credentials: TifCredentials;
  sql: Statements;
  windowSeconds: number;
  wording: Wording;
  clock: () => Date;
}

export function createDoor(options: SandboxGatewayOptions = {}, deps: DoorDeps): PlatformDoor {
  const layout: EndpointLayout =
    options.endpoint === 'per-transaction' ? { style: 'per-transaction', paths: { ...HEBEI_PATHS, ...options.paths } } : { style: 'single' };
  let profile: GatewayProfile = 'tif';
  let check: GatewayRequestCheck;
  let oauth: OAuthGate | undefined;
  if (options.profile === 'csb') {
    profile = 'csb';
    check = csbCheck({
      accessKey: deps.credentials.paasId,
      secretKey: deps.credentials.secret,
      apiVersion: options.apiVersion ?? '1.0.0',
      apiName: options.apiName ?? 'fsi.callService',
      apiNames: options.apiNames ?? {},
      timestampUnit: options.timestampUnit ?? 's',
      windowSeconds: deps.windowSeconds,
    });
  } else if (options.profile === 'oauth-sm') {
    profile = 'oauth-sm';
    oauth = new OAuthGate(
      {
        tokenPath: options.tokenPath ?? DEMO_OAUTH_CLIENT.tokenPath,
        clientId: options.clientId ?? DEMO_OAUTH_CLIENT.clientId,
        clientSecret: options.clientSecret ?? DEMO_OAUTH_CLIENT.clientSecret,
        username: deps.credentials.paasId,
        password: deps.credentials.secret,
        tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
        encrypt: options.encrypt ?? true,
        ...(options.clientPublicKey ? { clientPublicKey: options.clientPublicKey } : {}),
        ...(options.sm2UserId !== undefined ? { sm2UserId: options.sm2UserId } : {}),
      },
      deps.wording,
      deps.clock,
    );
    check = oauth.check;
  } else {
    const tif = new TifGate(deps.credentials, deps.sql, deps.windowSeconds);
    check = (request, now, body) => (tif.check(request.headers, now), body);
  }
  return {
    profile,
    paths: layoutPaths(layout),
    routes: oauth?.routes ?? [],
    admit(request, now) {
      checkPath(layout, request.path, request.body);
      return check(request, now, request.body);
    },
    seal: (response) => (oauth ? oauth.seal(response) : response),
  };
}
