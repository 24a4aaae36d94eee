import type { Locale } from '../../shared/config/terminalConfig';

/**
 * The words of family payment (为家人办理, 个人账户家庭共济) and of the password-free cap (issue 15),
 * kept beside the code and joined into the app's catalogues by i18n/index.ts. "您" is always the
 * person at the counter who was identified (the payer); the patient is named by masked name and
 * by what they are to the payer.
 */
export const FAMILY_MESSAGES = {
  'family.open': { 'zh-CN': '为家人办理', en: 'For a family member' },
  'family.title': { 'zh-CN': '请选择为哪位家人办理', en: 'Which family member is this for?' },
  'family.lead': {
    'zh-CN': '以下是与您绑定的家人。选择后，挂号、缴费、买药都为这位家人办理',
    en: 'These family members are bound to you. Choose one: registration, bills and medicines are then for them.',
  },
  'family.member': { 'zh-CN': '{name}（{relation}）', en: '{name} ({relation})' },
  'family.canAid': { 'zh-CN': '可用您的个人账户共济支付', en: 'Your personal account can pay for them' },
  'family.noAid': { 'zh-CN': '不能用您的个人账户支付', en: 'Your personal account cannot pay for them' },
  'family.none': {
    'zh-CN': '您还没有绑定可以代办的家人。需要绑定的，请到医保经办机构或医保电子凭证中办理',
    en: 'No family member is bound to you yet. Bind one at the insurance office or in the e-voucher app.',
  },
  'family.back': { 'zh-CN': '返回，为自己办理', en: 'Back: for myself' },
  'family.failed': { 'zh-CN': '没有查到您绑定的家人：{why}', en: 'Your family could not be looked up: {why}' },
  'family.actFailed': { 'zh-CN': '没能为这位家人办理：{why}', en: 'This could not be done for this family member: {why}' },
  'family.otherMember': { 'zh-CN': '换一位家人', en: 'Another family member' },
  // 由家人刷脸付款: the patient was identified by card or ID number, a relative's own face or QR code pays.
  'family.relative.pay': { 'zh-CN': '由家人刷脸付款', en: 'A relative pays by face' },
  'family.relative.banner': { 'zh-CN': '为 {name} 付款的家人请刷脸', en: 'Relative paying for {name}: look at the camera' },
  'family.relative.stop': { 'zh-CN': '不用家人付款', en: 'No relative pays' },
  'family.relative.refused': { 'zh-CN': '没能由这位家人付款：{why}', en: 'This relative cannot pay: {why}' },
  // The patient's check, where "is this you?" would be: the payer confirms whom they act for.
  'family.patient.title': { 'zh-CN': '请确认为这位家人办理', en: 'Please confirm the family member' },
  'family.patient.relation': { 'zh-CN': '与您的关系', en: 'Relationship to you' },
  'family.patient.yes': { 'zh-CN': '是，为这位家人办理', en: 'Yes, for them' },
  // The line across every screen while a relative acts.
  'family.banner': { 'zh-CN': '为 {name}（{relation}）办理', en: 'For {name} ({relation})' },
  // The confirmation.
  'family.quote.for': { 'zh-CN': '为 {name}（{relation}）结算', en: 'Paying for {name} ({relation})' },
  'family.quote.by': { 'zh-CN': '办理人：{payer}（您）', en: 'By: {payer} (you)' },
  'family.quote.patientAccount': { 'zh-CN': '{name}本人账户', en: "{name}'s own account" },
  'family.quote.mutualAid': { 'zh-CN': '您的个人账户共济', en: 'Your personal account (family sharing)' },
  'family.quote.patientBalanceAfter': { 'zh-CN': '{name}账户余额', en: "{name}'s balance after" },
  'family.quote.aidChoice': { 'zh-CN': '用您的个人账户为家人支付（共济）', en: 'Pay from your personal account (family sharing)' },
  'family.quote.aidOn': { 'zh-CN': '用我的账户共济', en: 'Use my account' },
  'family.quote.aidOff': { 'zh-CN': '不用我的账户', en: 'Not my account' },
  'family.quote.aidFailed': { 'zh-CN': '没能改变支付方式：{why}。仍按下面的金额支付', en: 'The way of paying could not be changed: {why}. The amounts below still stand.' },
  'family.quote.spoken': {
    'zh-CN': '为 {name}（{relation}）结算。医保基金支付 {fund} 元，{name}本人个人账户 {account} 元，您的个人账户共济 {aid} 元，需要付现金 {cash} 元。请确认。',
    en: "Paying for {name} ({relation}). The fund pays {fund}, {name}'s own account {account}, your personal account {aid}, cash due {cash}. Please confirm.",
  },
  // The password-free cap.
  'cap.line': { 'zh-CN': '免密支付：每笔 {per}，今天已用 {used} / {day}', en: 'Without a password: {per} a payment, used today {used} / {day}' },
  'cap.over': { 'zh-CN': '本笔超过免密支付限额（每笔 {per}），支付前需再验证一次', en: 'Above the limit without a password ({per} a payment): one more check before paying.' },
  'cap.title': { 'zh-CN': '超过免密支付限额，请再验证一次', en: 'Above the limit: one more check' },
  'cap.text.self': { 'zh-CN': '请输入您的身份证号码最后四位，或请工作人员输入工号和密码确认', en: 'Enter the last four digits of your ID number, or ask staff to confirm with their number and PIN.' },
  'cap.text.payer': {
    'zh-CN': '请办理人 {payer} 输入本人身份证号码最后四位，或请工作人员输入工号和密码确认',
    en: 'The person paying ({payer}) enters the last four digits of their own ID number, or staff confirm with their number and PIN.',
  },
  'cap.stray': {
    'zh-CN': '今天的免密支付额度在核对费用后有了变化，这一笔需要再验证一次，还没有扣费',
    en: 'Today’s limit without a password changed after the amounts were shown: this payment needs one more check. Nothing was charged yet.',
  },
  'cap.amount': { 'zh-CN': '本笔金额 {total}', en: 'This payment {total}' },
  'cap.digitsLocked': {
    'zh-CN': '号码已输错 3 次，不能再用号码确认。请工作人员输入工号和密码确认，或不支付，到人工窗口办理',
    en: 'Three wrong tries: the digits can no longer confirm this. Staff can confirm with their PIN, or do not pay and go to a staffed counter.',
  },
  'cap.useStaff': { 'zh-CN': '请工作人员确认', en: 'Staff confirm' },
  'cap.useDigits': { 'zh-CN': '输入身份证号后四位', en: 'Enter ID digits' },
  'cap.staffTitle': { 'zh-CN': '工作人员确认支付', en: 'Staff confirm the payment' },
  'cap.wrongPin': { 'zh-CN': '工号或密码不对，还没有支付。请重新输入，或改用身份证号后四位', en: 'Operator number or PIN not accepted; nothing was paid. Enter them again, or use the ID digits.' },
  'cap.backToQuote': { 'zh-CN': '返回核对费用', en: 'Back to the amounts' },
  // Receipts, cancels and reprints.
  'family.slip.payer': { 'zh-CN': '家属代办', en: 'Done by family' },
  'family.slip.payerValue': { 'zh-CN': '{payer}（为其{relation}办理）', en: '{payer} (for their {relation})' },
  'family.slip.mutualAid': { 'zh-CN': '家庭共济支付', en: 'Family sharing' },
  'family.slip.cap': { 'zh-CN': '免密支付', en: 'Without a password' },
  'family.slip.capValue': { 'zh-CN': '今日 {used} / {day}', en: 'today {used} / {day}' },
  'family.slip.capFactor': { 'zh-CN': '超限额确认', en: 'Above the limit' },
  'family.slip.capFactor.id-digits': { 'zh-CN': '身份证号后四位', en: 'ID digits' },
  'family.slip.capFactor.staff-pin': { 'zh-CN': '工作人员密码', en: 'Staff PIN' },
} as const satisfies Record<string, Record<Locale, string>>;

export type FamilyMessageKey = keyof typeof FAMILY_MESSAGES;
