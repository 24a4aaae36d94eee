import { randomUUID } from 'node:crypto';
import type { FaceAuthAnswer, FaceIdentityService, QrAnswer, SecondFactorWhy, VoucherHolder } from './faceIdentity';

/**
 * The e-voucher middle platform's wrapper over HTTP (`{orgId, transType, data}` in,
 * `{code, message, data}` out with `data` a JSON string), as the sandbox serves it at
 * `/localcfc/api/hsecfc/localQrCodeQuery`. The face photo travels once and is not kept here.
 */
export interface EvoucherChannelOptions {
  baseUrl: string;
  orgId: string;
  operatorId: string;
  operatorName: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  path?: string;
}

/** The channel's answer, its `data` (a JSON string on the wire) parsed. */
export interface EcAnswer {
  code: number;
  message: string;
  data: Record<string, unknown>;
}

/** null: the call got no answer (down, timed out, not JSON). */
export type EvoucherCall = (transType: string, data: Record<string, unknown>) => Promise<EcAnswer | null>;

/** A field the channel answered, as text only where it is non-empty text. */
export const channelText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Who asks, as every call of this terminal names it. */
export const channelOperator = (options: EvoucherChannelOptions) => ({ operatorId: options.operatorId, operatorName: options.operatorName, deviceType: 'SelfService' });

/** The one endpoint every transType goes through: identification here, the family list (settlement/familyChannel.ts). */
export function evoucherCall(options: EvoucherChannelOptions): EvoucherCall {
  const doFetch = options.fetch ?? fetch;
  const url = new URL(options.path ?? '/localcfc/api/hsecfc/localQrCodeQuery', options.baseUrl).toString();
  return async (transType, data) => {
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orgId: options.orgId, transType, data, extra: null }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      const body = (await response.json()) as { code?: unknown; message?: unknown; data?: unknown };
      const parsed = typeof body.data === 'string' && body.data ? (JSON.parse(body.data) as Record<string, unknown>) : {};
      return { code: Number(body.code), message: String(body.message ?? ''), data: parsed };
    } catch {
      return null;
    }
  };
}

const RETRY_REASONS: Record<number, 'no-face' | 'several-faces' | 'bad-image' | 'expired'> = {
  2001: 'bad-image',
  2002: 'no-face',
  2003: 'several-faces',
  2007: 'expired',
  2009: 'expired',
};

export function evoucherChannel(options: EvoucherChannelOptions): FaceIdentityService {
  const call = evoucherCall(options);
  const operator = channelOperator(options);

  async function check(authNo: string, businessType: string, last4?: string): Promise<FaceAuthAnswer> {
    const answer = await call('cn.nhsa.auth.check', { authNo, businessType, ...operator, ...(last4 ? { idNoLast4: last4 } : {}) });
    return toFaceAnswer(answer, authNo);
  }

  return {
    async authenticate(photoBase64, businessType, context) {
      // Sandbox extensions: how liveness was shown and the cap; the channel asks for the digits.
      const knowledge = { liveness: context.liveness, ...(context.aboveCap ? { knowledgeCheck: 'amount' } : {}) };
      const answer = await call('cn.nhsa.ec.auth', { outBizNo: randomUUID(), businessType, faceImage: photoBase64, ...operator, ...knowledge });
      if (answer?.code === 0 && typeof answer.data.authNo === 'string') return check(answer.data.authNo, businessType);
      return toFaceAnswer(answer, '');
    },
    secondFactor: (authNo, last4, businessType) => check(authNo, businessType, last4),
    async decodeQr(payload, businessType): Promise<QrAnswer> {
      const answer = await call('ec.query', { ecQrCode: payload, businessType, ...operator });
      if (!answer || answer.code === 9001) return { status: 'unavailable' };
      if (answer.code === 0 && typeof answer.data.ecToken === 'string') return { status: 'identified', ecToken: answer.data.ecToken, holder: holderOf(answer.data) };
      return answer.code === 3002 ? { status: 'qr-expired' } : { status: 'qr-invalid' };
    },
  };
}

/** The identity fields the channel answered, only those that are non-empty text. */
function holderOf(data: Record<string, unknown>): VoucherHolder {
  const [idType, idNo, userName] = [channelText(data.idType), channelText(data.idNo), channelText(data.userName)];
  return { ...(idType ? { idType } : {}), ...(idNo ? { idNo } : {}), ...(userName ? { userName } : {}) };
}

function toFaceAnswer(answer: EcAnswer | null, authNo: string): FaceAuthAnswer {
  if (!answer || answer.code === 9001) return { status: 'unavailable' };
  const attemptsLeft = Number(answer.data.attemptsLeft ?? 0);
  if (answer.code === 0 && typeof answer.data.ecToken === 'string') return { status: 'identified', ecToken: answer.data.ecToken, holder: holderOf(answer.data) };
  if (answer.code === 2005) return { status: 'second-factor', authNo: String(answer.data.authNo ?? authNo), attemptsLeft, ...whyOf(answer.data.why) };
  if (answer.code === 2006) return { status: 'wrong-digits', authNo, attemptsLeft };
  if (answer.code === 2008) return { status: 'digits-locked' };
  const reason = RETRY_REASONS[answer.code];
  if (reason) return { status: 'retry', reason };
  // 2004 no match, 4001 unknown person, anything else unexpected.
  return { status: 'not-found' };
}

const WHYS: readonly SecondFactorWhy[] = ['no-motion', 'amount', 'look-alike'];
const whyOf = (value: unknown): { why?: SecondFactorWhy } => {
  const why = WHYS.find((w) => w === value);
  return why ? { why } : {};
};
