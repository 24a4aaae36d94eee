/** Simplified Chinese, the default. Short sentences, one instruction each: they are also spoken. */
export const zhCN = {
  'app.title': '刷脸就医',
  'mode.registration': '自助挂号缴费',
  'mode.cashier': '收费窗口',
  'mode.pharmacy': '药房结算',
  'mode.inpatient': '住院结算',
  'home.welcome': '不用带卡，不用手机',
  'home.instruction': '请点击下方按钮，看向屏幕即可',
  'home.start': '开始刷脸',
  'home.otherWays': '刷医保码 · 社保卡 · 身份证',
  'common.callStaff': '呼叫工作人员',
  'common.back': '返回',
  'common.language': 'English',
  'staff.called': '已呼叫工作人员，请稍候。号码 {ticket}',
  'staff.failed': '呼叫没有成功，请直接到窗口找工作人员',
  'idle.question': '您还需要更多时间吗？',
  'idle.more': '需要，继续办理',
  'idle.done': '不需要，结束',
  'face.title': '请看向屏幕',
  'face.hint': '请把脸放在框内，保持不动',
  'face.camera.starting': '正在打开摄像头…',
  'face.camera.denied': '摄像头不可用，请使用其他方式或呼叫工作人员',
  'startup.loading': '正在启动…',
  'startup.failed': '终端暂时无法使用，请到人工窗口办理',
} as const;

export type MessageKey = keyof typeof zhCN;
