/**
 * The kiosk's one door to whoever decides identity from a face (DESIGN.md, Identity): in
 * production the province's e-voucher channel, here the sandbox. It answers with an e-voucher
 * token the platform accepts as mdtrt_cert_type 01, or says what the person should do next.
 */
/**
 * The holder's identity the channel answers with the token (auth.check / ec.query `idType`,
 * `idNo`, `userName`), as far as it does: 1101 may carry it. Stays in main, never reaches the page.
 */
export interface VoucherHolder {
  idType?: string;
  idNo?: string;
  userName?: string;
}

export type FaceAuthAnswer =
  | { status: 'identified'; ecToken: string; holder: VoucherHolder }
  | { status: 'second-factor'; authNo: string; attemptsLeft: number }
  | { status: 'wrong-digits'; authNo: string; attemptsLeft: number }
  /** Capture again: the photo was unusable, or the authentication went stale. */
  | { status: 'retry'; reason: 'no-face' | 'several-faces' | 'bad-image' | 'expired' }
  /** Not recognised (or too many wrong digits): identify another way. */
  | { status: 'not-found' }
  | { status: 'unavailable' };

export type QrAnswer =
  | { status: 'identified'; ecToken: string; holder: VoucherHolder }
  | { status: 'qr-invalid' }
  | { status: 'qr-expired' }
  | { status: 'unavailable' };

export interface FaceIdentityService {
  authenticate(photoBase64: string, businessType: string): Promise<FaceAuthAnswer>;
  secondFactor(authNo: string, last4: string, businessType: string): Promise<FaceAuthAnswer>;
  decodeQr(payload: string, businessType: string): Promise<QrAnswer>;
}

/** 用码业务类型 (scene + step) per counter mode (nhsa-interface.md §3.2). */
export const BUSINESS_TYPE = {
  registration: '01101',
  cashier: '01301',
  pharmacy: '02121',
  inpatient: '01103',
} as const;
