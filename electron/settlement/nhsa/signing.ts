import { createHash, randomBytes } from 'node:crypto';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import type { Clock } from '../time';

/**
 * Gateway authentication wraps the envelope and differs by province; the region profile in
 * the terminal configuration picks one. Only TIF exists so far (the default of most regions).
 */
export interface GatewaySigner {
  /** `at`: the time the request is signed for (a journaled request: its row's creation time). */
  headers(at?: Date): Record<string, string>;
}

export interface GatewayCredentials {
  paasId: string;
  /** The PaaS token issued with the paasId; never logged, never sent in clear. */
  secret: string;
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

export function signerForRegion(
  region: TerminalConfig['region'],
  credentials: GatewayCredentials,
  clock: Clock,
): GatewaySigner {
  switch (region.profile) {
    case 'tif':
      return tifSigner(credentials, clock);
  }
}
