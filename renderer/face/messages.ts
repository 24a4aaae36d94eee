import type { Locale } from '../../shared/config/terminalConfig';

/**
 * The face screen's words, zh-CN and en, keyed for the app's i18n (the lead merges this map).
 * Short and imperative: they are shown large and spoken, to people who may be elderly.
 */
export const FACE_MESSAGES = {
  'face.guide.noFace': { 'zh-CN': '请面向屏幕，站到框内', en: 'Please face the screen and stand in the outline' },
  'face.guide.severalFaces': { 'zh-CN': '请只留一人在镜头前，其他人请稍后退', en: 'One person at a time, please. Others, please step back' },
  'face.guide.tooFar': { 'zh-CN': '请靠近一点', en: 'Please come a little closer' },
  'face.guide.tooClose': { 'zh-CN': '请稍微后退', en: 'Please step back a little' },
  'face.guide.offCentre': { 'zh-CN': '请移动到框的中间', en: 'Please move into the middle of the outline' },
  'face.guide.notFrontal': { 'zh-CN': '请正对屏幕，不要歪头', en: 'Please look straight at the screen' },
  'face.guide.tooDark': { 'zh-CN': '光线太暗，请靠近屏幕或请工作人员开灯', en: 'It is too dark. Please come closer or ask staff for light' },
  'face.guide.backlit': { 'zh-CN': '背后光线太亮，请换个角度站', en: 'The light behind you is too bright. Please turn a little' },
  'face.guide.eyesClosed': { 'zh-CN': '请睁开眼睛', en: 'Please open your eyes' },
  'face.guide.blurry': { 'zh-CN': '请保持不动', en: 'Please hold still' },
  'face.guide.holdStill': { 'zh-CN': '很好，请保持不动', en: 'Good. Please hold still' },
  'face.challenge.blink': { 'zh-CN': '请慢慢眨一下眼睛', en: 'Please blink slowly once' },
  'face.challenge.turnLeft': { 'zh-CN': '请慢慢向左转头，再转回来', en: 'Please turn your head slowly to the left, then back' },
  'face.challenge.turnRight': { 'zh-CN': '请慢慢向右转头，再转回来', en: 'Please turn your head slowly to the right, then back' },
  'face.attempt.retry': { 'zh-CN': '没有成功，我们再试一次', en: 'That did not work. Let us try again' },
  'face.attempt.alternatives': {
    'zh-CN': '刷脸没有成功。请用医保电子凭证二维码、社保卡，或请工作人员录入身份证号，也可以呼叫工作人员',
    en: 'Face check did not work. Please use your e-voucher QR code or social-security card, have staff type your ID number, or call staff',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type FaceMessageKey = keyof typeof FACE_MESSAGES;
