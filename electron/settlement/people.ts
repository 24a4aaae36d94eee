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
  /** A relative identified at the counter acting for this patient (issue 15, family.ts). */
  payer?: PayerHeld;
  /**
   * The face service checked this person's last four ID digits at this identification: the
   * password-free cap's second factor for this session's quotes (cap.ts). Set by main's face
   * handler only, never from anything the page sends.
   */
  digitsAtIdentification?: true;
}

/** The relative acting for the patient: who authorises and, with 共济, whose account pays. */
export interface PayerHeld {
  psnNo: string;
  name: string;
  /** The payer's own ID number, for the second factor above the cap (secondFactor.ts); never sent to the page. */
  certno: string;
  insutype: string;
  insuplcAdmdvs: string;
  /** How the payer was identified; the password-free cap counts face and e-voucher (01) payments. */
  certType: CertType;
  /** The payer gave their last four ID digits when identified (KnownPerson.digitsAtIdentification). */
  digitsAtIdentification?: true;
  /** What the patient is to the payer, in Chinese (父亲, 子女, …). */
  relation: string;
  /** The channel says the payer's account may pay for the patient (共济); the platform decides. */
  mutualAid: boolean;
}
