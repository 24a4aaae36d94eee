import { maskId, maskName } from '../../shared/mask';
import { attachPayerInput } from '../../shared/ipc/settlementRequests';
import type { IdentifiedPerson } from '../../shared/types/settlement';
import { BUSINESS_TYPE } from '../face/faceIdentity';
import { SettlementFailure } from './errors';
import type { FamilyMemberHeld } from './familyChannel';
import type { KnownPerson, PayerHeld } from './people';
import { useCase, type UseCaseContext } from './usecases/context';

/**
 * The other direction of family payment (issue 15): the patient was identified by card or a
 * staff-typed ID number (a child with no face template, an elderly person with no usable photo)
 * and a relative then identifies with their OWN face or e-voucher QR code to pay. The relative's
 * session becomes the patient's payer only when the relative's bound family, as the e-voucher
 * channel answers it for the relative's own token, holds this very patient: matched by psn_no
 * here, from 1101 of each member's token, never by anything the page says.
 *
 * Why face or QR only: the channel answers a family only for a fresh token of the holder's own
 * identification. A card can be carried by anyone and a typed number proves nobody is present,
 * so neither can open someone else's account (the cap and 共济 both hang on who is here).
 */
export const attachPayer = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, attachPayerInput, raw, async (input): Promise<IdentifiedPerson> => {
    const patient = ctx.people.get(input.personRef);
    const relative = ctx.people.get(input.payerRef);
    // One payer per patient, and acting never chains (as with actForFamily).
    if (input.personRef === input.payerRef || patient.payer || relative.payer) throw new SettlementFailure('INVALID_INPUT');
    if (relative.psnNo === patient.psnNo) throw new SettlementFailure('FAMILY_PAYER_SELF');
    if (relative.certType !== '01') throw new SettlementFailure('FAMILY_PAYER_NOT_BY_FACE');
    if (!ctx.family.directory) throw new SettlementFailure('FAMILY_NOT_AVAILABLE');
    const family = await ctx.family.directory.membersOf(relative.certNo, BUSINESS_TYPE[ctx.config.terminal.mode]);
    if (!family) throw new SettlementFailure('FAMILY_NOT_AVAILABLE');
    const member = await findPatient(ctx, family, patient);
    if (!member) {
      ctx.log(`family: a relative with ${family.length} bound member(s) is not bound to this patient; not attached`);
      throw new SettlementFailure('FAMILY_NOT_BOUND');
    }
    const payer: PayerHeld = {
      psnNo: relative.psnNo,
      name: relative.name,
      certno: relative.certno,
      insutype: relative.insutype,
      insuplcAdmdvs: relative.insuplcAdmdvs,
      certType: relative.certType,
      ...(relative.digitsAtIdentification ? { digitsAtIdentification: true as const } : {}),
      relation: member.relation,
      mutualAid: member.mutualAid,
    };
    // The patient's session keeps its personRef: every flow goes on as the face-first direction's.
    patient.payer = payer;
    return patientView(input.personRef, patient, payer);
  });

/**
 * The listed member who is this patient: 1101 of each member's token names their psn_no. Members
 * whose masked name looks like the patient's are asked first (usually the only call); a channel
 * that masks otherwise still matches, with more calls. A token the platform refuses (expired
 * meanwhile) is not this patient; an unreachable platform ends the attempt as any call does.
 */
async function findPatient(ctx: UseCaseContext, family: FamilyMemberHeld[], patient: KnownPerson): Promise<FamilyMemberHeld | undefined> {
  const masked = maskName(patient.name);
  const ordered = [...family.filter((m) => m.maskedName === masked), ...family.filter((m) => m.maskedName !== masked)];
  for (const member of ordered) {
    const psnNo = await psnNoOf(ctx, member.memberToken);
    if (psnNo === patient.psnNo) return member;
  }
  return undefined;
}

async function psnNoOf(ctx: UseCaseContext, memberToken: string): Promise<string | undefined> {
  try {
    const answer = await ctx.gateway.call('1101', { data: { mdtrt_cert_type: '01', mdtrt_cert_no: memberToken, card_sn: '', begntime: '' } });
    const base = answer.output.baseinfo as { psn_no?: unknown } | undefined;
    return typeof base?.psn_no === 'string' ? base.psn_no : undefined;
  } catch (error) {
    if (error instanceof SettlementFailure && error.refused) return undefined;
    throw error;
  }
}

function patientView(personRef: string, patient: KnownPerson, payer: PayerHeld): IdentifiedPerson {
  return {
    personRef,
    maskedName: maskName(patient.name),
    maskedCertno: maskId(patient.certno),
    gender: patient.gender,
    age: patient.age,
    insutype: patient.insutype,
    balanceFen: patient.balanceFen,
    payer: { maskedName: maskName(payer.name), relation: payer.relation, mutualAidAvailable: payer.mutualAid },
  };
}
