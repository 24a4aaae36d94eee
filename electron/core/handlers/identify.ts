import type { FaceIdentification, KioskHandlers } from '../../../shared/ipc/contract';
import { KioskError } from '../../../shared/result';
import type { FaceAuthAnswer } from '../../face/faceIdentity';
import { BUSINESS_TYPE } from '../../face/faceIdentity';
import type { CoreDeps } from './deps';
import { unwrap } from './outcome';

type IdentifyHandlers = Pick<
  KioskHandlers,
  'identifyByFace' | 'confirmSecondFactor' | 'identifyByQr' | 'identifyByCard' | 'identifyByIdNumber' | 'endSession'
>;

const faceServiceDown = () =>
  new KioskError('FACE_SERVICE_UNAVAILABLE', 'face identification is not available right now', { next: 'other-id' });

/**
 * Every way in ends the same: an identity the platform confirmed (1101), held in main behind
 * an opaque personRef. The face photo goes to the face service and nowhere else; this code
 * neither logs nor keeps it.
 */
export function identifyHandlers(deps: CoreDeps): IdentifyHandlers {
  const businessType = BUSINESS_TYPE[deps.config.terminal.mode];

  async function settle(answer: FaceAuthAnswer): Promise<FaceIdentification> {
    switch (answer.status) {
      case 'identified':
        return { status: 'identified', person: unwrap(await deps.settlement.identifyByVoucher({ ecToken: answer.ecToken })) };
      case 'unavailable':
        throw faceServiceDown();
      default:
        return answer;
    }
  }

  return {
    identifyByFace: async ({ photo }) => settle(await deps.face.authenticate(photo, businessType)),
    confirmSecondFactor: async ({ authNo, last4 }) => settle(await deps.face.secondFactor(authNo, last4, businessType)),
    identifyByQr: async ({ payload }) => {
      const answer = await deps.face.decodeQr(payload, businessType);
      if (answer.status === 'unavailable') throw faceServiceDown();
      if (answer.status !== 'identified') return answer;
      return { status: 'identified', person: unwrap(await deps.settlement.identifyByVoucher({ ecToken: answer.ecToken })) };
    },
    identifyByCard: async (request) => unwrap(await deps.settlement.identifyByCard(request)),
    // The use-case checks the staff member's PIN: their 1101 is theirs on the platform's records.
    identifyByIdNumber: async (request) => unwrap(await deps.settlement.identifyByIdNumber(request)),
    endSession: async (request) => unwrap(await deps.settlement.endSession(request)),
  };
}
