import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { SandboxRequest, SandboxResponse, SandboxRoute } from '../../http/types';
import { refuse } from '../errors';
import { isObject } from '../fields';
import type { Wording } from '../wording';
import { sm2Verify, sm4Decrypt, sm4Encrypt } from './sm';
import { GatewayRefusal, type GatewayRequestCheck } from './types';

export interface OAuthGateSettings {
  tokenPath: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  tokenLifetimeSeconds: number;
  /** Input must be SM4-encrypted and SM2-signed; output is encrypted back. */
  encrypt: boolean;
  /** The client's SM2 public key, hex 04‖x‖y, as the region registered it. */
  clientPublicKey?: string;
  /** The signer id of `cainfo` (Z value); the client id unless given. */
  sm2UserId?: string;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * OAuth2 in front of the platform (spec §1.3, pattern 3, Jilin): a password grant at `tokenPath`
 * with the client's credentials as HTTP Basic, expiring bearer tokens (kept in memory: a
 * restarted gateway forgets them, as a client must expect), 401 for a request without a live one.
 */
export class OAuthGate {
  private readonly tokens = new Map<string, number>();
  private readonly key: Buffer;

  constructor(
    private readonly settings: OAuthGateSettings,
    private readonly wording: Wording,
    private readonly clock: () => Date,
  ) {
    this.key = Buffer.from(settings.clientId, 'utf8');
    if (settings.encrypt && this.key.length !== 16) throw new Error(`oauth-sm clientId must be 16 bytes (the SM4 key), not ${this.key.length}`);
    if (settings.encrypt && !settings.clientPublicKey) throw new Error('oauth-sm with encryption needs the client\'s SM2 public key (clientPublicKey)');
  }

  get routes(): SandboxRoute[] {
    return [
      { method: 'POST', path: this.settings.tokenPath, handle: (request) => this.issue(request) },
      // Every token dies at once, as after a gateway restart: tests check the client renews.
      { method: 'DELETE', path: '/sandbox/admin/tokens', loopbackOnly: true, handle: () => (this.tokens.clear(), { status: 204, body: null }) },
    ];
  }

  private issue(request: SandboxRequest): SandboxResponse {
    const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const [id, secret] = basic ? splitOnce(Buffer.from(basic, 'base64').toString('utf8')) : ['', ''];
    if (!same(id, this.settings.clientId) || !same(secret, this.settings.clientSecret)) {
      return { status: 401, body: { error: 'invalid_client', error_description: this.wording.refusal('header Authorization', ['客户端ID或密钥错误（HTTP Basic）', '未登记的客户端']) } };
    }
    const form = new URLSearchParams(request.rawBody.toString('utf8'));
    if (form.get('grant_type') !== 'password') {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: this.wording.refusal('grant_type', '须为password') } };
    }
    if (!same(form.get('username') ?? '', this.settings.username) || !same(form.get('password') ?? '', this.settings.password)) {
      return { status: 400, body: { error: 'invalid_grant', error_description: this.wording.refusal('username/password', ['用户名或密码错误', '账号或密码不正确']) } };
    }
    const token = randomBytes(24).toString('hex');
    const now = this.clock().getTime();
    this.tokens.set(token, now + this.settings.tokenLifetimeSeconds * 1000);
    for (const [old, until] of this.tokens) if (until < now) this.tokens.delete(old);
    return {
      status: 200,
      body: { access_token: token, token_type: 'bearer', expires_in: this.settings.tokenLifetimeSeconds, scope: form.get('scope') ?? '' },
      logNote: 'token issued',
    };
  }

  readonly check: GatewayRequestCheck = (request, now, body) => {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const unauthorized = (rule: string | readonly string[]) =>
      new GatewayRefusal(401, { error: 'invalid_token', error_description: this.wording.refusal('header Authorization', rule) });
    if (!token) throw new GatewayRefusal(401, { error: 'unauthorized', error_description: this.wording.refusal('header Authorization', '缺少Bearer令牌，请先到令牌地址获取') });
    const until = this.tokens.get(token);
    if (until === undefined) throw unauthorized(['令牌无效或已注销', '无法识别的访问令牌']);
    if (until <= now.getTime()) throw unauthorized(['令牌已过期，请重新获取', '访问令牌过期']);
    return this.settings.encrypt ? this.open(body) : body;
  };

  /** The envelope with `input` decrypted, after `cainfo` verified over that plaintext. */
  private open(body: unknown): unknown {
    if (!isObject(body)) return body;
    if (body.enc_type !== 'SM4') refuse('enc_type', '须为SM4：本网关要求input加密');
    if (body.signtype !== 'SM2') refuse('signtype', '须为SM2');
    const sealed = body.input;
    if (typeof sealed !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(sealed)) refuse('input', '须为SM4加密后的Base64字符串');
    let plain: Buffer;
    try {
      plain = sm4Decrypt(Buffer.from(sealed as string, 'base64'), this.key);
    } catch {
      return refuse('input', ['无法用SM4解密（密钥为client id的16个字节，ECB，PKCS#7填充）', 'SM4解密失败，请检查加密密钥与填充']);
    }
    let input: unknown;
    try {
      input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
    } catch {
      return refuse('input', '解密后不是合法的JSON');
    }
    const cainfo = body.cainfo;
    if (typeof cainfo !== 'string' || cainfo === '') refuse('cainfo', '不能为空：加密报文须附SM2签名');
    const rs = Buffer.from(cainfo as string, 'base64');
    if (rs.length !== 64) refuse('cainfo', '须为Base64编码的64字节SM2签名（r‖s）');
    if (!sm2Verify(plain, rs, this.settings.clientPublicKey!, this.settings.sm2UserId ?? this.settings.clientId)) {
      refuse('cainfo', ['SM2签名验证失败：须为以client id为用户标识、SM3杂凑的input明文签名', '数字签名无效（SM2/SM3）']);
    }
    const opened: Record<string, unknown> = { ...body, input };
    delete opened.enc_type;
    return opened;
  }

  seal(response: SandboxResponse): SandboxResponse {
    if (!this.settings.encrypt || Buffer.isBuffer(response.body) || !isObject(response.body)) return response;
    const output = response.body.output;
    if (output === null || output === undefined) return response;
    const sealed = sm4Encrypt(Buffer.from(JSON.stringify(output), 'utf8'), this.key).toString('base64');
    return { ...response, body: { ...response.body, output: sealed } };
  }
}

function splitOnce(text: string): [string, string] {
  const at = text.indexOf(':');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}
