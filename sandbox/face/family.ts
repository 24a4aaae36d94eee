import { z } from 'zod';
import { maskId, maskName } from '../../shared/mask';
import type { PersonDirectory } from '../parts';
import { answer, describeIssue, EcCode, type EcAnswer } from './protocol';
import type { TokenIssuer } from './tokens';

/** Sandbox extension of the e-voucher channel: the bound family of the holder of a fresh token. */
export const FAMILY_TRANS_TYPE = 'cn.nhsa.ec.family';

const familySchema = z.object({
  orgId: z.string().min(1).max(40).optional(),
  businessType: z.string().regex(/^\d{5}$/, 'businessType is 5 digits'),
  operatorId: z.string().max(30).optional(),
  operatorName: z.string().max(50).optional(),
  deviceType: z.string().max(30).optional(),
  /** The token the payer's own identification (face or QR) answered. */
  ecToken: z.string().min(8).max(50),
});

/**
 * `cn.nhsa.ec.family`: after a successful identification, the identified person's bound family
 * (亲情账户), each with an e-voucher token of the member's own, so the terminal can run 1101 for
 * the member without the member's face. Only the holder of a live token from a face or QR
 * identification may ask: a member's token cannot list the member's family in turn. The answer
 * carries masked names only; the member's ID number never leaves the channel.
 */
export function familyAnswer(deps: { persons: PersonDirectory; tokens: TokenIssuer; log(line: string): void }, orgId: string, data: unknown): EcAnswer {
  const input = familySchema.safeParse(data);
  if (!input.success) return answer(orgId, EcCode.INVALID_REQUEST, describeIssue(input.error));
  const resolved = deps.tokens.resolve(input.data.ecToken);
  const via = deps.tokens.viaOf(input.data.ecToken);
  if (!resolved.ok || (via !== 'face' && via !== 'qr')) {
    return answer(orgId, EcCode.TOKEN_NOT_USABLE, 'ecToken: unknown, expired, or not from the holder\'s own identification');
  }
  const payer = deps.persons.byPsnNo(resolved.psnNo);
  if (!payer) return answer(orgId, EcCode.UNKNOWN_PERSON, 'the token\'s holder is no longer known');
  const members = (deps.persons.familyOf?.(payer.psnNo) ?? []).map((member) => ({
    memberToken: deps.tokens.issue(member.psnNo, 'family').token,
    maskedName: maskName(member.name),
    relation: member.relation,
    relationCode: member.relationCode,
    mutualAid: member.mutualAid,
  }));
  deps.log(`face ec.family psn=${maskId(payer.psnNo)} members=${members.length}`);
  return answer(orgId, EcCode.OK, 'ok', { members });
}
