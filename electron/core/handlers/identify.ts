import type { FaceIdentification, KioskHandlers } from '../../../shared/ipc/contract';
import { KioskError } from '../../../shared/result';
import type { FaceAuthAnswer, VoucherHolder } from '../../face/faceIdentity';
import { BUSINESS_TYPE } from '../../face/faceIdentity';
import type { CoreDeps } from './deps';
import { unwrap } from './outcome';
import { identifyByVoucherInput } from '../../../shared/ipc/settlementRequests';

type IdentifyHandlers = Pick<
  KioskHandlers,
  'identifyByFace' | 'confirmSecondFactor' | 'identifyByQr' | 'identifyByCard' | 'identifyByIdNumber' | 'endSession'
>;

/**
 * The token and what the channel said about its holder, as identifyByVoucher takes them. A field
 * the channel worded unusually is left out, not allowed to stop the identification: 1101 only
 * adds it when it has it.
 */
function voucher(ecToken: string, holder: VoucherHolder) {
  const { certType, certno, psnName } = identifyByVoucherInput.shape;
  const valid = (schema: { safeParse(v: unknown): { success: boolean } }, key: string, value: string | undefined) =>
    value !== undefined && schema.safeParse(value).success ? { [key]: value } : {};
  return { ecToken, ...valid(certType, 'certType', holder.idType), ...valid(certno, 'certno', holder.idNo), ...valid(psnName, 'psnName', holder.userName) };
}

const faceServiceDown = () =>
  new KioskError('FACE_SERVICE_UNAVAILABLE', '刷脸识别暂时用不了，请改用医保码、社保卡，或请工作人员帮忙。', { next: 'other-id' });

/**
 * Every way in ends the same: an identity the platform confirmed (1101), held in main behind
 * an opaque personRef. The face photo goes to the face service and nowhere else; this code
 * neither logs nor keeps it.
 */
export function identifyHandlers(deps: CoreDeps): IdentifyHandlers {
  const businessType = BUSINESS_TYPE[deps.config.terminal.mode];

  /** `digits`: the answer came through the knowledge check, so the session remembers the digits were given (cap.ts). */
  async function settle(answer: FaceAuthAnswer, digits = false): Promise<FaceIdentification> {
    switch (answer.status) {
      case 'identified': {
        const input = { ...voucher(answer.ecToken, answer.holder), ...(digits ? { digitsAtIdentification: true } : {}) };
        return { status: 'identified', person: unwrap(await deps.settlement.identifyByVoucher(input)) };
      }
      case 'unavailable':
        throw faceServiceDown();
      default:
        return answer;
    }
  }

  return {
    // No gesture shown (or the page did not say), or an amount known before identification (the
    // pharmacy cart) above the region's password-free cap per transaction: the channel asks for
    // the last four ID digits. The amount is the page's; the cap at payment checks the platform's quote.
    identifyByFace: async ({ photo, liveness, amountFen }) => {
      const cap = deps.config.region.passwordFreeCap;
      const aboveCap = !!cap && amountFen !== undefined && amountFen > cap.perTransactionFen;
      return settle(await deps.face.authenticate(photo, businessType, { liveness: liveness ?? 'none', aboveCap }));
    },
    // Identified only if the service found the digits right: the session keeps that they were given.
    confirmSecondFactor: async ({ authNo, last4 }) => settle(await deps.face.secondFactor(authNo, last4, businessType), true),
    identifyByQr: async ({ payload }) => {
      const answer = await deps.face.decodeQr(payload, businessType);
      if (answer.status === 'unavailable') throw faceServiceDown();
      if (answer.status !== 'identified') return answer;
      return { status: 'identified', person: unwrap(await deps.settlement.identifyByVoucher(voucher(answer.ecToken, answer.holder))) };
    },
    identifyByCard: async (request) => unwrap(await deps.settlement.identifyByCard(request)),
    // The use-case checks the staff member's PIN: their 1101 is theirs on the platform's records.
    identifyByIdNumber: async (request) => unwrap(await deps.settlement.identifyByIdNumber(request)),
    endSession: async (request) => unwrap(await deps.settlement.endSession(request)),
  };
}
