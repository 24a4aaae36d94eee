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
  | { status: 'second-factor'; authNo: string; attemptsLeft: number; why?: SecondFactorWhy }
  | { status: 'wrong-digits'; authNo: string; attemptsLeft: number }
  /** The digits were wrong too often: the face matched, the knowledge check did not. */
  | { status: 'digits-locked' }
  /** Capture again: the photo was unusable, or the authentication went stale. */
  | { status: 'retry'; reason: 'no-face' | 'several-faces' | 'bad-image' | 'expired' }
  /** Not recognised: identify another way. */
  | { status: 'not-found' }
  | { status: 'unavailable' };

export type QrAnswer =
  | { status: 'identified'; ecToken: string; holder: VoucherHolder }
  | { status: 'qr-invalid' }
  | { status: 'qr-expired' }
  | { status: 'unavailable' };

/** Why the channel must ask for the knowledge check even on a clear match (renderer/face/README.md). */
export type SecondFactorWhy = 'no-motion' | 'amount' | 'look-alike';

/**
 * What the kiosk tells the channel about this capture: whether a gesture was shown (`motion`)
 * or not (`none`: a photo or a replayed clip could be at the camera), and whether the amount is
 * above the terminal's knowledge-check cap. Either asks the channel for the last four ID digits.
 */
export interface FaceAuthContext {
  liveness: 'motion' | 'none';
  aboveCap: boolean;
}

export interface FaceIdentityService {
  authenticate(photoBase64: string, businessType: string, context: FaceAuthContext): Promise<FaceAuthAnswer>;
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
