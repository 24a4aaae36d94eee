import { createHash, randomBytes } from 'node:crypto';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import type { Clock } from '../time';
import { csbHeaders } from './gateways/csb';
import { oauthSmGateway, parseOAuthSecrets, type OAuthSecrets } from './gateways/oauthSm';
import { headerOnlyGateway, type Gateway } from './gateways/types';

/**
 * Gateway authentication wraps the envelope and differs by province; `region.profile` picks one
 * (spec §1.3): TIF headers, Alibaba CSB headers, or an OAuth2 bearer token with SM2/SM4.
 */
export interface GatewaySigner {
  /** `at`: the time the request is signed for (a journaled request: its row's creation time). */
  headers(at?: Date): Record<string, string>;
}

/** From the secret store (electron/main/secrets), one secret per configured paasId. */
export interface GatewayCredentials {
  /** TIF: the PaaS id; CSB: the access key; oauth-sm: the username. The configuration's platform.paasId. */
  paasId: string;
  /**
   * TIF: the PaaS token; CSB: the secret key; oauth-sm: the JSON of OAuthSecrets, unless `oauth`
   * is given. Never logged, never sent in clear.
   */
  secret: string;
  oauth?: OAuthSecrets;
}

/**
 * TIF: x-tif-signature = lowercase hex SHA-256 of timestamp + secret + nonce + timestamp,
 * timestamp in Unix seconds. A plain hash over the concatenation, not an HMAC.
 */
export function tifSignature(timestamp: string, secret: string, nonce: string): string {
  return createHash('sha256').update(timestamp + secret + nonce + timestamp).digest('hex');
}

export function tifSigner(
  credentials: GatewayCredentials,
  clock: Clock,
  nonce: () => string = () => randomBytes(16).toString('hex'),
): GatewaySigner {
  return {
    headers(at = clock()) {
      const timestamp = String(Math.floor(at.getTime() / 1000));
      const n = nonce();
      return {
        'x-tif-paasid': credentials.paasId,
        'x-tif-timestamp': timestamp,
        'x-tif-nonce': n,
        'x-tif-signature': tifSignature(timestamp, credentials.secret, n),
      };
    },
  };
}

/** The region's gateway; a bad stored secret for the profile is an error here, at start-up. */
export function signerForRegion(region: TerminalConfig['region'], credentials: GatewayCredentials, clock: Clock): Gateway {
  switch (region.profile) {
    case 'tif': {
      const tif = tifSigner(credentials, clock);
      return headerOnlyGateway('tif', (request) => tif.headers(request.at));
    }
    case 'csb':
      return headerOnlyGateway('csb', (request) => csbHeaders(region.csb, credentials.paasId, credentials.secret, request));
    case 'oauth-sm':
      return oauthSmGateway(region.oauth, credentials.paasId, credentials.oauth ?? parseOAuthSecrets(credentials.secret), clock);
  }
}
