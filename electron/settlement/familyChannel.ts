import { channelOperator, channelText as text, evoucherCall, type EvoucherChannelOptions } from '../face/evoucherChannel';
import type { ExpiringStore } from './expiring';

/**
 * The identified person's bound family (亲情账户), as the e-voucher channel answers it to the
 * holder of a fresh e-voucher token (the sandbox's `cn.nhsa.ec.family`, sandbox/face/family.ts).
 * Each member comes with a token of the member's own, which 1101 takes as certificate type 01.
 */
export interface FamilyMemberHeld {
  memberToken: string;
  maskedName: string;
  relation: string;
  mutualAid: boolean;
}

export interface FamilyDirectory {
  /** undefined: the channel did not answer (down, refused the token): not "no family". */
  membersOf(ecToken: string, businessType: string): Promise<FamilyMemberHeld[] | undefined>;
}

/** What the family use-cases keep beside the people and quotes (engine.ts builds it). */
export interface FamilyContext {
  /** undefined: no e-voucher channel is configured, so nobody can act for family here. */
  directory: FamilyDirectory | undefined;
  /** The members last listed, behind opaque memberRefs, with the personRef of who listed them. */
  members: ExpiringStore<{ payerRef: string; member: FamilyMemberHeld }>;
  /** Password-free payments today by this person on this terminal, in fen (cap.ts). */
  usedToday(psnNo: string): number;
}

export type FamilyChannelOptions = EvoucherChannelOptions;

/** Over the channel's one endpoint, as electron/face/evoucherChannel.ts calls it for identification. */
export function evoucherFamily(options: FamilyChannelOptions): FamilyDirectory {
  const call = evoucherCall(options);
  return {
    async membersOf(ecToken, businessType) {
      const answer = await call('cn.nhsa.ec.family', { ecToken, businessType, ...channelOperator(options) });
      if (answer?.code !== 0) return undefined;
      try {
        const members = answer.data.members;
        if (!Array.isArray(members)) return undefined;
        // A member the channel described oddly is left out rather than shown half-named.
        return members.flatMap((m: Record<string, unknown>) => {
          const [memberToken, maskedName, relation] = [text(m.memberToken), text(m.maskedName), text(m.relation)];
          return memberToken && maskedName && relation ? [{ memberToken, maskedName, relation, mutualAid: m.mutualAid === true }] : [];
        });
      } catch {
        // Data past reading (`null`, a member that is not an object) is no answer, as a failed call is.
        return undefined;
      }
    },
  };
}
