/**
 * Who the platform said the patient is, for the length of one counter session. The renderer
 * gets only an opaque `personRef` and masked fields: the e-voucher token, the ID number and
 * psn_no stay in the main process, in memory, and are forgotten on session end or expiry.
 */
export type CertType = '01' | '02' | '03';

export interface KnownPerson {
  psnNo: string;
  name: string;
  certno: string;
  gender: string;
  age: number | null;
  insutype: string;
  insuplcAdmdvs: string;
  balanceFen: number;
  /** The certificate later transactions must carry (mdtrt_cert_type / mdtrt_cert_no / card_sn). */
  certType: CertType;
  certNo: string;
  cardSn?: string;
}
