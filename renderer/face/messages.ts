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
  // The gentle challenge and its way around (issue 13 point 5).
  'face.challenge.blinkOrNod': { 'zh-CN': '请慢慢眨一下眼睛，或者轻轻点一下头', en: 'Please blink slowly once, or nod a little' },
  'face.challenge.demo': { 'zh-CN': '请照这样做', en: 'Like this' },
  'face.challenge.progress': { 'zh-CN': '动作完成 {n}%', en: '{n}% done' },
  'face.offer.text': {
    'zh-CN': '做不了动作也没关系：可以输入身份证号后四位，或请工作人员来帮您',
    en: 'No gesture needed: you can enter the last four digits of your ID number, or ask staff for help',
  },
  'face.offer.digits': { 'zh-CN': '输入身份证号后四位', en: 'Enter the last 4 ID digits' },
  'face.offer.staff': { 'zh-CN': '请工作人员来帮忙', en: 'Ask staff for help' },
  'face.offer.waiting': {
    'zh-CN': '请看着屏幕，拍好照片后就请您输入身份证号后四位',
    en: 'Please look at the screen. After the photo, you will enter the last four digits of your ID number',
  },
  'face.second.why.noMotion': {
    'zh-CN': '不用做动作：输入身份证号码的最后四位，确认是您本人',
    en: 'No gesture needed: enter the last four digits of your ID number to confirm it is you',
  },
  'face.second.why.amount': {
    'zh-CN': '这次金额较大，为保护您的医保，请输入身份证号码的最后四位',
    en: 'This amount is larger: to protect your insurance, please enter the last four digits of your ID number',
  },
  'face.second.locked.title': { 'zh-CN': '身份证号后四位不对', en: 'The digits did not match' },
  'face.second.locked.text': {
    'zh-CN': '三次输入的号码都与身份证号码不符，这次不能用刷脸。请用下面的其他方式，或请工作人员来帮您',
    en: 'The digits did not match the ID number three times, so the face check cannot be used this time. Please use another way below, or ask staff for help',
  },
  'face.attempt.retry': { 'zh-CN': '没有成功，我们再试一次', en: 'That did not work. Let us try again' },
  'face.attempt.alternatives': {
    'zh-CN': '刷脸没有成功。请用医保电子凭证二维码、社保卡，或请工作人员录入身份证号，也可以呼叫工作人员',
    en: 'Face check did not work. Please use your e-voucher QR code or social-security card, have staff type your ID number, or call staff',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type FaceMessageKey = keyof typeof FACE_MESSAGES;
