import type { SandboxRequest, SandboxResponse, SandboxRoute } from '../../http/types';

export type GatewayProfile = 'tif' | 'csb' | 'oauth-sm';

/**
 * The gateway in front of the platform (spec §1.3): which paths it answers, what it checks
 * before the platform sees a request, and how it wraps the answer. A refusal it makes is a
 * PlatformError (an infcode -1 envelope naming the field) or a GatewayRefusal (an HTTP status).
 */
export interface PlatformDoor {
  readonly profile: GatewayProfile;
  /** The paths business requests are posted to. */
  readonly paths: readonly string[];
  /** The gateway's own routes (the OAuth token endpoint). */
  readonly routes: SandboxRoute[];
  /** Checks the gateway layer of one request; returns the body as the platform reads it. */
  admit(request: SandboxRequest, now: Date): unknown;
  /** The answer as it leaves the gateway (oauth-sm: `output` encrypted). */
  seal(response: SandboxResponse): SandboxResponse;
}

/** A refusal the gateway answers itself, before the platform: an HTTP status and its JSON. */
export class GatewayRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(`HTTP ${status}`);
    this.name = 'GatewayRefusal';
  }

  get response(): SandboxResponse {
    return { status: this.status, body: this.body, logNote: `gateway=${this.status} ${String(this.body.error ?? '')}` };
  }
}

/** One profile's check of a request: throws a refusal, or returns the body the platform reads. */
export type GatewayRequestCheck = (request: SandboxRequest, now: Date, body: unknown) => unknown;
