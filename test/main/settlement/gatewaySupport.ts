import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import axios, { type AxiosInstance } from 'axios';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import type { RunningSandbox } from '../../../sandbox';
import { DEMO_OAUTH_CLIENT, type SandboxGatewayOptions } from '../../../sandbox/platform/gateways';
import { sm4Decrypt } from '../../../sandbox/platform/gateways/sm';
import type { GatewayCredentials } from '../../../electron/settlement/nhsa/signing';

/** A key pair made by Node's OpenSSL: d for the kiosk's library, the point for the sandbox. */
export function opensslSm2KeyPair() {
  const pair = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  const pkcs8 = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  const at = pkcs8.indexOf(Buffer.from('0420', 'hex'), 20);
  const spki = pair.publicKey.export({ format: 'der', type: 'spki' });
  // Re-imported from PEM, Node's OpenSSL types the key SM2 and signs SM2 (not ECDSA on the curve).
  const privateKey = createPrivateKey(pair.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  return { d: pkcs8.subarray(at + 2, at + 34).toString('hex'), publicKeyHex: spki.subarray(spki.length - 65).toString('hex'), privateKey };
}

/** Paths for the transactions the Hebei list lacks: a region in that layout names its own. */
export const EXTRA_PATHS: Record<string, string> = {
  '9002': '/fsi/api/signInSignOutService/signOut',
  '2101': '/fsi/api/pharmacyService/preSettle',
  '2102': '/fsi/api/pharmacyService/settle',
  '2103': '/fsi/api/pharmacyService/cancelSettle',
  '5201': '/fsi/api/fsiIntegratedQueryService/queryMdtrtInfo',
};

/** What a settling request (2102, 2207) looked like on the wire. */
export interface WireFacts {
  path: string;
  apiName: string | null;
  bearer: boolean;
  encType: string | null;
  /** typeof of every money field the kiosk wrote into the inputs it sent. */
  money: string[];
}

/** One gateway profile as both sides are configured for it: the kiosk's region, the sandbox's door. */
export interface ProfileCase {
  name: string;
  region: Partial<TerminalConfig['region']>;
  sandbox: SandboxGatewayOptions;
  credentials(sandbox: RunningSandbox): GatewayCredentials;
  expected: Record<'2102' | '2207', WireFacts>;
}

const plain = (sandbox: RunningSandbox): GatewayCredentials => ({ paasId: sandbox.paasId, secret: sandbox.secret });

export function profileCases(): ProfileCase[] {
  const keys = opensslSm2KeyPair();
  const apiNames = { '2102': 'hsa.fsi.drugSettle', '2207': 'hsa.fsi.outpatientSettle' };
  const single = '/fsi/api/rsfComIfsService/callService';
  const facts = (path: string, extra: Partial<WireFacts>, money: string): WireFacts => ({ path, apiName: null, bearer: false, encType: null, money: [money], ...extra });
  return [
    {
      name: 'tif, one endpoint, amounts as numbers',
      region: { amounts: 'number' },
      sandbox: {},
      credentials: plain,
      expected: { '2102': facts(single, {}, 'number'), '2207': facts(single, {}, 'number') },
    },
    {
      name: 'csb (ms timestamps, named services), per-transaction paths, amounts as strings',
      region: {
        profile: 'csb',
        amounts: 'string',
        csb: { apiVersion: '1.0.0', apiName: 'fsi.callService', apiNames, timestampUnit: 'ms' },
        endpoint: { style: 'per-transaction', path: '/unused', paths: EXTRA_PATHS },
      },
      sandbox: { profile: 'csb', apiNames, timestampUnit: 'ms', endpoint: 'per-transaction', paths: EXTRA_PATHS },
      credentials: plain,
      expected: {
        '2102': facts(EXTRA_PATHS['2102']!, { apiName: apiNames['2102'] }, 'string'),
        '2207': facts('/fsi/api/outpatientSettleService/saveSettletmentV2', { apiName: apiNames['2207'] }, 'string'),
      },
    },
    {
      name: 'oauth-sm with SM2/SM4, one endpoint, amounts as numbers',
      region: { profile: 'oauth-sm', amounts: 'number' },
      sandbox: { profile: 'oauth-sm', clientPublicKey: keys.publicKeyHex },
      credentials: (sandbox) => ({
        paasId: sandbox.paasId,
        secret: JSON.stringify({ clientSecret: DEMO_OAUTH_CLIENT.clientSecret, password: sandbox.secret, sm2PrivateKey: keys.d }),
      }),
      expected: {
        '2102': facts(single, { bearer: true, encType: 'SM4' }, 'number'),
        '2207': facts(single, { bearer: true, encType: 'SM4' }, 'number'),
      },
    },
  ];
}

export const withRegion = (config: TerminalConfig, region: Partial<TerminalConfig['region']>): TerminalConfig => ({
  ...config,
  region: { ...config.region, ...region },
});

export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** The engine's own HTTP, recording what it sends: the wire is what these tests are about. */
export function recordingHttp(): { http: AxiosInstance; sent: SentRequest[] } {
  const http = axios.create();
  const sent: SentRequest[] = [];
  http.interceptors.request.use((request) => {
    const body = typeof request.data === 'string' && request.data.startsWith('{') ? JSON.parse(request.data) : request.data;
    sent.push({ url: request.url ?? '', headers: { ...(request.headers as Record<string, string>) }, body });
    return request;
  });
  return { http, sent };
}

/** The money fields the kiosk writes from fen, wherever they sit in an input. */
const MONEY = new Set(['medfee_sumamt', 'det_item_fee_sumamt', 'fulamt_ownpay_amt', 'overlmt_selfpay', 'preselfpay_amt', 'inscp_scp_amt']);

/** A sent input in clear: an SM4-sealed one is opened with the sandbox's own SM4 (OpenSSL). */
export function inputOf(request: SentRequest): unknown {
  const input = (request.body as { input?: unknown }).input;
  if (typeof input !== 'string') return input;
  return JSON.parse(sm4Decrypt(Buffer.from(input, 'base64'), Buffer.from(DEMO_OAUTH_CLIENT.clientId)).toString('utf8'));
}

/** The facts of the settling request `infno` among what an engine sent, its money over all it sent. */
export function wireFacts(sent: SentRequest[], infno: '2102' | '2207', base: string): WireFacts {
  const body = (r: SentRequest) => r.body as Record<string, unknown>;
  const settling = sent.find((r) => body(r).infno === infno);
  if (!settling) throw new Error(`no ${infno} was sent`);
  const money = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (MONEY.has(key)) money.add(typeof inner);
        visit(inner);
      }
    }
  };
  sent.filter((r) => body(r).infno).forEach((r) => visit(inputOf(r)));
  return {
    path: settling.url.slice(base.length),
    apiName: settling.headers._api_name ?? null,
    bearer: /^Bearer \S+$/.test(settling.headers.authorization ?? ''),
    encType: typeof body(settling).enc_type === 'string' ? (body(settling).enc_type as string) : null,
    money: [...money],
  };
}
