import { maskId } from '../../shared/mask';
import type { SandboxPartDeps } from '../parts';
import type { AuthStore } from './auths';
import type { FaceServiceConfig } from './config';
import type { FaceEngine } from './engine';
import { identityData } from './identity';
import { FAMILY_TRANS_TYPE, familyAnswer } from './family';
import { decideMatch, type PersonScore } from './matcher';
import {
  answer,
  authCheckSchema,
  describeIssue,
  decodeBase64Image,
  EcCode,
  ecAuthSchema,
  ecQuerySchema,
  envelopeSchema,
  type EcAnswer,
} from './protocol';
import type { QrCodes } from './qr';
import type { TemplateStore } from './store';
import type { TokenIssuer } from './tokens';

type SecondFactorWhy = 'no-motion' | 'amount' | 'look-alike';
const SECOND_FACTOR_MESSAGES: Record<SecondFactorWhy, string> = {
  'look-alike': 'match not clear',
  'no-motion': 'no liveness gesture shown',
  amount: 'amount above the knowledge-check cap',
};

export interface EcServiceDeps extends SandboxPartDeps {
  config: FaceServiceConfig;
  engine: FaceEngine;
  /** Resolves once Human is loaded and the demo persons are enrolled; rejects if it cannot run. */
  ready: () => Promise<void>;
  templates: TemplateStore;
  auths: AuthStore;
  tokens: TokenIssuer;
  qr: QrCodes;
}

/**
 * The three e-voucher calls. The request's photo and descriptor live only in this call's
 * locals; what is kept is the decision (who, or which candidates) under an authNo.
 */
export function createEcService(deps: EcServiceDeps) {
  const { config, clock } = deps;

  async function handle(body: unknown): Promise<{ answer: EcAnswer; transType: string }> {
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) {
      const orgId = typeof (body as { orgId?: unknown })?.orgId === 'string' ? (body as { orgId: string }).orgId : '';
      return { answer: answer(orgId, EcCode.INVALID_REQUEST, describeIssue(envelope.error)), transType: '-' };
    }
    const { orgId, transType, data } = envelope.data;
    switch (transType) {
      case 'cn.nhsa.ec.auth':
        return { answer: await ecAuth(orgId, data), transType };
      case 'cn.nhsa.auth.check':
        return { answer: authCheck(orgId, data), transType };
      case 'ec.query':
        return { answer: ecQuery(orgId, data), transType };
      case FAMILY_TRANS_TYPE:
        return { answer: familyAnswer(deps, orgId, data), transType };
      default:
        return { answer: answer(orgId, EcCode.UNKNOWN_TRANS_TYPE, `transType: unknown "${transType.slice(0, 64)}"`), transType: '?' };
    }
  }

  async function ecAuth(orgId: string, data: unknown): Promise<EcAnswer> {
    const input = ecAuthSchema.safeParse(data);
    if (!input.success) return answer(orgId, EcCode.INVALID_REQUEST, describeIssue(input.error));
    const { outBizNo } = input.data;
    if (deps.auths.outBizNoTaken(orgId, outBizNo)) {
      return answer(orgId, EcCode.DUPLICATE_OUT_BIZ_NO, 'outBizNo: already used for this orgId');
    }
    const jpeg = decodeBase64Image(input.data.faceImage);
    if (!jpeg) return answer(orgId, EcCode.BAD_IMAGE, 'faceImage: not base64');
    try {
      await deps.ready();
    } catch {
      return answer(orgId, EcCode.SERVICE_UNAVAILABLE, 'face service unavailable: face models did not load');
    }
    const reading = await deps.engine.readJpeg(jpeg);
    switch (reading.kind) {
      case 'bad-image':
        return answer(orgId, EcCode.BAD_IMAGE, `faceImage: ${reading.reason}`);
      case 'no-face':
        return answer(orgId, EcCode.NO_FACE, 'no face found in the photo');
      case 'several-faces':
        return answer(orgId, EcCode.SEVERAL_FACES, `${reading.count} faces in the photo; exactly one is needed`);
    }
    const decision = decideMatch(scorePersons(reading.descriptor), config);
    const expiresAt = clock().getTime() + config.authTtlSeconds * 1000;
    if (decision.kind === 'none') {
      deps.log(`face ec.auth no-match best=${decision.best.toFixed(2)}`);
      return answer(orgId, EcCode.NO_MATCH, 'no enrolled person matches this face');
    }
    const duplicate = () => answer(orgId, EcCode.DUPLICATE_OUT_BIZ_NO, 'outBizNo: already used for this orgId');
    const knowledge = knowledgeCheckWhy(decision.kind, input.data);
    if (decision.kind === 'clear' && knowledge === null) {
      const authNo = deps.auths.create({ orgId, outBizNo, state: 'matched', psnNo: decision.psnNo, candidates: [], expiresAt });
      if (!authNo) return duplicate();
      deps.log(`face ec.auth matched psn=${maskId(decision.psnNo)} similarity=${decision.similarity.toFixed(2)}`);
      return answer(orgId, EcCode.OK, 'ok', { authNo, outBizNo, extData: {} });
    }
    // A clear match without a gesture (or above the cap) has one candidate: only its digits confirm it.
    const candidates = decision.kind === 'clear' ? [decision.psnNo] : decision.candidates;
    const best = decision.kind === 'clear' ? decision.similarity : decision.best;
    const why = knowledge ?? 'look-alike';
    const authNo = deps.auths.create({ orgId, outBizNo, state: 'second-factor', psnNo: null, candidates, expiresAt });
    if (!authNo) return duplicate();
    deps.log(`face ec.auth second-factor why=${why} candidates=${candidates.length} best=${best.toFixed(2)}`);
    return answer(orgId, EcCode.SECOND_FACTOR_REQUIRED, `${SECOND_FACTOR_MESSAGES[why]}: give the last 4 characters of the ID number`, {
      authNo,
      outBizNo,
      secondFactor: 'idNoLast4',
      why,
      attemptsLeft: config.maxSecondFactorAttempts,
    });
  }

  /**
   * Why a match needs the knowledge check besides look-alikes: look-alikes first (the digits
   * settle who it is), then no gesture (a photo or a replayed clip could be at the camera), then
   * the amount. null: a clear match with a gesture under the cap, answered without digits.
   */
  function knowledgeCheckWhy(kind: 'clear' | 'unclear', data: { liveness?: 'motion' | 'none'; knowledgeCheck?: 'amount' }): SecondFactorWhy | null {
    if (kind !== 'clear') return 'look-alike';
    if (data.liveness !== 'motion') return 'no-motion';
    return data.knowledgeCheck === 'amount' ? 'amount' : null;
  }

  /** Each enrolled person's best template; persons no longer in the directory are skipped. */
  function scorePersons(descriptor: number[]): PersonScore[] {
    const best = new Map<string, number>();
    for (const template of deps.templates.all()) {
      if (!deps.persons.byPsnNo(template.psnNo)) continue;
      const similarity = deps.engine.similarity(descriptor, template.descriptor);
      best.set(template.psnNo, Math.max(best.get(template.psnNo) ?? 0, similarity));
    }
    return [...best].map(([psnNo, similarity]) => ({ psnNo, similarity }));
  }

  function authCheck(orgId: string, data: unknown): EcAnswer {
    const input = authCheckSchema.safeParse(data);
    if (!input.success) return answer(orgId, EcCode.INVALID_REQUEST, describeIssue(input.error));
    const { authNo, idNoLast4 } = input.data;
    const auth = deps.auths.get(authNo);
    if (!auth || auth.orgId !== orgId || auth.state === 'used') {
      return answer(orgId, EcCode.AUTH_UNKNOWN_OR_USED, 'authNo: unknown, of another orgId, or already used');
    }
    if (auth.state === 'burnt') return answer(orgId, EcCode.SECOND_FACTOR_LOCKED, 'authNo: too many wrong second factors');
    if (clock().getTime() >= auth.expiresAt) return answer(orgId, EcCode.AUTH_EXPIRED, 'authNo: expired, authenticate again');

    let psnNo = auth.psnNo;
    if (auth.state === 'second-factor') {
      if (!idNoLast4) {
        return answer(orgId, EcCode.SECOND_FACTOR_REQUIRED, 'idNoLast4: required for this authentication', {
          authNo,
          secondFactor: 'idNoLast4',
          attemptsLeft: config.maxSecondFactorAttempts - auth.attempts,
        });
      }
      const wanted = idNoLast4.toUpperCase();
      const hits = auth.candidates.filter((candidate) => deps.persons.byPsnNo(candidate)?.certno.toUpperCase().endsWith(wanted));
      if (hits.length !== 1) {
        const attempts = deps.auths.recordWrongAttempt(authNo);
        if (attempts >= config.maxSecondFactorAttempts) {
          deps.auths.transition(authNo, 'second-factor', 'burnt');
          return answer(orgId, EcCode.SECOND_FACTOR_LOCKED, 'idNoLast4: wrong too many times, authenticate again');
        }
        return answer(orgId, EcCode.SECOND_FACTOR_WRONG, 'idNoLast4: does not confirm the match', {
          authNo,
          attemptsLeft: config.maxSecondFactorAttempts - attempts,
        });
      }
      psnNo = hits[0]!;
    }
    const person = psnNo ? deps.persons.byPsnNo(psnNo) : undefined;
    if (!person) return answer(orgId, EcCode.UNKNOWN_PERSON, 'the matched person is no longer known');
    if (!deps.auths.transition(authNo, auth.state, 'used', person.psnNo)) {
      return answer(orgId, EcCode.AUTH_UNKNOWN_OR_USED, 'authNo: already used');
    }
    const { token } = deps.tokens.issue(person.psnNo, 'face');
    deps.log(`face auth.check token issued psn=${maskId(person.psnNo)}`);
    return answer(orgId, EcCode.OK, 'ok', identityData(person, token, { authNo }));
  }

  function ecQuery(orgId: string, data: unknown): EcAnswer {
    const input = ecQuerySchema.safeParse(data);
    if (!input.success) return answer(orgId, EcCode.INVALID_REQUEST, describeIssue(input.error));
    const redeemed = deps.qr.redeem(input.data.ecQrCode);
    if (!redeemed.ok) {
      return redeemed.reason === 'expired'
        ? answer(orgId, EcCode.QR_EXPIRED, 'ecQrCode: expired, show a fresh code')
        : answer(orgId, EcCode.QR_UNKNOWN_OR_USED, 'ecQrCode: unknown or already used');
    }
    const person = deps.persons.byPsnNo(redeemed.psnNo);
    if (!person) return answer(orgId, EcCode.UNKNOWN_PERSON, 'the QR code belongs to no known person');
    const { token } = deps.tokens.issue(person.psnNo, 'qr');
    deps.log(`face ec.query token issued psn=${maskId(person.psnNo)}`);
    return answer(orgId, EcCode.OK, 'ok', identityData(person, token, { ecQrCode: input.data.ecQrCode }));
  }

  return { handle };
}
