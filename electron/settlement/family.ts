import { maskName } from '../../shared/mask';
import { actForFamilyInput, listFamilyInput } from '../../shared/ipc/settlementRequests';
import type { FamilyMemberView, IdentifiedPerson } from '../../shared/types/settlement';
import { BUSINESS_TYPE } from '../face/faceIdentity';
import { SettlementFailure } from './errors';
import type { NewEntry } from './journal';
import type { KnownPerson, PayerHeld } from './people';
import { useCase, type UseCaseContext } from './usecases/context';
import { identify } from './usecases/identify';

/**
 * Family payment (issue 15): the person identified at the counter (the payer) acts for a bound
 * family member (the patient), whose own session then runs every flow unchanged; with 共济 the
 * payer's employee account pays the patient's personal part. Bindings come from the e-voucher
 * channel (familyChannel.ts); whether 共济 may pay is the platform's to decide, at 2206/2101/2303.
 */

/**
 * The payer's bound family, masked. Only a payer identified by their own e-voucher (face or QR,
 * certificate 01) can be answered: the channel lists the family of a live token's holder. A
 * session that is itself acted for lists nobody, so acting never chains.
 */
export const listFamily = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, listFamilyInput, raw, async (input): Promise<{ members: FamilyMemberView[] }> => {
    const payer = ctx.people.get(input.personRef);
    if (payer.payer) return { members: [] };
    if (payer.certType !== '01' || !ctx.family.directory) throw new SettlementFailure('FAMILY_NOT_AVAILABLE');
    const held = await ctx.family.directory.membersOf(payer.certNo, BUSINESS_TYPE[ctx.config.terminal.mode]);
    if (!held) throw new SettlementFailure('FAMILY_NOT_AVAILABLE');
    return {
      members: held.map((member) => ({
        memberRef: ctx.family.members.put({ payerRef: input.personRef, member }),
        maskedName: member.maskedName,
        relation: member.relation,
        canMutualAid: member.mutualAid,
      })),
    };
  });

/**
 * Acting for a listed member: 1101 with the member's token identifies the patient, whose session
 * carries the payer. Every later call is the patient's (their psn_no, their certificate); the
 * payer appears only as `mulaid_psn_no` when 共济 is asked for, and in the journal.
 */
export const actForFamily = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, actForFamilyInput, raw, async (input): Promise<IdentifiedPerson> => {
    const payer = ctx.people.get(input.personRef);
    const listed = ctx.family.members.get(input.memberRef);
    // A memberRef is good only with the session that listed it.
    if (listed.payerRef !== input.personRef || payer.payer) throw new SettlementFailure('INVALID_INPUT');
    const held: PayerHeld = {
      psnNo: payer.psnNo,
      name: payer.name,
      certno: payer.certno,
      insutype: payer.insutype,
      insuplcAdmdvs: payer.insuplcAdmdvs,
      certType: payer.certType,
      ...(payer.digitsAtIdentification ? { digitsAtIdentification: true as const } : {}),
      relation: listed.member.relation,
      mutualAid: listed.member.mutualAid,
    };
    return identify(ctx, { type: '01', no: listed.member.memberToken }, ctx.gateway, held);
  });

/** The region's rule: the patient's own account before the relative's (the default), or the relative's alone. */
export const ownAccountFirst = (ctx: UseCaseContext): boolean => ctx.config.region.familyPayment?.ownAccountFirst ?? true;

/**
 * The settlement node as sent: with 共济, `mulaid_psn_no` names the payer (the sandbox's reading,
 * sandbox/platform/family.ts) and `acct_used_flag` says whether the patient's own account pays
 * first. Without a payer, without 共济, or paying all in cash, the node is left as it was.
 */
export function withMutualAid(ctx: UseCaseContext, node: Record<string, unknown>, person: KnownPerson, useAccount: boolean, useMutualAid: boolean): Record<string, unknown> {
  if (!person.payer || !useAccount || !useMutualAid) return node;
  return { ...node, acct_used_flag: ownAccountFirst(ctx) ? '1' : '0', mulaid_psn_no: person.payer.psnNo };
}

/** Both persons on the journal row: the payer's psn_no (the cap counts by it), masked name and relation. */
export function journalPayer(person: KnownPerson): Pick<NewEntry, 'payer'> {
  const p = person.payer;
  return p ? { payer: { psnNo: p.psnNo, maskedName: maskName(p.name), relation: p.relation } } : {};
}
