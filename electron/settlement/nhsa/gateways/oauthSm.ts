import type { TerminalConfig } from '../../../../shared/config/terminalConfig';
import type { Clock } from '../../time';
import type { RequestEnvelope } from '../envelope';
import { sm2PrivateKeyHex, sm2PublicKeyHex, sm2SignBase64, sm4DecryptBase64, sm4EncryptBase64 } from './smCrypto';
import { GatewayAnswerError, GatewayAuthError, type Gateway, type GatewayTransport } from './types';

type OAuthSettings = TerminalConfig['region']['oauth'];

/** What the oauth-sm profile needs from the secret store besides the username (platform.paasId). */
export interface OAuthSecrets {
  clientSecret: string;
  password: string;
  /** 64 hex digits or Base64 of 32 bytes; required when the region encrypts. */
  sm2PrivateKey?: string;
}

/**
 * The secret store keeps one string per paasId; for this profile it is the JSON of OAuthSecrets
 * (build/INSTALL.md shows how it is written). Errors name the field, never a value.
 */
export function parseOAuthSecrets(stored: string): OAuthSecrets {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    throw new Error('the stored platform secret of an oauth-sm region must be JSON: {"clientSecret","password","sm2PrivateKey"}');
  }
  const record = (value ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof record[name] === 'string' && record[name] !== '' ? (record[name] as string) : undefined);
  const clientSecret = text('clientSecret');
  const password = text('password');
  if (!clientSecret || !password) throw new Error('the stored oauth-sm secret needs "clientSecret" and "password"');
  const key = text('sm2PrivateKey');
  return key ? { clientSecret, password, sm2PrivateKey: key } : { clientSecret, password };
}

interface Token {
  value: string;
  /** When to fetch a new one: before the gateway would call it expired. */
  renewAt: number;
}

/**
 * OAuth2 password grant (spec §1.3, pattern 3; OHJ `HandlerServiceImpl.getToken`): the token from
 * `tokenPath` with the client's id and secret as HTTP Basic, then `Authorization: Bearer`. One
 * fetch at a time; renewed ahead of `expires_in`, and on a 401 (see `unauthorized`).
 */
export class TokenKeeper {
  private token: Token | null = null;
  private pending: Promise<Token> | null = null;

  constructor(
    private readonly settings: OAuthSettings,
    private readonly username: string,
    private readonly secrets: OAuthSecrets,
    private readonly clock: Clock,
  ) {}

  async bearer(transport: GatewayTransport): Promise<string> {
    const now = this.clock().getTime();
    if (this.token && now < this.token.renewAt) return this.token.value;
    this.pending ??= this.fetch(transport).finally(() => (this.pending = null));
    this.token = await this.pending;
    return this.token.value;
  }

  forget(): void {
    this.token = null;
  }

  private async fetch(transport: GatewayTransport): Promise<Token> {
    const basic = Buffer.from(`${this.settings.clientId}:${this.secrets.clientSecret}`, 'utf8').toString('base64');
    const form: Record<string, string> = { grant_type: 'password', username: this.username, password: this.secrets.password };
    if (this.settings.scope) form.scope = this.settings.scope;
    const started = this.clock().getTime();
    let answer: { status: number; body: string };
    try {
      answer = await transport.postForm(this.settings.tokenPath, form, { authorization: `Basic ${basic}` });
    } catch (error) {
      throw new GatewayAuthError(`token endpoint not reached (${error instanceof Error ? error.message : String(error)})`);
    }
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(answer.body) as Record<string, unknown>;
    } catch {
      // Named below by status; the body of a refusal may echo what was sent.
    }
    const value = body.access_token;
    if (answer.status !== 200 || typeof value !== 'string' || value === '') {
      const reason = typeof body.error === 'string' ? ` ${body.error}` : '';
      throw new GatewayAuthError(`token endpoint refused (HTTP ${answer.status}${reason})`);
    }
    const lifetime = Number(body.expires_in);
    // Renewed a tenth of its life (at most a minute) early, so a request never leaves with a
    // token about to lapse; without expires_in it is kept until the gateway answers 401.
    const renewAt = Number.isFinite(lifetime) && lifetime > 0 ? started + (lifetime - Math.min(60, lifetime / 10)) * 1000 : Number.POSITIVE_INFINITY;
    return { value, renewAt };
  }
}

/**
 * The oauth-sm gateway. With `encrypt`: `input` = Base64(SM4-ECB(key = client id bytes,
 * PKCS#7)) of the input's JSON, `cainfo` = Base64(SM2-with-SM3 signature of that same JSON,
 * user id = client id unless the region says otherwise), `signtype` SM2, `enc_type` SM4; an
 * answer's Base64 `output` is decrypted with the same key.
 */
export function oauthSmGateway(settings: OAuthSettings, username: string, secrets: OAuthSecrets, clock: Clock): Gateway {
  const keeper = new TokenKeeper(settings, username, secrets, clock);
  const sm4Key = new TextEncoder().encode(settings.clientId);
  let privateKey = '';
  let publicKey = '';
  if (settings.encrypt) {
    if (!secrets.sm2PrivateKey) throw new Error('oauth-sm with encryption needs "sm2PrivateKey" in the stored secret');
    privateKey = sm2PrivateKeyHex(secrets.sm2PrivateKey);
    publicKey = sm2PublicKeyHex(privateKey);
  }
  const userId = settings.sm2UserId ?? settings.clientId;
  return {
    profile: 'oauth-sm',
    async headers(_request, transport) {
      return { authorization: `Bearer ${await keeper.bearer(transport)}` };
    },
    seal(envelope: RequestEnvelope) {
      if (!settings.encrypt) return { ...envelope };
      const json = JSON.stringify(envelope.input);
      return {
        ...envelope,
        cainfo: sm2SignBase64(json, privateKey, userId, publicKey),
        signtype: 'SM2',
        enc_type: 'SM4',
        input: sm4EncryptBase64(json, sm4Key),
      };
    },
    openOutput(output) {
      // A platform may answer some transactions in clear (OHJ decrypts per transaction flag).
      if (!settings.encrypt || typeof output !== 'string') return output;
      let parsed: unknown;
      try {
        parsed = JSON.parse(sm4DecryptBase64(output, sm4Key));
      } catch {
        throw new GatewayAnswerError('output could not be decrypted with the client id (SM4)');
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new GatewayAnswerError('decrypted output is not an object');
      return parsed;
    },
    unauthorized() {
      keeper.forget();
      return true;
    },
  };
}
