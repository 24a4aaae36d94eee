import { z } from 'zod';
import { yuanToFen } from '../../../shared/money';
import { maskId, maskName } from '../../../shared/mask';
import { staffOperator } from '../counterOperator';
import { SettlementFailure } from '../errors';
import type { PlatformGateway } from '../gateway';
import type { CertType, KnownPerson, PayerHeld } from '../people';
import { useCase, type UseCaseContext } from './context';
import { identifyByVoucherInput, identifyByIdNumberInput, identifyByCardInput, endSessionInput } from '../../../shared/ipc/settlementRequests';
import type { IdentifiedPerson } from '../../../shared/types/settlement';
export type { IdentifiedPerson };

interface InsuInfo {
  insutype?: unknown;
  psn_insu_stas?: unknown;
  balc?: unknown;
  insuplc_admdvs?: unknown;
}

/**
 * Of the person's insurance lines, the one to settle against: only normally insured lines
 * (psn_insu_stas 1), employees' basic (310) before residents' basic (390) before anything else.
 */
export function chooseInsurance(lines: InsuInfo[]): InsuInfo | undefined {
  const valid = lines.filter((line) => String(line.psn_insu_stas) === '1');
  const rank = (line: InsuInfo) => ({ '310': 0, '390': 1 })[String(line.insutype)] ?? 2;
  return valid.sort((a, b) => rank(a) - rank(b))[0];
}

/** A resident ID number (居民身份证, psn_cert_type 01): 17 digits and a check character. */
const RESIDENT_ID = /^\d{17}[\dX]$/;

interface Certificate {
  type: CertType;
  no: string;
  cardSn?: string | undefined;
  /** The holder's own certificate (psn_cert_type / certno) and name, when the kiosk has them. */
  holder?: { certType?: string | undefined; certno?: string | undefined; name?: string | undefined } | undefined;
  /** The face service checked the holder's last four ID digits for this token (KnownPerson.digitsAtIdentification). */
  digitsAtIdentification?: boolean | undefined;
}

/**
 * 1101's person fields: what the kiosk legitimately has and nothing else. A certificate number
 * goes only with its type (the channel's own, or 01 for a resident ID number); absent fields are
 * left out rather than sent empty.
 */
function holderFields(holder: Certificate['holder']): Record<string, string> {
  const certType = holder?.certType ?? (holder?.certno && RESIDENT_ID.test(holder.certno) ? '01' : undefined);
  return {
    ...(certType && holder?.certno ? { psn_cert_type: certType, certno: holder.certno } : {}),
    ...(holder?.name ? { psn_name: holder.name } : {}),
  };
}

/** 1101 and a session for who it names; `payer`: a relative acting for them (family.ts). */
export async function identify(ctx: UseCaseContext, cert: Certificate, gateway: PlatformGateway = ctx.gateway, payer?: PayerHeld): Promise<IdentifiedPerson> {
  const answer = await gateway
    .call('1101', {
      data: {
        mdtrt_cert_type: cert.type,
        mdtrt_cert_no: cert.no,
        card_sn: cert.cardSn ?? '',
        begntime: '',
        ...holderFields(cert.holder),
      },
    })
    .catch((error: unknown) => {
      // A refused e-voucher token is one the patient can renew by identifying again.
      if (cert.type === '01' && error instanceof SettlementFailure && error.refused) throw new SettlementFailure('VOUCHER_EXPIRED', undefined, error.detail, true);
      throw error;
    });
  const base = answer.output.baseinfo as Record<string, unknown> | undefined;
  const lines = Array.isArray(answer.output.insuinfo) ? (answer.output.insuinfo as InsuInfo[]) : [];
  if (!base || typeof base.psn_no !== 'string') throw new SettlementFailure('PERSON_NOT_FOUND');
  const chosen = chooseInsurance(lines);
  if (!chosen) throw new SettlementFailure('NOT_INSURED');
  const person: KnownPerson = {
    psnNo: base.psn_no,
    name: String(base.psn_name ?? ''),
    certno: String(base.certno ?? ''),
    gender: String(base.gend ?? ''),
    age: base.age === undefined || base.age === null ? null : Math.floor(Number(base.age)),
    insutype: String(chosen.insutype),
    insuplcAdmdvs: String(chosen.insuplc_admdvs ?? ctx.config.region.areaCode),
    balanceFen: chosen.balc === undefined || chosen.balc === null ? 0 : yuanToFen(chosen.balc as number | string),
    certType: cert.type,
    certNo: cert.no,
    ...(cert.cardSn ? { cardSn: cert.cardSn } : {}),
    ...(payer ? { payer } : {}),
    ...(cert.digitsAtIdentification ? { digitsAtIdentification: true as const } : {}),
  };
  return {
    personRef: ctx.people.put(person),
    maskedName: maskName(person.name),
    maskedCertno: maskId(person.certno),
    gender: person.gender,
    age: person.age,
    insutype: person.insutype,
    balanceFen: person.balanceFen,
    ...(payer ? { payer: { maskedName: maskName(payer.name), relation: payer.relation, mutualAidAvailable: payer.mutualAid } } : {}),
  };
}

/**
 * What main's face handler adds: that the face service checked the holder's last four ID digits
 * before answering this token (confirmSecondFactor). Not on the kiosk API: the page never calls
 * identifyByVoucher, so it cannot claim the digits were given.
 */
const voucherInMainInput = identifyByVoucherInput.extend({ digitsAtIdentification: z.literal(true).optional() });

/**
 * Face and QR path: the e-voucher token travels as certificate type 01, with the identity the
 * e-voucher channel answered along with it (idType, idNo, userName) when it answered one.
 */
export const identifyByVoucher = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, voucherInMainInput, raw, (input) =>
    identify(ctx, {
      type: '01',
      no: input.ecToken,
      holder: { certType: input.certType, certno: input.certno, name: input.psnName },
      digitsAtIdentification: input.digitsAtIdentification,
    }),
  );

/**
 * With the staff member vouching for a typed number: both or neither (main's own callers, the
 * tests and the bench, identify without one; the kiosk API always requires the pair).
 */
const assistedIdNumberInput = identifyByIdNumberInput.extend({
  operatorId: z.string().min(1).max(30).optional(),
  pin: z.string().min(4).max(12).optional(),
});

/**
 * Staff-assisted entry of the resident ID number (type 02). The 1101 is the vouching staff
 * member's (opter_type 1), checked by their PIN here, so no unchecked id reaches an envelope.
 */
export const identifyByIdNumber = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, assistedIdNumberInput, raw, (input) => {
    const { operatorId, pin } = input;
    if ((operatorId !== undefined || pin !== undefined) && !(operatorId && pin && ctx.operators.verify(operatorId, pin))) {
      throw new SettlementFailure('NOT_AUTHORISED');
    }
    const gateway = operatorId ? ctx.gateway.as(staffOperator(ctx.config, operatorId)) : ctx.gateway;
    return identify(ctx, { type: '02', no: input.certno, holder: { certType: '01', certno: input.certno, name: input.name } }, gateway);
  });

/** Social-security card (type 03) with its card identification code. */
export const identifyByCard = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, identifyByCardInput, raw, (input) => identify(ctx, { type: '03', no: input.cardNo, cardSn: input.cardSn }));

/** The patient is done or walked away: forget everything held about them. */
export const endSession = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, endSessionInput, raw, async (input) => {
    ctx.people.forget(input.personRef);
    return { forgotten: true as const };
  });
