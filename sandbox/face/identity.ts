import { createHash } from 'node:crypto';
import type { PersonRecord } from '../parts';

/** The identity block of auth.check / ec.query (nhsa-interface.md §3.2), from a person record. */
export function identityData(person: PersonRecord, ecToken: string, extra: { authNo?: string; ecQrCode?: string }) {
  return {
    idNo: person.certno,
    idType: '01',
    userName: person.name,
    ecToken,
    insuOrg: person.insuplcAdmdvs,
    // A stable, non-reversible index per person, as the e-voucher's index number is.
    ecIndexNo: createHash('sha256').update(`ec-index:${person.psnNo}`).digest('hex').slice(0, 32).toUpperCase(),
    gender: person.gender,
    birthday: person.birthday,
    nationality: '156',
    email: '',
    chnlId: 'SANDBOX',
    ecQrCode: extra.ecQrCode ?? '',
    authNo: extra.authNo ?? '',
  };
}
