import { DatabaseSync } from 'node:sqlite';
import axios from 'axios';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { DEMO_OAUTH_CLIENT } from '../../../sandbox/platform/gateways';
import { sm4Decrypt } from '../../../sandbox/platform/gateways/sm';
import { buildEnvelope } from '../../../electron/settlement/nhsa/envelope';
import { csbHeaders } from '../../../electron/settlement/nhsa/gateways/csb';
import { oauthSmGateway } from '../../../electron/settlement/nhsa/gateways/oauthSm';
import { sm2SignBase64 } from '../../../electron/settlement/nhsa/gateways/smCrypto';
import { MsgIdGenerator } from '../../../electron/settlement/nhsa/msgid';
import { tifSigner } from '../../../electron/settlement/nhsa/signing';
import { startSandbox } from '../../../sandbox';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import { hospitalConfig, pharmacyConfig, startHarness, type Harness } from './harness';
import { EXTRA_PATHS, opensslSm2KeyPair, recordingHttp, withRegion } from './gatewaySupport';

const PLATFORM = '/fsi/api/rsfComIfsService/callService';
const employee = DEMO_PERSONS[0]!;
const msgids = new MsgIdGenerator(new DatabaseSync(':memory:'), hospitalConfig.institution.code, '98', () => new Date());

/** A 9001 of the test hospital: needs no sign-in, so a clean one passes the whole platform. */
const signIn = (at = new Date()) =>
  buildEnvelope(hospitalConfig, { infno: '9001', msgid: msgids.next(), input: { signIn: { opter_no: hospitalConfig.terminal.id, mac: '', ip: '127.0.0.1' } }, at });

async function post(h: Harness, body: unknown, headers: Record<string, string>, path = PLATFORM) {
  const response = await axios.post(`${h.sandbox.url}${path}`, body, { headers: { 'content-type': 'application/json', ...headers }, proxy: false, validateStatus: () => true });
  return { status: response.status, body: response.data as { infcode?: number; err_msg?: string; output?: unknown; error?: string; error_description?: string } };
}

describe('CSB gateway refusals (sandbox, seconds)', () => {
  let h: Harness;
  const settings: typeof hospitalConfig.region.csb = { ...hospitalConfig.region.csb, apiNames: { '9001': 'hsa.fsi.signIn' } };
  beforeAll(async () => (h = await startHarness(hospitalConfig, undefined, { gateway: { profile: 'csb', apiNames: settings.apiNames } })));
  afterAll(() => h.close());
  const headers = (over: Partial<typeof settings> = {}, secret = h.sandbox.secret, at = new Date()) =>
    csbHeaders({ ...settings, ...over }, h.sandbox.paasId, secret, { infno: '9001', at });

  it('lets a correctly signed request through', async () => {
    expect((await post(h, signIn(), headers())).body).toMatchObject({ infcode: 0 });
  });

  it.each([
    ['a wrong secret key', () => headers({}, 'not-the-secret'), '_api_signature'],
    ['another service name for the transaction', () => headers({ apiNames: {} }), '_api_name'],
    ['milliseconds where the gateway counts seconds', () => headers({ timestampUnit: 'ms' }), '_api_timestamp'],
    ['a timestamp outside the window', () => headers({}, undefined, new Date(Date.now() - 60_000)), '_api_timestamp'],
    ['another api version', () => headers({ apiVersion: '9.9' }), '_api_version'],
  ])('refuses %s, naming the header', async (_what, make, field) => {
    const { status, body } = await post(h, signIn(), make());
    expect(status).toBe(200);
    expect(body.infcode).toBe(-1);
    expect(body.err_msg).toContain(field);
  });
});

describe('oauth-sm gateway refusals and token renewal', () => {
  const keys = opensslSm2KeyPair();
  const region = { ...hospitalConfig.region, profile: 'oauth-sm' as const };
  let h: Harness;
  beforeAll(async () => (h = await startHarness(withRegion(hospitalConfig, region), undefined, { gateway: { profile: 'oauth-sm', clientPublicKey: keys.publicKeyHex } })));
  afterAll(() => h.close());

  const credentials = () => ({ paasId: h.sandbox.paasId, secret: JSON.stringify({ clientSecret: DEMO_OAUTH_CLIENT.clientSecret, password: h.sandbox.secret, sm2PrivateKey: keys.d }) });
  const sealer = oauthSmGateway(region.oauth, 'unused', { clientSecret: '', password: '', sm2PrivateKey: keys.d }, () => new Date());
  async function token(): Promise<string> {
    const basic = Buffer.from(`${DEMO_OAUTH_CLIENT.clientId}:${DEMO_OAUTH_CLIENT.clientSecret}`).toString('base64');
    const form = new URLSearchParams({ grant_type: 'password', username: h.sandbox.paasId, password: h.sandbox.secret, scope: 'server' }).toString();
    const answer = await axios.post(`${h.sandbox.url}${DEMO_OAUTH_CLIENT.tokenPath}`, form, { headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, proxy: false });
    return answer.data.access_token as string;
  }
  const bearer = async () => ({ authorization: `Bearer ${await token()}` });

  it('takes a sealed, signed request and answers with its output sealed', async () => {
    const { body } = await post(h, sealer.seal(signIn()), await bearer());
    expect(body.infcode).toBe(0);
    const output = JSON.parse(sm4Decrypt(Buffer.from(String(body.output), 'base64'), Buffer.from(DEMO_OAUTH_CLIENT.clientId)).toString('utf8'));
    expect(output).toHaveProperty('signinoutb.sign_no');
  });

  type Sealed = Record<string, unknown> & { plain: string };
  it.each<[string, (s: Sealed) => Sealed, string]>([
    ['a cainfo signed with another key', (s) => ({ ...s, cainfo: sm2SignBase64(String(s.plain), opensslSm2KeyPair().d, DEMO_OAUTH_CLIENT.clientId) }), 'cainfo'],
    ['a cainfo signed under the library default user id', (s) => ({ ...s, cainfo: sm2SignBase64(String(s.plain), keys.d, '1234567812345678') }), 'cainfo'],
    ['an input that is no SM4 ciphertext of the client id', (s) => ({ ...s, input: Buffer.alloc(48, 9).toString('base64') }), 'input'],
    ['an input sent in clear', (s) => ({ ...s, input: JSON.parse(String(s.plain)) }), 'input'],
  ])('refuses %s, naming the field', async (_what, tamper, field) => {
    const envelope = signIn();
    const sealed = { ...sealer.seal(envelope), plain: JSON.stringify(envelope.input) };
    const { plain: _plain, ...body } = tamper(sealed);
    const answer = await post(h, body, await bearer());
    expect(answer.body.infcode).toBe(-1);
    expect(answer.body.err_msg).toContain(field);
  });

  it('answers 401 for a missing or unknown token, naming the header', async () => {
    for (const headers of [{}, { authorization: 'Bearer 0123456789abcdef' }] as Record<string, string>[]) {
      const { status, body } = await post(h, sealer.seal(signIn()), headers);
      expect(status).toBe(401);
      expect(body.error_description).toContain('header Authorization');
    }
  });

  it('renews the token once on a 401 and sends the same settlement again under its msgid', async () => {
    const wire = recordingHttp();
    const engine = h.engine({ config: withRegion(pharmacyConfig, region), credentials: credentials(), http: wire.http });
    const id = await identifyByIdNumber(engine.ctx, { certno: employee.certno });
    if (!id.ok) throw new Error(id.error.code);
    const quote = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: 'YP0003', cnt: 1 }] });
    if (!quote.ok) throw new Error(quote.error.code);
    // Every token dies, as when the gateway restarts: the kiosk still thinks its own is good.
    await axios.delete(`${h.sandbox.url}/sandbox/admin/tokens`, { proxy: false });
    const tokensBefore = wire.sent.filter((r) => r.url.endsWith(DEMO_OAUTH_CLIENT.tokenPath)).length;
    const settled = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    const sends = wire.sent.filter((r) => (r.body as { infno?: string }).infno === '2102');
    expect(sends.map((r) => (r.body as { msgid: string }).msgid)).toEqual([settled.value.receipt.msgid, settled.value.receipt.msgid]);
    expect(wire.sent.filter((r) => r.url.endsWith(DEMO_OAUTH_CLIENT.tokenPath)).length).toBe(tokensBefore + 1);
    expect(await h.admin.settlements({ msgid: settled.value.receipt.msgid })).toHaveLength(1);
  });

  it('gives up as unreachable when the token endpoint refuses the client, sending nothing', async () => {
    const wire = recordingHttp();
    const wrong = { paasId: h.sandbox.paasId, secret: JSON.stringify({ clientSecret: 'wrong', password: h.sandbox.secret, sm2PrivateKey: keys.d }) };
    const engine = h.engine({ config: withRegion(pharmacyConfig, region), credentials: wrong, http: wire.http });
    expect(await identifyByIdNumber(engine.ctx, { certno: employee.certno })).toMatchObject({ ok: false, error: { code: 'PLATFORM_UNREACHABLE' } });
    expect(wire.sent.filter((r) => r.url.endsWith(PLATFORM))).toEqual([]);
  });
});

describe('oauth-sm: expired tokens', () => {
  const keys = opensslSm2KeyPair();
  let h: Harness;
  beforeAll(async () => (h = await startHarness(hospitalConfig, undefined, { gateway: { profile: 'oauth-sm', clientPublicKey: keys.publicKeyHex, tokenLifetimeSeconds: 1 } })));
  afterAll(() => h.close());

  it('answers 401 once the token has lived its lifetime, naming the header', async () => {
    const basic = Buffer.from(`${DEMO_OAUTH_CLIENT.clientId}:${DEMO_OAUTH_CLIENT.clientSecret}`).toString('base64');
    const form = new URLSearchParams({ grant_type: 'password', username: h.sandbox.paasId, password: h.sandbox.secret }).toString();
    const issued = await axios.post(`${h.sandbox.url}${DEMO_OAUTH_CLIENT.tokenPath}`, form, { headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, proxy: false });
    expect(issued.data).toMatchObject({ token_type: 'bearer', expires_in: 1 });
    const sealer = oauthSmGateway({ ...hospitalConfig.region.oauth }, 'unused', { clientSecret: '', password: '', sm2PrivateKey: keys.d }, () => new Date());
    const headers = { authorization: `Bearer ${issued.data.access_token as string}` };
    expect((await post(h, sealer.seal(signIn()), headers)).body).toMatchObject({ infcode: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await post(h, sealer.seal(signIn()), headers)).toMatchObject({
      status: 401,
      body: { error: 'invalid_token', error_description: expect.stringContaining('header Authorization') },
    });
  });
});

describe('oauth-sm: a second 401 is the end', () => {
  const keys = opensslSm2KeyPair();
  const region = { ...hospitalConfig.region, profile: 'oauth-sm' as const };
  let h: Harness;
  // Tokens that are dead when issued: every request is refused, however often renewed.
  beforeAll(async () => (h = await startHarness(withRegion(hospitalConfig, region), undefined, { gateway: { profile: 'oauth-sm', clientPublicKey: keys.publicKeyHex, tokenLifetimeSeconds: 0 } })));
  afterAll(() => h.close());

  it('renews once, then reports the platform unreachable (known not done)', async () => {
    const wire = recordingHttp();
    const secret = JSON.stringify({ clientSecret: DEMO_OAUTH_CLIENT.clientSecret, password: h.sandbox.secret, sm2PrivateKey: keys.d });
    const engine = h.engine({ config: withRegion(pharmacyConfig, region), credentials: { paasId: h.sandbox.paasId, secret }, http: wire.http });
    expect(await identifyByIdNumber(engine.ctx, { certno: employee.certno })).toMatchObject({ ok: false, error: { code: 'PLATFORM_UNREACHABLE' } });
    // 9001 first (sign-in), sent twice, each time with a new token; nothing after it.
    expect(wire.sent.map((r) => (r.url.endsWith(PLATFORM) ? (r.body as { infno: string }).infno : 'token'))).toEqual(['token', '9001', 'token', '9001']);
  });
});

describe('per-transaction paths (TIF gateway)', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(hospitalConfig, undefined, { gateway: { endpoint: 'per-transaction', paths: EXTRA_PATHS } })));
  afterAll(() => h.close());
  const headers = () => tifSigner({ paasId: h.sandbox.paasId, secret: h.sandbox.secret }, () => new Date()).headers();

  it('answers a transaction at its own path only, naming the path it should have used', async () => {
    expect((await post(h, signIn(), headers(), '/fsi/api/signInSignOutService/signIn')).body).toMatchObject({ infcode: 0 });
    const wrong = await post(h, signIn(), headers(), '/fsi/api/fsiPsnInfoService/queryPsnInfo');
    expect(wrong.body.infcode).toBe(-1);
    expect(wrong.body.err_msg).toContain('/fsi/api/signInSignOutService/signIn');
    expect((await post(h, signIn(), headers(), PLATFORM)).status).toBe(404);
  });
});

describe('sandbox gateway options', () => {
  it('refuses an encrypting oauth-sm gateway without the client key before opening anything', async () => {
    const quiet = { log: () => {}, parts: { face: false, his: false } };
    await expect(startSandbox({ ...quiet, gateway: { profile: 'oauth-sm' } })).rejects.toThrow(/clientPublicKey/);
    await expect(startSandbox({ ...quiet, gateway: { profile: 'oauth-sm', clientPublicKey: '04' + '11'.repeat(64) } })).rejects.toThrow(/not on the curve/);
    await expect(startSandbox({ ...quiet, gateway: { profile: 'oauth-sm', clientId: 'short', clientPublicKey: opensslSm2KeyPair().publicKeyHex } })).rejects.toThrow(/16 bytes/);
  });
});
