import type { BrowserContext, Page } from 'playwright-core';
import { type RunningKiosk, startKiosk } from './support/kiosk';
import { OPERATOR, checkScreen, heading, terminalConfig, enrolLookAlike } from './support/counter';

/** A valid resident ID number whose check digit is X (GB 11643); no demo person holds it. */
const ID_WITH_X = '42120219580315005X';
/** The 社会保障号码 printed on the first demo person's social-security card: their ID number (sandbox/seed/demoPersons.ts). */
const CARD = { printed: '421202195803150017' };

let kiosk: RunningKiosk;
let touch: BrowserContext;
let page: Page;

beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('registration') });
  // Look-alikes: a second person enrolled with the same face, so the service asks for the last four digits.
  await enrolLookAlike(kiosk);
  // A touchscreen and nothing else: the page is driven by taps alone, never a key or a mouse.
  await kiosk.page.close();
  touch = await kiosk.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', hasTouch: true });
  page = await touch.newPage();
  await page.goto(kiosk.host.url);
});
afterAll(async () => {
  await touch?.close();
  await kiosk?.close();
});

const tapButton = (name: string) => page.getByRole('button', { name, exact: true }).tap();

/** What has focus: a keypad key must never take it from the field. */
const focusIn = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { label: el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : el?.tagName ?? '', inKeypad: Boolean(el?.closest('.keypad')) };
  });

/** Taps the characters on the field's keypad, switching between digits and letters as a person would. */
async function tapOnKeypad(field: string, text: string): Promise<void> {
  const keypad = page.getByRole('group', { name: `数字键盘：${field}`, exact: true });
  let letters = false;
  for (const char of text) {
    // An ID number's X is on the digits; other letters are behind 字母.
    const checkDigitX: boolean = char === 'X' && !letters && (await keypad.getByRole('button', { name: 'X', exact: true }).count()) > 0;
    const wantLetters: boolean = /[A-Z]/.test(char) && !checkDigitX;
    if (wantLetters !== letters) {
      await keypad.getByRole('button', { name: wantLetters ? '字母' : '数字', exact: true }).tap();
      letters = wantLetters;
    }
    const before = await focusIn();
    await keypad.getByRole('button', { name: char, exact: true }).tap();
    expect(await focusIn()).toEqual(before);
  }
}

const confirmOn = (field: string) =>
  page.getByRole('group', { name: `数字键盘：${field}`, exact: true }).getByRole('button', { name: '确认', exact: true }).tap();

const valueOf = (label: string) => page.getByLabel(label, { exact: true }).inputValue();

describe('the on-screen keypad, by touch alone', () => {
  it('a patient completes the second factor on the keypad', async () => {
    await tapButton('开始刷脸');
    await heading(page, '刷脸前，请您确认').waitFor();
    await tapButton('同意，开始刷脸');
    await heading(page, '请输入身份证号码最后四位').waitFor({ timeout: 60_000 });
    const field = page.getByLabel('身份证号后四位', { exact: true });
    // The field asks the system for no keyboard of its own: nothing covers the screen.
    expect(await field.getAttribute('inputmode')).toBe('none');
    await tapOnKeypad('身份证号后四位', '0017');
    expect(await field.inputValue()).toBe('0017');
    await checkScreen(page, 'keypad-second-factor');
    await confirmOn('身份证号后四位');
    await heading(page, '请确认是您本人').waitFor();
    expect(await page.locator('main').innerText()).toContain('欧*明');
    // "Not me" forgets this identification and offers the other ways, where staff take over.
    await tapButton('不是我');
    await heading(page, '请选择一种方式').waitFor();
  });

  it('staff type an ID number ending in X with their number and PIN, then a card number, on the keypad', async () => {
    await tapButton('身份证号（工作人员录入）');
    await tapOnKeypad('身份证号码', ID_WITH_X);
    expect(await valueOf('身份证号码')).toBe(ID_WITH_X);
    await confirmOn('身份证号码');
    await tapOnKeypad('工作人员工号', OPERATOR.id);
    await confirmOn('工作人员工号');
    await tapOnKeypad('工作人员密码', OPERATOR.pin);
    expect(await valueOf('工作人员工号')).toBe(OPERATOR.id);
    expect(await valueOf('工作人员密码')).toBe(OPERATOR.pin);
    await checkScreen(page, 'keypad-id-number');
    await confirmOn('工作人员密码');
    // The number went to the platform as typed, X included: it has nobody under it, and the screen says what was checked.
    await page.getByText('医保中心没有查到这个身份证号码的参保信息', { exact: false }).waitFor();
    await tapButton('用其他方式');
    await tapButton('社保卡');
    // No reader at this kiosk: staff type the 社会保障号码 printed on the card, never a 卡识别码.
    await tapOnKeypad('卡面上的社会保障号码', CARD.printed);
    await confirmOn('卡面上的社会保障号码');
    await tapOnKeypad('工作人员工号', OPERATOR.id);
    await confirmOn('工作人员工号');
    await tapOnKeypad('工作人员密码', OPERATOR.pin);
    expect(await valueOf('卡面上的社会保障号码')).toBe(CARD.printed);
    expect(await page.getByLabel('卡识别码').count()).toBe(0);
    await checkScreen(page, 'keypad-card');
    await confirmOn('工作人员密码');
    await heading(page, '请确认是您本人').waitFor();
    expect(await page.locator('main').innerText()).toContain('欧*明');
  });
});
