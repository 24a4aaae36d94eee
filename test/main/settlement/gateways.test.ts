import { sign } from 'node:crypto';
import { sm2, sm4 } from 'sm-crypto-v2';
import { checkTerminalConfig, SANDBOX_DEFAULTS, type TerminalConfig } from '../../../shared/config/terminalConfig';
import { wireAmount } from '../../../electron/settlement/nhsa/amounts';
import { buildEnvelope } from '../../../electron/settlement/nhsa/envelope';
import { csbHeaders, csbSignature } from '../../../electron/settlement/nhsa/gateways/csb';
import { transactionPath } from '../../../electron/settlement/nhsa/gateways/endpoints';
import { oauthSmGateway, parseOAuthSecrets } from '../../../electron/settlement/nhsa/gateways/oauthSm';
import { sm2PrivateKeyHex, sm2SignBase64, sm2VerifyBase64, sm4DecryptBase64, sm4EncryptBase64 } from '../../../electron/settlement/nhsa/gateways/smCrypto';
import { signerForRegion } from '../../../electron/settlement/nhsa/signing';
import { sm2Verify, sm2VerifyExplicit, sm2Z, sm2Point, sm4Decrypt, sm4Encrypt } from '../../../sandbox/platform/gateways/sm';
import { opensslSm2KeyPair } from './gatewaySupport';

const region = SANDBOX_DEFAULTS.region;
const CLIENT_ID = 'facesettle000001';

/** r‖s out of the DER OpenSSL writes. */
function rsOf(der: Buffer): Buffer {
  const rLength = der[3]!;
  const r = der.subarray(4, 4 + rLength);
  const s = der.subarray(6 + rLength, 6 + rLength + der[5 + rLength]!);
  const fixed = (b: Buffer) => Buffer.concat([Buffer.alloc(32), b]).subarray(-32);
  return Buffer.concat([fixed(r), fixed(s)]);
}

describe('CSB signing (client, fixed vectors)', () => {
  it('is Base64 HMAC-SHA1 of the four _api_ headers sorted by name, values as sent', () => {
    // Vectors computed with Python's hmac module, not with this code.
    const signed = { _api_name: 'hsa.fsi.2207', _api_version: '1.0.0', _api_access_key: 'ak-demo', _api_timestamp: '1700000000' };
    expect(csbSignature(signed, 'sk-demo')).toBe('R5RyvaikYxRDMI0laOvqfwdCa0U=');
  });

  it('names each transaction by the region map, its timestamp in the region unit', () => {
    const settings = { ...region.csb, apiVersion: '2.1', apiNames: { '2207': 'hsa.fsi.2207' }, timestampUnit: 'ms' as const };
    const at = new Date(1_700_000_000_999);
    const headers = csbHeaders(settings, 'ak-demo', 'sk-demo', { infno: '1101', at });
    expect(headers).toEqual({
      _api_name: 'fsi.callService',
      _api_version: '2.1',
      _api_access_key: 'ak-demo',
      _api_timestamp: '1700000000999',
      _api_signature: 'PP0EZbyE7XUWaxvTuyWJ0Ru7QQk=',
    });
    expect(csbHeaders(settings, 'ak-demo', 'sk-demo', { infno: '2207', at })._api_name).toBe('hsa.fsi.2207');
    expect(csbHeaders({ ...settings, timestampUnit: 's' }, 'ak', 'sk', { infno: '2207', at })._api_timestamp).toBe('1700000000');
  });
});

describe('SM crypto: the kiosk library against OpenSSL and the sandbox', () => {
  it('SM4 of the library meets the GB/T 32907 vector, and OpenSSL both ways with PKCS#7', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const block = sm4.encrypt(new Uint8Array(key), new Uint8Array(key), { mode: 'ecb', padding: 'none', output: 'array' });
    expect(Buffer.from(block).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');

    const clientKey = Buffer.from(CLIENT_ID);
    const json = JSON.stringify({ data: { psn_no: '42120000000000000001', medfee_sumamt: 52, name: '欧阳明' } });
    const sealed = sm4EncryptBase64(json, clientKey);
    expect(sm4Decrypt(Buffer.from(sealed, 'base64'), clientKey).toString('utf8')).toBe(json);
    expect(sm4DecryptBase64(sm4Encrypt(Buffer.from(json), clientKey).toString('base64'), clientKey)).toBe(json);
    expect(() => sm4DecryptBase64(Buffer.alloc(32, 7).toString('base64'), clientKey)).toThrow();
  });

  it('computes the same Z value (user id and key) as the sandbox', () => {
    const { publicKeyHex } = opensslSm2KeyPair();
    for (const id of [CLIENT_ID, '1234567812345678', '']) {
      expect(Buffer.from(sm2.getZ(publicKeyHex, id)).toString('hex')).toBe(sm2Z(id, sm2Point(publicKeyHex)).toString('hex'));
    }
  });

  it('signs what OpenSSL verifies and verifies what OpenSSL signs (empty id, the one OpenSSL uses)', () => {
    const { d, publicKeyHex, privateKey } = opensslSm2KeyPair();
    const message = '{"druginfo":{"medfee_sumamt":"52.00"}}';
    const byLibrary = Buffer.from(sm2SignBase64(message, d, ''), 'base64');
    expect(sm2Verify(Buffer.from(message), byLibrary, publicKeyHex, '')).toBe(true); // OpenSSL path
    const byOpenSsl = rsOf(sign('sm3', Buffer.from(message), privateKey));
    expect(sm2VerifyBase64(message, byOpenSsl.toString('base64'), publicKeyHex, '')).toBe(true);
    // The sandbox's own arithmetic agrees with OpenSSL before it is trusted with other ids.
    expect(sm2VerifyExplicit(Buffer.from(message), byOpenSsl, publicKeyHex, '')).toBe(true);
    expect(sm2VerifyExplicit(Buffer.from(`${message} `), byOpenSsl, publicKeyHex, '')).toBe(false);
  });

  it('signs with the client id as user id, which the sandbox verifies and no other id does', () => {
    const { d, publicKeyHex } = opensslSm2KeyPair();
    const message = '{"data":{"psn_no":"1"}}';
    const rs = Buffer.from(sm2SignBase64(message, d, CLIENT_ID), 'base64');
    expect(rs).toHaveLength(64);
    expect(sm2Verify(Buffer.from(message), rs, publicKeyHex, CLIENT_ID)).toBe(true);
    expect(sm2Verify(Buffer.from(message), rs, publicKeyHex, '1234567812345678')).toBe(false);
    expect(sm2Verify(Buffer.from(message), rs, publicKeyHex, '')).toBe(false);
  });

  it('reads a private key as hex or as Base64 of its 32 bytes', () => {
    const { d } = opensslSm2KeyPair();
    expect(sm2PrivateKeyHex(Buffer.from(d, 'hex').toString('base64'))).toBe(d);
    expect(sm2PrivateKeyHex(d.toUpperCase())).toBe(d);
    expect(() => sm2PrivateKeyHex('not a key')).toThrow(/64 hex digits/);
  });
});

describe('oauth-sm envelope (client)', () => {
  const { d, publicKeyHex } = opensslSm2KeyPair();
  const settings = { ...region.oauth, clientId: CLIENT_ID };
  const envelope = buildEnvelope(SANDBOX_DEFAULTS, { infno: '1101', msgid: 'H42120200001202603011003040100', input: { data: { psn_no: '1', amt: 4.52 } }, at: new Date() });

  it('seals input with SM4 (client id key) and signs the same JSON with SM2 (client id as user id)', () => {
    const gateway = oauthSmGateway(settings, 'user', { clientSecret: 'cs', password: 'pw', sm2PrivateKey: d }, () => new Date());
    const sealed = gateway.seal(envelope);
    expect(sealed).toMatchObject({ signtype: 'SM2', enc_type: 'SM4', infno: '1101', msgid: envelope.msgid });
    const plain = sm4Decrypt(Buffer.from(String(sealed.input), 'base64'), Buffer.from(CLIENT_ID));
    expect(plain.toString('utf8')).toBe(JSON.stringify(envelope.input));
    expect(sm2Verify(plain, Buffer.from(String(sealed.cainfo), 'base64'), publicKeyHex, CLIENT_ID)).toBe(true);
    const output = { setlinfo: { setl_id: 'S1', medfee_sumamt: 52 } };
    expect(gateway.openOutput(sm4Encrypt(Buffer.from(JSON.stringify(output)), Buffer.from(CLIENT_ID)).toString('base64'))).toEqual(output);
    expect(gateway.openOutput(output)).toEqual(output);
    expect(() => gateway.openOutput('bm90IFNNNA==')).toThrow(/decrypted/);
  });

  it('passes the envelope in clear when the region does not encrypt', () => {
    const gateway = oauthSmGateway({ ...settings, encrypt: false }, 'user', { clientSecret: 'cs', password: 'pw' }, () => new Date());
    expect(gateway.seal(envelope)).toEqual(envelope);
  });

  it('reads its secrets from the one stored string, naming what is missing', () => {
    const stored = JSON.stringify({ clientSecret: 'cs', password: 'pw', sm2PrivateKey: d });
    expect(parseOAuthSecrets(stored)).toEqual({ clientSecret: 'cs', password: 'pw', sm2PrivateKey: d });
    expect(() => parseOAuthSecrets('plain-secret')).toThrow(/must be JSON/);
    expect(() => parseOAuthSecrets('{"clientSecret":"cs"}')).toThrow(/"password"/);
    const oauthRegion: TerminalConfig['region'] = { ...region, profile: 'oauth-sm', oauth: settings };
    expect(() => signerForRegion(oauthRegion, { paasId: 'u', secret: '{"clientSecret":"cs","password":"pw"}' }, () => new Date())).toThrow(/sm2PrivateKey/);
    expect(signerForRegion(oauthRegion, { paasId: 'u', secret: stored }, () => new Date()).profile).toBe('oauth-sm');
  });
});

describe('region configuration', () => {
  const problems = (partialRegion: Record<string, unknown>) => {
    const check = checkTerminalConfig({ region: partialRegion });
    return check.ok ? [] : check.problems;
  };

  it('fills a partial profile section from its defaults', () => {
    const check = checkTerminalConfig({ region: { profile: 'csb', csb: { apiNames: { '2207': 'x.settle' } } } });
    expect(check.ok && check.config.region.csb).toEqual({ apiVersion: '1.0.0', apiName: 'fsi.callService', apiNames: { '2207': 'x.settle' }, timestampUnit: 's' });
  });

  it('refuses an SM4 client id that is not 16 bytes, and per-transaction paths the Hebei list lacks', () => {
    expect(problems({ profile: 'oauth-sm', oauth: { clientId: 'short' } })).toEqual([expect.stringMatching(/^region\.oauth\.clientId: must be exactly 16 bytes/)]);
    expect(problems({ profile: 'oauth-sm', oauth: { clientId: 'short', encrypt: false } })).toEqual([]);
    const [missing] = problems({ endpoint: { style: 'per-transaction' } });
    expect(missing).toMatch(/^region\.endpoint\.paths: needs a path for 9002, 2101, 2102, 2103, 5201 /);
    const paths = { '9002': '/a/signOut', '2101': '/a/pre', '2102': '/a/settle', '2103': '/a/cancel', '5201': '/a/visits' };
    expect(problems({ endpoint: { style: 'per-transaction', paths } })).toEqual([]);
    expect(problems({ profile: 'hmac' })).toEqual([expect.stringMatching(/^region\.profile:/)]);
  });

  it('posts to one path, or to the transaction own path (the region list over Hebei)', () => {
    expect(transactionPath(region.endpoint, '2207')).toBe('/fsi/api/rsfComIfsService/callService');
    const perTx = { ...region.endpoint, style: 'per-transaction' as const, paths: { '2102': '/a/settle', '2207': '/b/settle' } };
    expect(transactionPath(perTx, '1101')).toBe('/fsi/api/fsiPsnInfoService/queryPsnInfo');
    expect(transactionPath(perTx, '2207')).toBe('/b/settle');
    expect(transactionPath(perTx, '2102')).toBe('/a/settle');
    expect(transactionPath(perTx, '2103')).toBeUndefined();
  });

  it('picks recer_sys_code by the insutype of a person transaction, the default elsewhere', () => {
    const at = new Date();
    const msgid = 'H42120200001202603011003040100';
    const code = (infno: string, input: Record<string, unknown>) => buildEnvelope(SANDBOX_DEFAULTS, { infno, msgid, input, at }).recer_sys_code;
    expect(code('2207', { data: { insutype: '340' } })).toBe('LXXT');
    expect(code('2401', { mdtrtinfo: { insutype: '340' } })).toBe('LXXT');
    expect(code('2102', { druginfo: { insutype: '340' } })).toBe('LXXT');
    expect(code('2207', { data: { insutype: '310' } })).toBe('YBXT');
    expect(code('3201', { data: { insutype: '340' } })).toBe('YBXT');
    expect(code('1101', { data: {} })).toBe('YBXT');
  });

  it('writes money from integer fen as a two-decimal number or string', () => {
    expect([wireAmount(452, 'number'), wireAmount(452, 'string')]).toEqual([4.52, '4.52']);
    expect(JSON.stringify({ a: wireAmount(-2510, 'number'), b: wireAmount(0, 'number'), c: wireAmount(10, 'number') })).toBe('{"a":-25.1,"b":0,"c":0.1}');
    // 0.1 + 0.2 as floats is 0.30000000000000004; from fen it is 0.3.
    expect(JSON.stringify(wireAmount(10 + 20, 'number'))).toBe('0.3');
    expect(wireAmount(123_456_789_01, 'number')).toBe(123456789.01);
  });
});
