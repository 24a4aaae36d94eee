import type { Locale } from '../../shared/config/terminalConfig';

/**
 * The words of slips and their printing (the receipt screen's status, the paper slip's labels,
 * admin → 补打凭条), kept beside the code and joined into the app's catalogues by i18n/index.ts.
 * Labels are short on purpose: they must fit beside or above a value on 58 mm paper.
 */
export const PRINT_MESSAGES = {
  'print.printing': { 'zh-CN': '正在打印凭条…', en: 'Printing your slip…' },
  'print.saved': { 'zh-CN': '凭条已保存，需要纸质凭条请找工作人员', en: 'Your slip is saved. Ask staff if you need a paper copy.' },
  'print.waitPrinting': { 'zh-CN': '凭条打印完就结束', en: 'We will finish once the slip has printed' },
  'slip.dept': { 'zh-CN': '科室', en: 'Department' },
  'slip.doctor': { 'zh-CN': '医生', en: 'Doctor' },
  'slip.visit': { 'zh-CN': '就诊时间', en: 'Visit' },
  'slip.regNo': { 'zh-CN': '挂号序号', en: 'Reg. no.' },
  'slip.requested': { 'zh-CN': '应付金额', en: 'Amount' },
  'slip.msgid': { 'zh-CN': '流水号', en: 'Ref.' },
  'slip.reprint': { 'zh-CN': '补打凭条 {at}', en: 'Reprint {at}' },
  'slip.qr': { 'zh-CN': '凭条流水号二维码', en: 'QR code of the slip reference' },
  'slip.cancels': { 'zh-CN': '原结算号', en: 'Original no.' },
  'slip.admission': { 'zh-CN': '入院登记凭条', en: 'Admission slip' },
  'slip.admissionPending': { 'zh-CN': '入院登记确认中', en: 'Admission being confirmed' },
  'slip.stayNo': { 'zh-CN': '住院号', en: 'Stay no.' },
  'slip.bed': { 'zh-CN': '床位', en: 'Bed' },
  'admitted.print': { 'zh-CN': '打印入院凭条', en: 'Print the admission slip' },
  'admin.reprint': { 'zh-CN': '补打凭条', en: 'Reprint slip' },
  'reprint.reference': { 'zh-CN': '流水号或结算号', en: 'Reference or settlement no.' },
  'reprint.hint': { 'zh-CN': '扫描凭条上的二维码，或输入流水号、结算号（仅限今天）', en: 'Scan the QR code on the slip, or type its reference or settlement number (today only)' },
  'reprint.find': { 'zh-CN': '查找凭条', en: 'Find slip' },
  'reprint.preview': { 'zh-CN': '凭条预览', en: 'Slip preview' },
  'reprint.print': { 'zh-CN': '打印这张凭条', en: 'Print this slip' },
  'reprint.printed': { 'zh-CN': '已补打', en: 'Reprinted' },
  'reprint.saved': { 'zh-CN': '已保存为 PDF（未配置打印机）', en: 'Saved as PDF (no printer configured)' },
  'reprint.notCharged': {
    'zh-CN': '这笔结算没有生效（{state}），没有扣费，没有凭条可补打',
    en: 'This payment did not take effect ({state}); nothing was charged and there is no slip',
  },
  'reprint.state.failed': { 'zh-CN': '未被受理', en: 'not accepted' },
  'reprint.state.reversed': { 'zh-CN': '已冲正', en: 'reversed' },
  'reprint.failed': { 'zh-CN': '没有成功：{why}', en: 'Not done: {why}' },
} as const satisfies Record<string, Record<Locale, string>>;

export type PrintMessageKey = keyof typeof PRINT_MESSAGES;
