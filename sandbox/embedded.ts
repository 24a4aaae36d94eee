import { getCiphers, getHashes } from 'node:crypto';
import type { TerminalConfig } from '../shared/config/terminalConfig';
import { DEMO_ONLY_SM2_KEY_PAIR } from './demoKeys';
import { SANDBOX_SERVER_DEFAULTS, type SandboxOptions } from './index';
import { DEMO_OAUTH_CLIENT, type SandboxGatewayOptions } from './platform/gateways';
import { SINGLE_PATH } from './platform/gateways/paths';

/**
 * The sandbox as a kiosk's region: the gateway profile, URL layout, credentials and window its
 * terminal configuration names, so a kiosk configured `csb` or `oauth-sm` can talk to the
 * embedded sandbox (or to `npm run sandbox -- --config <terminal.json>`). Credentials are the
 * sandbox's public demo ones (README.md "Gateway profiles"), never a region's.
 */
type PlatformConfig = Pick<TerminalConfig, 'region' | 'platform'>;

export interface EmbeddedPlatform {
  /** What `startSandbox` is given so that its door is the region's. */
  options: Required<Pick<SandboxOptions, 'paasId' | 'secret' | 'gateway' | 'tifWindowSeconds'>>;
  /**
   * The platform secret the kiosk signs with against it, as the secret store would hold it: the
   * TIF token or CSB secret key, or for oauth-sm the JSON of client secret, password and the
   * demo-only SM2 private key.
   */
  kioskSecret: string;
}

export function embeddedPlatformFor(config: PlatformConfig): EmbeddedPlatform {
  const { region } = config;
  const secret: string = SANDBOX_SERVER_DEFAULTS.secret;
  const layout = region.endpoint.style === 'per-transaction' ? { endpoint: 'per-transaction' as const, paths: { ...region.endpoint.paths } } : {};
  let gateway: SandboxGatewayOptions;
  let kioskSecret = secret;
  switch (region.profile) {
    case 'tif':
      gateway = { profile: 'tif', ...layout };
      break;
    case 'csb':
      gateway = {
        profile: 'csb',
        apiVersion: region.csb.apiVersion,
        apiName: region.csb.apiName,
        apiNames: { ...region.csb.apiNames },
        timestampUnit: region.csb.timestampUnit,
        ...layout,
      };
      break;
    case 'oauth-sm':
      gateway = {
        profile: 'oauth-sm',
        tokenPath: region.oauth.tokenPath,
        clientId: region.oauth.clientId,
        clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
        encrypt: region.oauth.encrypt,
        clientPublicKey: DEMO_ONLY_SM2_KEY_PAIR.publicKeyHex,
        ...(region.oauth.sm2UserId !== undefined ? { sm2UserId: region.oauth.sm2UserId } : {}),
        ...layout,
      };
      kioskSecret = JSON.stringify({ clientSecret: DEMO_OAUTH_CLIENT.clientSecret, password: secret, sm2PrivateKey: DEMO_ONLY_SM2_KEY_PAIR.privateKeyHex });
      break;
  }
  return { options: { paasId: config.platform.paasId, secret, gateway, tifWindowSeconds: region.freshnessWindowSeconds }, kioskSecret };
}

/** Whether this runtime's crypto has what the sandbox's oauth-sm door uses (Node's OpenSSL has; Electron's BoringSSL has not). */
export const sandboxHasSmCrypto = (): boolean => getCiphers().includes('sm4-ecb') && getHashes().includes('sm3');

/**
 * What a region asks that the in-process sandbox cannot serve, one line per field: said at
 * start-up rather than as a refusal of every request.
 */
export function embeddedPlatformProblems(config: PlatformConfig, hasSmCrypto = sandboxHasSmCrypto()): string[] {
  const { region } = config;
  const problems: string[] = [];
  if (region.endpoint.style === 'single' && region.endpoint.path !== SINGLE_PATH) {
    problems.push(`region.endpoint.path: the embedded sandbox serves the single endpoint at ${SINGLE_PATH}, not ${region.endpoint.path}`);
  }
  if (region.profile === 'oauth-sm' && region.oauth.encrypt && !hasSmCrypto) {
    problems.push(
      'region.profile: the embedded sandbox\'s oauth-sm gateway needs SM3/SM4 from Node\'s OpenSSL, which this runtime lacks (Electron is built on BoringSSL); ' +
        'run the sandbox apart (npm run sandbox -- --config <terminal.json>) and point FACESETTLE_PLATFORM_URL at it',
    );
  }
  return problems;
}
