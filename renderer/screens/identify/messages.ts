import type { Locale } from '../../../shared/config/terminalConfig';

/**
 * The words of the card and staff-typed number screens (issue 13 items 1 and 7), kept beside the
 * code and joined into the app's catalogues by i18n/index.ts. Nobody is ever asked for a 卡识别码:
 * only a reader can supply it (renderer/README.md, "The social-security card without a reader").
 */
export const IDENTIFY_MESSAGES = {
  'card.reader.title': { 'zh-CN': '请把社保卡插入读卡器', en: 'Please put your social-security card into the reader' },
  'card.reader.text': { 'zh-CN': '芯片朝里插好，再按“读卡”。不用输入任何号码', en: 'Chip first, then press “Read card”. You do not need to type any number' },
  'card.reader.read': { 'zh-CN': '读卡', en: 'Read card' },
  'card.reader.noCard': { 'zh-CN': '没有读到社保卡。请把卡插好（芯片朝里），再按“读卡”', en: 'No card was found in the reader. Please insert it chip first and press “Read card” again' },
  'card.reader.unreadable': {
    'zh-CN': '这张卡读不出来。可以请工作人员输入卡面上的社会保障号码，或换一种方式',
    en: 'This card cannot be read. Staff can type the social-security number printed on it, or use another way',
  },
  'card.reader.byStaff': { 'zh-CN': '读不出来？请工作人员输入卡上号码', en: 'Card not read? Staff type the number on it' },
  'card.staff.title': { 'zh-CN': '请把社保卡交给工作人员', en: 'Please hand your social-security card to staff' },
  'card.staff.text': { 'zh-CN': '工作人员输入卡面上的社会保障号码，就是身份证号码', en: 'Staff type the social-security number printed on the card, which is the ID number' },
  'card.staff.noReader': {
    'zh-CN': '本机没有读卡器，工作人员输入卡面上的社会保障号码，就是身份证号码',
    en: 'There is no card reader here. Staff type the social-security number printed on the card, which is the ID number',
  },
  'card.staff.number': { 'zh-CN': '社会保障号码', en: 'Social-security number' },
  'card.staff.field': { 'zh-CN': '卡面上的社会保障号码', en: 'Social-security number on the card' },
  'idn.incomplete': { 'zh-CN': '{what}是18位，请输完整', en: 'The {what} has 18 characters. Please type all of them' },
  'idn.checkDigit': { 'zh-CN': '{what}有误，请核对后重新输入', en: 'The {what} is not right. Please check it and type it again' },
  'idn.correct': { 'zh-CN': '改正号码', en: 'Correct the number' },
  'idn.staffMissing': { 'zh-CN': '请输入工作人员工号和密码', en: 'Please type the staff number and PIN' },
  'idn.notFound': {
    'zh-CN': '医保中心没有查到这个{what}的参保信息。请核对号码，按“改正号码”重新输入；也可以用其他方式，或呼叫工作人员',
    en: 'The insurance centre found no insurance record for this {what}. Check the number and press “Correct the number”; or use another way, or call staff',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type IdentifyMessageKey = keyof typeof IDENTIFY_MESSAGES;
