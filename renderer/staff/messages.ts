import type { Locale } from '../../shared/config/terminalConfig';

/**
 * The words of the counter's staff side (cash taken, cancels, today's lookup, the operator on the
 * banner, the shift's end), kept beside the code and joined into the app's catalogues by i18n/index.ts.
 */
export const STAFF_MESSAGES = {
  'staff.operator': { 'zh-CN': '操作员 {id} {name}', en: 'Operator {id} {name}' },
  'cashDesk.patientHint': { 'zh-CN': '请把现金交给收费员，收费员确认后为您打印凭条', en: 'Please hand the cash to the cashier; the cashier confirms it and your slip prints.' },
  'cashDesk.staffTitle': { 'zh-CN': '收费员确认收款', en: 'Cashier: confirm the cash' },
  'cashDesk.pin': { 'zh-CN': '操作员密码', en: 'Operator PIN' },
  'cashDesk.wrongPin': {
    'zh-CN': '密码不对，还没有确认收款。请收费员重新输入密码（这笔结算已经完成，不受影响）',
    en: 'Wrong PIN: the cash is not confirmed yet. Please enter the PIN again (the payment itself is done and unaffected).',
  },
  'cashDesk.noOperator': { 'zh-CN': '本窗口没有操作员签到，请先在工作人员管理中签到', en: 'No operator is signed in at this counter. Please sign in from the staff pages first.' },
  'cashDesk.failed': { 'zh-CN': '没有确认成功：{why}', en: 'Not confirmed: {why}' },
  'cancelDesk.undoes': { 'zh-CN': '将要撤销的结算', en: 'The payment to be cancelled' },
  'cancelDesk.time': { 'zh-CN': '结算时间', en: 'Paid at' },
  'cancelDesk.patient': { 'zh-CN': '患者', en: 'Patient' },
  'cancelDesk.amount': { 'zh-CN': '结算金额', en: 'Amount' },
  'cancelDesk.setlId': { 'zh-CN': '结算号', en: 'Settlement no.' },
  'cancelDesk.wrongPin': { 'zh-CN': '工号或密码不对，没有撤销。请重新输入', en: 'Operator number or PIN not accepted; nothing was cancelled. Please enter them again.' },
  'today.title': { 'zh-CN': '今日结算查询', en: "Today's payments" },
  'today.short': { 'zh-CN': '今日结算', en: "Today's payments" },
  'today.open': { 'zh-CN': '今日结算（补打、撤销）', en: "Today's payments (reprint, cancel)" },
  'today.pinHint': { 'zh-CN': '查询今天本终端的结算，请输入当前操作员的密码', en: "To look up this terminal's payments of today, enter the signed-in operator's PIN." },
  'today.pin': { 'zh-CN': '操作员密码', en: 'Operator PIN' },
  'today.unlock': { 'zh-CN': '打开查询', en: 'Open' },
  'today.wrongPin': { 'zh-CN': '密码不对，请重新输入', en: 'Wrong PIN. Please enter it again.' },
  'today.noOperator': { 'zh-CN': '本窗口没有操作员签到，请先在工作人员管理中签到', en: 'No operator is signed in at this counter. Please sign in from the staff pages first.' },
  'today.text': { 'zh-CN': '流水号、结算号或姓名', en: 'Reference, settlement no. or name' },
  'today.from': { 'zh-CN': '开始时间（时:分）', en: 'From (hh:mm)' },
  'today.to': { 'zh-CN': '结束时间（时:分）', en: 'To (hh:mm)' },
  'today.search': { 'zh-CN': '查找', en: 'Search' },
  'today.none': { 'zh-CN': '今天本终端没有符合条件的结算', en: 'No payment of today on this terminal matches.' },
  'today.more': { 'zh-CN': '只列出最近 {n} 笔，请用时间或姓名缩小范围', en: 'Only the latest {n} are listed; narrow the search by time or name.' },
  'today.list': { 'zh-CN': '今日结算', en: "Today's payments" },
  'today.state.settled': { 'zh-CN': '已结算', en: 'Paid' },
  'today.state.cancelled': { 'zh-CN': '已撤销（撤销结算号 {setlId}）', en: 'Cancelled (cancel no. {setlId})' },
  'today.state.pending': { 'zh-CN': '结果确认中', en: 'Being confirmed' },
  'today.state.not-charged': { 'zh-CN': '没有扣费', en: 'Not charged' },
  'today.cancelRow': { 'zh-CN': '撤销（原结算号 {setlId}）', en: 'Cancellation (original no. {setlId})' },
  'today.cashTaken': { 'zh-CN': '现金已收', en: 'Cash taken' },
  'today.cashOpen': { 'zh-CN': '现金未确认', en: 'Cash not confirmed' },
  'today.reprint': { 'zh-CN': '补打凭条', en: 'Reprint' },
  'today.cancel': { 'zh-CN': '撤销', en: 'Cancel' },
  'today.reprinted': { 'zh-CN': '已补打 {setlId} 的凭条', en: 'Reprinted the slip of {setlId}' },
  'today.saved': { 'zh-CN': '凭条已保存为电子文件（未配置打印机）', en: 'Slip saved as PDF (no printer configured)' },
  'today.failed': { 'zh-CN': '没有成功：{why}', en: 'Not done: {why}' },
  'today.back': { 'zh-CN': '返回', en: 'Back' },
  // 交班签退: the operator ends their shift on the staff side with their own PIN.
  'shift.end': { 'zh-CN': '交班签退', en: 'End shift and sign out' },
  'shift.hint': {
    'zh-CN': '签退后本窗口暂停收费，下一位操作员签到后才能继续。请 {name} 输入自己的密码确认签退',
    en: 'After signing out this counter stops taking payments until the next operator signs in. {name}, enter your own PIN to sign out.',
  },
  'shift.pin': { 'zh-CN': '操作员密码', en: 'Operator PIN' },
  'shift.confirm': { 'zh-CN': '确认签退', en: 'Sign out' },
  'shift.keep': { 'zh-CN': '不签退，返回查询', en: 'Do not sign out; back to the lookup' },
  'shift.wrongPin': { 'zh-CN': '密码不对，没有签退，请重新输入', en: 'Wrong PIN: still signed in. Please enter it again.' },
  'shift.failed': { 'zh-CN': '没有签退：{why}', en: 'Not signed out: {why}' },
} as const satisfies Record<string, Record<Locale, string>>;

export type StaffMessageKey = keyof typeof STAFF_MESSAGES;
