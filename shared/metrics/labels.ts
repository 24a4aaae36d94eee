import type {
  FALLBACKS,
  GATE_FAILURE_REASONS,
  IDENTIFICATION_OUTCOMES,
  LIVENESS_FAILURE_REASONS,
  MetricsSummary,
  PASSWORD_FREE_OUTCOMES,
  REVERSAL_KINDS,
  SECOND_FACTOR_OUTCOMES,
  SETTLEMENT_OUTCOMES,
  Step,
} from './events';

/**
 * The inclusion metrics' names in words, shared by the admin page (renderer/admin) and the CSV
 * main exports, so a figure is called the same on screen and in the spreadsheet.
 */
export type Words = { 'zh-CN': string; en: string };
type Named<K extends string> = Record<K, Words>;

export const GATE_WORDS: Named<(typeof GATE_FAILURE_REASONS)[number]> = {
  'no-face': { 'zh-CN': '画面里没有人脸', en: 'no face' },
  'several-faces': { 'zh-CN': '画面里有多人', en: 'several faces' },
  'too-far': { 'zh-CN': '离得太远', en: 'too far' },
  'too-close': { 'zh-CN': '离得太近', en: 'too close' },
  'off-centre': { 'zh-CN': '没有对准', en: 'off centre' },
  'not-frontal': { 'zh-CN': '没有正对屏幕', en: 'not facing the screen' },
  'too-dark': { 'zh-CN': '光线太暗', en: 'too dark' },
  backlit: { 'zh-CN': '逆光', en: 'backlit' },
  'eyes-closed': { 'zh-CN': '闭着眼', en: 'eyes closed' },
  blurry: { 'zh-CN': '画面模糊', en: 'blurry' },
};

export const LIVENESS_WORDS: Named<(typeof LIVENESS_FAILURE_REASONS)[number]> = {
  timeout: { 'zh-CN': '没有及时完成动作', en: 'gesture not done in time' },
  'face-jump': { 'zh-CN': '人脸突然换了位置', en: 'face jumped' },
  'face-lost': { 'zh-CN': '人脸离开了画面', en: 'face left the frame' },
  'spoof-suspected': { 'zh-CN': '疑似照片或视频', en: 'photo or video suspected' },
};

export const IDENTIFICATION_WORDS: Named<(typeof IDENTIFICATION_OUTCOMES)[number]> = {
  identified: { 'zh-CN': '识别成功', en: 'identified' },
  'second-factor': { 'zh-CN': '需要二次验证', en: 'second check asked' },
  'wrong-digits': { 'zh-CN': '二次验证数字不对', en: 'wrong digits' },
  retry: { 'zh-CN': '需要重拍', en: 'retake asked' },
  'not-found': { 'zh-CN': '没有找到', en: 'not found' },
  error: { 'zh-CN': '识别出错', en: 'error' },
};

export const SECOND_FACTOR_WORDS: Named<(typeof SECOND_FACTOR_OUTCOMES)[number]> = {
  passed: { 'zh-CN': '通过', en: 'passed' },
  failed: { 'zh-CN': '未通过', en: 'failed' },
  abandoned: { 'zh-CN': '中途放弃', en: 'abandoned' },
};

export const FALLBACK_WORDS: Named<(typeof FALLBACKS)[number]> = {
  qr: { 'zh-CN': '医保码', en: 'e-voucher QR' },
  card: { 'zh-CN': '社保卡', en: 'social-security card' },
  'id-number': { 'zh-CN': '身份证号（工作人员录入）', en: 'ID number (typed by staff)' },
  staff: { 'zh-CN': '呼叫工作人员', en: 'called staff' },
};

export const SETTLEMENT_WORDS: Named<(typeof SETTLEMENT_OUTCOMES)[number]> = {
  settled: { 'zh-CN': '成功', en: 'settled' },
  failed: { 'zh-CN': '失败', en: 'failed' },
  unknown: { 'zh-CN': '结果确认中', en: 'outcome unknown' },
  cancelled: { 'zh-CN': '已撤销', en: 'cancelled' },
};

export const REVERSAL_WORDS: Named<(typeof REVERSAL_KINDS)[number]> = {
  cancellation: { 'zh-CN': '患者撤销', en: 'cancelled by patient' },
  'unknown-outcome': { 'zh-CN': '结果不明，已冲正', en: 'unknown outcome reversed' },
};

/** The password-free cap (issue 15): the group's title, on the admin page and over its CSV columns. */
export const PASSWORD_FREE_TITLE: Words = { 'zh-CN': '免密限额', en: 'Password-free cap' };
export const PASSWORD_FREE_WORDS: Named<(typeof PASSWORD_FREE_OUTCOMES)[number]> = {
  'within-cap': { 'zh-CN': '限额内刷脸支付', en: 'paid by face within the cap' },
  asked: { 'zh-CN': '超限额需二次验证', en: 'second factor asked above the cap' },
  'id-digits': { 'zh-CN': '身份证后四位确认', en: 'confirmed by ID digits' },
  'staff-pin': { 'zh-CN': '工作人员密码确认', en: 'confirmed by staff PIN' },
  'digits-wrong': { 'zh-CN': '后四位输错', en: 'wrong ID digits' },
};

export const STEP_WORDS: Named<Step> = {
  consent: { 'zh-CN': '阅读同意书', en: 'consent' },
  'face-capture': { 'zh-CN': '刷脸拍摄', en: 'face capture' },
  liveness: { 'zh-CN': '活体动作', en: 'liveness gesture' },
  identify: { 'zh-CN': '身份识别', en: 'identification' },
  'second-factor': { 'zh-CN': '二次验证', en: 'second check' },
  confirm: { 'zh-CN': '确认支付', en: 'confirmation' },
  settle: { 'zh-CN': '医保结算', en: 'settlement' },
  receipt: { 'zh-CN': '取凭条', en: 'receipt' },
  visit: { 'zh-CN': '全程', en: 'whole visit' },
};

type Group = Exclude<keyof MetricsSummary, 'day' | 'terminalId' | 'faceAttempts' | 'consentDeclined'>;
const GROUPS: Record<Group, { title: Words; names: Named<string> }> = {
  qualityGateFailures: { title: { 'zh-CN': '画面提示', en: 'Framing prompt' }, names: GATE_WORDS },
  livenessFailures: { title: { 'zh-CN': '活体未通过', en: 'Liveness failed' }, names: LIVENESS_WORDS },
  identifications: { title: { 'zh-CN': '识别结果', en: 'Identification' }, names: IDENTIFICATION_WORDS },
  secondFactor: { title: { 'zh-CN': '二次验证', en: 'Second check' }, names: SECOND_FACTOR_WORDS },
  fallbacks: { title: { 'zh-CN': '其他方式', en: 'Other way' }, names: FALLBACK_WORDS },
  settlements: { title: { 'zh-CN': '结算', en: 'Settlement' }, names: SETTLEMENT_WORDS },
  reversals: { title: { 'zh-CN': '撤销与冲正', en: 'Reversal' }, names: REVERSAL_WORDS },
  passwordFree: { title: PASSWORD_FREE_TITLE, names: PASSWORD_FREE_WORDS },
  medianMs: { title: { 'zh-CN': '用时中位数（毫秒）', en: 'Median ms' }, names: STEP_WORDS },
  timedSteps: { title: { 'zh-CN': '计时次数', en: 'Timings' }, names: STEP_WORDS },
};
const SINGLE: Record<string, Words> = {
  day: { 'zh-CN': '日期', en: 'Day' },
  terminalId: { 'zh-CN': '终端号', en: 'Terminal' },
  faceAttempts: { 'zh-CN': '刷脸次数', en: 'Face attempts' },
  consentDeclined: { 'zh-CN': '不同意刷脸', en: 'Consent declined' },
};

/** A CSV column's title for a flattened summary key (`fallbacks.qr` → 其他方式：医保码); unknown keys stay as they are. */
export function columnTitle(key: string, locale: keyof Words = 'zh-CN'): string {
  const single = SINGLE[key];
  if (single) return single[locale];
  const [group, inner] = key.split('.') as [Group, string | undefined];
  const named = GROUPS[group];
  const name = inner !== undefined ? named?.names[inner] : undefined;
  if (!named || !name) return key;
  return `${named.title[locale]}${locale === 'zh-CN' ? '：' : ': '}${name[locale]}`;
}
