/**
 * The engine's stable error codes. Each says what happened in words a patient or cashier can
 * act on and what to do next; the platform's free-text err_msg never reaches the screen.
 */
export const SETTLEMENT_ERRORS = {
  INVALID_INPUT: { next: 'retry', zh: '输入的信息不完整，请重新输入', en: 'Some details are missing or wrong. Please enter them again.' },
  PERSON_NOT_FOUND: { next: 'other-id', zh: '没有找到您的医保信息，请换一种方式识别', en: 'We could not find your insurance record. Please try another way to identify yourself.' },
  NOT_INSURED: { next: 'call-staff', zh: '您的医保当前不能使用，请到人工窗口办理', en: 'Your insurance cannot be used right now. Please go to a staffed counter.' },
  VOUCHER_EXPIRED: { next: 'retry', zh: '身份验证已过期，请重新刷脸', en: 'Your identity check has expired. Please look at the camera again.' },
  SESSION_EXPIRED: { next: 'retry', zh: '操作已超时，请重新开始', en: 'This has timed out. Please start again.' },
  SIGN_IN_FAILED: { next: 'call-staff', zh: '终端未能签到医保平台，请联系工作人员', en: 'This terminal could not sign in to the insurance platform. Please call staff.' },
  INSUFFICIENT_BALANCE: { next: 'retry', zh: '个人账户余额不足，可改用现金支付', en: 'Your personal account balance is too low. You can pay the rest in cash.' },
  ALREADY_SETTLED: { next: 'call-staff', zh: '这笔费用已经结算过了，请联系工作人员', en: 'This bill has already been settled. Please call staff.' },
  SETTLEMENT_NOT_FOUND: { next: 'call-staff', zh: '没有找到这笔结算记录', en: 'We could not find this settlement.' },
  NOTHING_TO_SETTLE: { next: 'call-staff', zh: '没有待结算的费用', en: 'There is nothing to pay.' },
  AMOUNT_MISMATCH: { next: 'call-staff', zh: '金额核对不一致，已停止结算，请联系工作人员', en: 'The amounts did not add up, so nothing was charged. Please call staff.' },
  PLATFORM_REJECTED: { next: 'call-staff', zh: '医保平台未受理此次业务，请联系工作人员', en: 'The insurance platform declined this request. Please call staff.' },
  PLATFORM_UNREACHABLE: { next: 'retry', zh: '暂时连不上医保平台，请稍后再试', en: 'The insurance platform cannot be reached. Please try again shortly.' },
  OUTCOME_UNKNOWN: { next: 'call-staff', zh: '结算结果确认中，请保留凭条，不会重复扣费', en: 'We are confirming the result. Keep this slip; you will not be charged twice.' },
  SETTLEMENT_PENDING: { next: 'call-staff', zh: '您上一笔结算的结果尚在确认中，为避免重复扣费暂不能再付。您可以到人工窗口用其他方式缴费，或请工作人员帮助', en: 'Your earlier payment is still being confirmed, so we cannot take another one yet. You can pay another way at a staffed counter, or ask staff for help.' },
  SETTLEMENT_NEEDS_STAFF: { next: 'call-staff', zh: '您上一笔结算需要工作人员核对后才能继续。请到人工窗口用其他方式缴费，或请工作人员处理', en: 'Staff must check your earlier payment before another one. Please pay another way at a staffed counter, or ask staff to resolve it.' },
  // Only what a refusal of this cancel proves (spec §4: its words are not read): it did not take effect, so nothing moved.
  CANCEL_REFUSED: { next: 'call-staff', zh: '这次撤销没有生效：医保平台没有受理，没有退款，也没有扣费，原结算保持原样。请工作人员核实后再处理', en: 'This cancellation did not take effect: the insurance platform did not accept it, nothing was refunded or charged, and the original settlement is as it was. Please have staff check it.' },
  // Found in the journal before anything is sent; {setlId} is the cancel that undid it.
  ALREADY_CANCELLED: { next: 'call-staff', zh: '这笔结算已经撤销过了（撤销结算号 {setlId}），不用再撤销', en: 'This settlement has already been cancelled (cancel no. {setlId}); there is nothing more to cancel.' },
  NOT_AUTHORISED: { next: 'call-staff', zh: '需要工作人员授权', en: 'A staff member must authorise this.' },
  HIS_REFUSED: { next: 'call-staff', zh: '医院系统没有接受，没有扣费，请到人工窗口办理', en: 'The hospital system did not accept this. Nothing was charged. Please go to a staffed counter.' },
  // The hospital system's own reasons (shared/his HIS_REFUSAL_REASONS, mapped in his/refusalCodes.ts).
  SLOT_FULL: { next: 'retry', zh: '这个号已经挂满了，没有扣费，请选择其他医生或时段', en: 'This session is fully booked. Nothing was charged. Please choose another doctor or session.' },
  ALREADY_BOOKED: { next: 'retry', zh: '您已经挂过这个号，不用再挂，没有扣费', en: 'You have already booked this session, so there is no need to book it again. Nothing was charged.' },
  SLOT_CLOSED: { next: 'retry', zh: '这个号已经停止挂号，没有扣费，请选择其他医生或时段', en: 'This session is no longer open for booking. Nothing was charged. Please choose another doctor or session.' },
  STAY_NOT_FOUND: { next: 'retry', zh: '在您的名下没有找到这个住院号，请核对住院号后重新输入', en: 'This inpatient number was not found under your name. Please check it and enter it again.' },
  HIS_PERSON_UNKNOWN: { next: 'call-staff', zh: '医院系统里还没有您的就诊登记，请到人工窗口办理', en: 'The hospital system has no patient record for you yet. Please go to a staffed counter.' },
  HIS_UNAVAILABLE: { next: 'call-staff', zh: '医院系统暂时无法访问，请联系工作人员', en: 'The hospital system cannot be reached. Please call staff.' },
  HIS_DATA_MISSING: { next: 'call-staff', zh: '医院系统缺少医保所需的信息（如时间、诊断），请联系医院信息科补全后再办理', en: 'The hospital system lacks details the insurance platform needs (such as a time or a diagnosis). Please ask the hospital IT office to complete them, then try again.' },
  // Family payment and the password-free cap (issue 15).
  SECOND_FACTOR_REQUIRED: { next: 'retry', zh: '本笔金额超过免密支付限额，请输入身份证号码后四位，或请工作人员输入密码确认', en: 'This amount is above the limit for paying by face alone. Enter the last four digits of the ID number, or ask staff to confirm with their PIN.' },
  FAMILY_NOT_AVAILABLE: { next: 'call-staff', zh: '暂时查不到您绑定的家人，请用刷脸或医保码识别后再试，或到人工窗口办理', en: 'We cannot look up your bound family right now. Identify by face or e-voucher QR code and try again, or go to a staffed counter.' },
  MUTUAL_AID_REFUSED: { next: 'retry', zh: '医保平台未同意用您的个人账户为家人支付，可改用本人账户或现金支付', en: 'The insurance platform did not allow your personal account to pay for your relative. The patient’s own account or cash can pay instead.' },
  // A relative paying for a patient identified by card or ID number (attachPayer): the patient can always pay themselves.
  FAMILY_NOT_BOUND: { next: 'retry', zh: '这位家人没有与患者绑定亲情账户，不能为患者付款。可以由患者本人付款（本人医保或现金），或请工作人员帮助', en: 'This relative has no family binding with the patient, so they cannot pay for them. The patient can pay (own insurance or cash), or ask staff for help.' },
  FAMILY_PAYER_NOT_BY_FACE: { next: 'retry', zh: '为家人付款须由付款的家人本人刷脸或出示医保码：亲情账户只在本人刷脸或亮码后查询，社保卡和身份证号不能证明是本人在场。请付款的家人刷脸或亮码，或由患者本人付款（本人医保或现金）', en: 'The relative who pays must identify by their own face or e-voucher QR code: family bindings are looked up only then, as a card or a typed ID number does not show the holder is here. Ask them to look at the camera or show their code, or the patient pays (own insurance or cash).' },
  FAMILY_PAYER_SELF: { next: 'retry', zh: '刷脸的是患者本人，不是家人。请返回，由患者本人付款（本人医保或现金）', en: 'The face identified is the patient’s own, not a relative’s. Go back and the patient pays (own insurance or cash).' },
  INTERNAL: { next: 'call-staff', zh: '系统出现问题，请联系工作人员', en: 'Something went wrong. Please call staff.' },
} as const;

export type SettlementErrorCode = keyof typeof SETTLEMENT_ERRORS;
export type NextStep = (typeof SETTLEMENT_ERRORS)[SettlementErrorCode]['next'];

export interface SettlementError {
  code: SettlementErrorCode;
  message: string;
  next: NextStep;
  /** A reference the patient and staff can quote (the msgid of the attempt), when one exists. */
  reference?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: SettlementError };

/** The failure as the patient sees it, in the terminal's language; `words` fill its `{name}` places. */
export function failure(code: SettlementErrorCode, locale: 'zh-CN' | 'en', reference?: string, words: Readonly<Record<string, string>> = {}): { ok: false; error: SettlementError } {
  const entry = SETTLEMENT_ERRORS[code];
  const message = (locale === 'en' ? entry.en : entry.zh).replace(/\{(\w+)\}/g, (place, name: string) => words[name] ?? place);
  return { ok: false, error: { code, message, next: entry.next, ...(reference ? { reference } : {}) } };
}

/** Thrown inside the engine to end a use-case with a code; the use-case boundary turns it into an Outcome. */
export class SettlementFailure extends Error {
  constructor(
    readonly code: SettlementErrorCode,
    readonly reference?: string,
    /** The platform's own err_msg, for logs and staff only; never shown to the patient, never matched. */
    readonly detail?: string,
    /** The platform answered infcode ≠ 0: known not to have taken effect. */
    readonly refused = false,
    /** What fills the message's places (ALREADY_CANCELLED's cancel number). */
    readonly words: Readonly<Record<string, string>> = {},
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SettlementFailure';
  }
}

/**
 * What a refusal (infcode -1) means to the patient, decided by the transaction that was
 * refused, never by err_msg: a real platform words its refusals freely, in Chinese, with no
 * public catalogue (spec §4), so any pattern would be a guess that fails silently.
 */
const REFUSAL_BY_INFNO: Readonly<Record<string, SettlementErrorCode>> = {
  '9001': 'SIGN_IN_FAILED',
  '1101': 'PERSON_NOT_FOUND',
  '2208': 'CANCEL_REFUSED',
  '2103': 'CANCEL_REFUSED',
  '2305': 'CANCEL_REFUSED',
};

export function codeForRefusal(infno: string): SettlementErrorCode {
  return REFUSAL_BY_INFNO[infno] ?? 'PLATFORM_REJECTED';
}
