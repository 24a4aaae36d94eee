import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { OPERATOR, button, heading, injectFault, sandboxGet, signInOperator, enrolLookAlike } from './support/counter';
import { ARTIFACTS } from './support/kiosk';
import { kioskFor, placeOrder, sharedBrowser } from './support/sizeWalks';

/**
 * Issue 13: every patient screen of every counter mode, in zh-CN at 1920×1080, as a patient
 * meets it. On each: (a) no Latin word in the visible text but codes and ALLOWED_WORDS, and
 * (b) a back (上一步) and an end (结束) control, except where NO_BACK / NO_END say why not.
 * Screenshots: test/artifacts/screens/walk/<name>.png. Each test collects every screen's
 * findings and expects none, so one run lists them all.
 */
type Person = (typeof DEMO_PERSONS)[number];
const [A, B, C, D] = DEMO_PERSONS as [Person, Person, Person, Person];
const WALK = path.join(ARTIFACTS, 'screens', 'walk');

/**
 * Latin words a zh-CN screen may show: the language button's name for the other language, and
 * "CT", which is how Chinese hospitals name the scan in their own item names (CT检查, from the HIS).
 */
const ALLOWED_WORDS: ReadonlySet<string> = new Set(['English', 'CT']);

/** Screens (their data-screen) without 上一步, and why. */
const NO_BACK: Readonly<Record<string, string>> = {
  home: 'the start: nothing to go back to',
  closed: 'a staffed counter with nobody signed in (after 交班签退): no patient, nothing to go back to or end',
  cart: "the pharmacy's start, run by staff",
  settling: 'a payment under way: going back could hide its outcome',
  receipt: 'the end of the visit: 完成',
  admitted: 'the end of the admission: 完成',
  'cash-taken': 'the settlement is done; only the cashier moves it on',
};
/** Screens without 结束, and why. */
const NO_END: Readonly<Record<string, string>> = {
  ...NO_BACK,
  receipt: 'the end itself: 完成 (once the slip is out)',
  admitted: 'the end itself: 完成',
  cancel: "staff's authorisation of a cancel; 上一步 returns to the receipt, which ends with 完成",
  today: "staff's lookup between patients (and 交班签退): no patient's visit to end; 上一步 returns home",
};

/** Letters-only tokens of two or more letters in what the page shows; a token with a digit is a code (1101, KIOSK-E2E, 27mg). */
async function latinWords(page: Page): Promise<string[]> {
  const tokens = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !el.checkVisibility({ visibilityProperty: true })) continue;
      found.push(...((node.textContent ?? '').match(/[A-Za-z0-9][A-Za-z0-9._*-]*/g) ?? []));
    }
    for (const input of document.querySelectorAll('input')) {
      if (input.checkVisibility()) found.push(...(`${input.placeholder} ${input.value}`.match(/[A-Za-z0-9][A-Za-z0-9._*-]*/g) ?? []));
    }
    return found;
  });
  return tokens.filter((t) => !/\d/.test(t) && /[A-Za-z]{2,}/.test(t) && !ALLOWED_WORDS.has(t));
}

const visible = async (page: Page, name: string | RegExp) => {
  const all = page.getByRole('button', { name, exact: typeof name === 'string' });
  for (let i = 0; i < (await all.count()); i++) if (await all.nth(i).isVisible()) return true;
  return false;
};

/** Screenshot, then the two checks; what they find is added to `found`. */
async function visit(page: Page, name: string, found: string[]): Promise<void> {
  await page.waitForTimeout(50); // fonts and layout settle, as checkScreen does
  mkdirSync(WALK, { recursive: true });
  await page.screenshot({ path: path.join(WALK, `${name}.png`) });
  const screen = await page.locator('[data-screen]').first().getAttribute('data-screen');
  if (!screen) {
    found.push(`${name}: no screen shown`);
    return;
  }
  for (const word of await latinWords(page)) found.push(`${name} (${screen}): Latin word "${word}"`);
  if (!(screen in NO_BACK) && !(await visible(page, '上一步'))) found.push(`${name} (${screen}): no 上一步`);
  if (!(screen in NO_END) && !(await visible(page, /结束/))) found.push(`${name} (${screen}): no 结束`);
}

/** The ID-number form, typed by staff; at a staffed counter the signed-in operator's number is already there. */
async function typeIdNumber(page: Page, person: Person): Promise<void> {
  await button(page, '身份证号（工作人员录入）').click();
  await page.getByLabel('身份证号码', { exact: true }).fill(person.certno);
  const operator = page.getByLabel('工作人员工号', { exact: true });
  if (await operator.isEditable()) await operator.fill(OPERATOR.id);
  await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
}

/** Staff type the ID number with their number and PIN: ends on "is this you?". */
async function byIdNumber(page: Page, person: Person, found: string[], prefix: string): Promise<void> {
  await button(page, '不刷脸，用其他方式').click();
  await heading(page, '请选择一种方式').waitFor();
  await visit(page, `${prefix}-other-ways`, found);
  await typeIdNumber(page, person);
  await visit(page, `${prefix}-id-number`, found);
  await button(page, '确定').click();
  await heading(page, '请确认是您本人').waitFor();
  await visit(page, `${prefix}-is-this-you`, found);
}

/** After 确认支付: the cash step if cash is due (the cashier confirms with their PIN), then the receipt. */
async function throughCash(page: Page, found: string[], prefix: string): Promise<void> {
  await page.locator('[data-screen="receipt"], [data-screen="cash-taken"]').waitFor();
  if ((await page.locator('[data-screen="cash-taken"]').count()) > 0) {
    await visit(page, `${prefix}-cash`, found);
    const pin = page.getByLabel('操作员密码', { exact: true });
    if ((await pin.count()) > 0) await pin.fill(OPERATOR.pin);
    await button(page, '收费员：已收到现金').click();
  }
  await page.locator('[data-screen="receipt"]').waitFor();
}

const browser = sharedBrowser();

describe('every patient screen, registration kiosk', () => {
  const get = kioskFor(browser, 'registration', async ({ kiosk }) => {
    // A look-alike enrolled with A's face: the service asks A for the last four digits.
    await enrolLookAlike(kiosk);
  });

  it('the check itself finds English: the same home screen after the language button', async () => {
    const { page } = get();
    await heading(page, '刷脸就医').waitFor();
    await button(page, 'English').click();
    expect((await latinWords(page)).length).toBeGreaterThan(3);
    await button(page, '中文').click();
    await heading(page, '刷脸就医').waitFor();
    expect(await latinWords(page)).toEqual([]);
  });

  it('face, second factor, department, doctor, confirm, a refused payment and 重新支付, settling, the slip', async () => {
    const { page, kiosk } = get();
    const found: string[] = [];
    await heading(page, '刷脸就医').waitFor();
    await visit(page, 'registration-home', found);
    await button(page, '开始刷脸').click();
    await heading(page, '刷脸前，请您确认').waitFor();
    await visit(page, 'registration-consent', found);
    // The face screen stays while it is checked: its answer waits until then.
    let release = () => undefined as void;
    const checked = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/identifyByFace', async (route) => {
      await checked;
      await route.continue();
    });
    await button(page, '同意，开始刷脸').click();
    await page.locator('[data-camera-status="live"]').waitFor({ timeout: 30_000 });
    await visit(page, 'registration-face', found);
    release();
    await heading(page, '请输入身份证号码最后四位').waitFor({ timeout: 60_000 });
    await page.unroute('**/api/identifyByFace');
    await visit(page, 'registration-second-factor', found);
    await page.getByLabel('身份证号后四位', { exact: true }).fill(A.certno.slice(-4));
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    await visit(page, 'registration-is-this-you', found);
    await button(page, '是我本人').click();
    await heading(page, '请选择科室').waitFor();
    await visit(page, 'registration-departments', found);
    await button(page, '内科').click();
    await heading(page, '请选择医生').waitFor();
    await visit(page, 'registration-doctors', found);
    const doctor = page.locator('[data-screen="slots"] .button--row').first();
    expect(await doctor.innerText()).toMatch(/\d{1,2}月\d{1,2}日 [上下]午/);
    await doctor.click();
    await heading(page, '请核对费用').waitFor();
    await visit(page, 'registration-confirm', found);
    // 上一步 gives the booked place back; choosing the same doctor books it again.
    await button(page, '上一步').click();
    await heading(page, '请选择医生').waitFor();
    await doctor.click();
    await heading(page, '请核对费用').waitFor();
    // Refused twice (a refusal on a sign-in that is not fresh is tried once more): known not paid.
    await injectFault(kiosk, { infno: '2207', mode: 'error', times: 2 });
    await button(page, '确认支付').click();
    await heading(page, '这一步没有办成').waitFor();
    await page.getByText('这次支付没有成功，没有扣费。').waitFor();
    await visit(page, 'registration-payment-refused', found);
    await button(page, '重新支付').click();
    await heading(page, '请核对费用').waitFor();
    await visit(page, 'registration-confirm-again', found);
    await injectFault(kiosk, { infno: '2207', mode: 'latency', latencyMs: 1500, times: 1 });
    await button(page, '确认支付').click();
    await heading(page, '正在支付，请稍候').waitFor();
    await visit(page, 'registration-settling', found);
    await page.locator('[data-screen="receipt"]').waitFor();
    await visit(page, 'registration-slip', found);
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
    expect(found).toEqual([]);
  });

  it('the other ways in, staff typing the ID number, a cancel at the confirmation', async () => {
    const { page } = get();
    const found: string[] = [];
    await heading(page, '刷脸就医').waitFor();
    await button(page, '开始刷脸').click();
    await button(page, '不同意，用其他方式').click();
    await heading(page, '请选择一种方式').waitFor();
    await button(page, '医保电子凭证二维码').click();
    await heading(page, '请出示医保码').waitFor();
    await visit(page, 'registration-qr', found);
    await button(page, '上一步').click();
    await button(page, '社保卡').click();
    await page.locator('[data-screen="card"]').waitFor();
    await visit(page, 'registration-card', found);
    await button(page, '上一步').click();
    await heading(page, '请选择一种方式').waitFor();
    await button(page, '上一步').click();
    await heading(page, '刷脸就医').waitFor();
    await byIdNumber(page, C, found, 'registration');
    await button(page, '是我本人').click();
    await button(page, '内科').click();
    await page.locator('[data-screen="slots"] .button--row').nth(1).click();
    await heading(page, '请核对费用').waitFor();
    await button(page, '不支付，结束').click();
    await heading(page, '已取消，没有扣费').waitFor();
    await visit(page, 'registration-cancelled', found);
    await button(page, '结束').click();
    await heading(page, '刷脸就医').waitFor();
    expect(found).toEqual([]);
  });
});

describe('every patient screen, cashier counter', () => {
  const get = kioskFor(browser, 'cashier', async (k) => signInOperator(k.page));

  it('the bills, the split, the cash, the receipt; no bills; a result pending', async () => {
    const { page, kiosk } = get();
    const found: string[] = [];
    await placeOrder(kiosk, B.psnNo, [['YP0001', 1], ['FW0003', 1]]);
    await heading(page, '刷脸就医').waitFor();
    await visit(page, 'cashier-home', found);
    await byIdNumber(page, B, found, 'cashier');
    await button(page, '是我本人').click();
    await heading(page, '请选择要缴费的就诊').waitFor();
    await visit(page, 'cashier-bills', found);
    await button(page, '缴这次的费用').first().click();
    await heading(page, '请核对费用').waitFor();
    await visit(page, 'cashier-confirm', found);
    await button(page, '确认支付').click();
    await throughCash(page, found, 'cashier');
    await visit(page, 'cashier-receipt', found);
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();

    await byIdNumber(page, D, found, 'cashier-none');
    await button(page, '是我本人').click();
    await heading(page, '您没有待缴的费用').waitFor();
    await visit(page, 'cashier-no-bills', found);
    await button(page, '结束').click();
    await heading(page, '刷脸就医').waitFor();

    await byIdNumber(page, C, found, 'cashier-pending');
    await button(page, '是我本人').click();
    await button(page, '缴这次的费用').first().click();
    await heading(page, '请核对费用').waitFor();
    await injectFault(kiosk, { infno: '2207', mode: 'commit-then-drop', times: 1 });
    await button(page, '确认支付').click();
    await heading(page, '结算结果确认中').waitFor();
    await visit(page, 'cashier-pending-receipt', found);
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
    expect(found).toEqual([]);
  });
});

describe('every patient screen, pharmacy counter', () => {
  const get = kioskFor(browser, 'pharmacy', async (k) => signInOperator(k.page));

  it('the cart, consent declined, the ID number, the confirmation, the receipt', async () => {
    const { page } = get();
    const found: string[] = [];
    await heading(page, '药品清单').waitFor();
    await page.keyboard.type('6901234560017');
    await page.keyboard.press('Enter');
    await page.locator('.cart tr').first().waitFor();
    await visit(page, 'pharmacy-cart', found);
    await button(page, '请患者刷脸支付').click();
    await heading(page, '刷脸前，请您确认').waitFor();
    await visit(page, 'pharmacy-consent', found);
    await button(page, '不同意，用其他方式').click();
    await heading(page, '请选择一种方式').waitFor();
    await visit(page, 'pharmacy-other-ways', found);
    await typeIdNumber(page, A);
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    await visit(page, 'pharmacy-is-this-you', found);
    await button(page, '是我本人').click();
    await heading(page, '请核对费用').waitFor();
    await visit(page, 'pharmacy-confirm', found);
    await button(page, '确认支付').click();
    await page.locator('[data-screen="receipt"]').waitFor();
    await visit(page, 'pharmacy-receipt', found);
    await button(page, '完成').click();
    await heading(page, '药品清单').waitFor();
    expect(found).toEqual([]);
  });
});

describe('every patient screen, inpatient desk', () => {
  let stayNo = '';
  const get = kioskFor(browser, 'inpatient', async (k) => {
    const { stays } = await sandboxGet<{ stays: { stayNo: string; status: string }[] }>(k.kiosk, `/his/persons/${A.psnNo}/stays`);
    stayNo = stays.find((s) => s.status === 'admitted')!.stayNo;
    await signInOperator(k.page);
  });

  it('the stay (a wrong number said so), admission, then the discharge settlement', async () => {
    const { page } = get();
    const found: string[] = [];
    await heading(page, '刷脸就医').waitFor();
    await visit(page, 'inpatient-home', found);
    await byIdNumber(page, A, found, 'inpatient');
    await button(page, '是我本人').click();
    await heading(page, '请选择或录入住院号').waitFor();
    await page.getByRole('button', { name: new RegExp(stayNo) }).waitFor();
    await visit(page, 'inpatient-stays', found);
    await page.getByLabel('住院号', { exact: true }).fill('ZY0000999');
    await button(page, '办理出院结算').click();
    await page.getByText(/没有住院号 ZY0000999/).waitFor();
    await visit(page, 'inpatient-stay-unknown', found);
    await page.getByRole('button', { name: new RegExp(stayNo) }).click();
    await button(page, '办理入院登记').click();
    await heading(page, '入院登记').waitFor();
    await visit(page, 'inpatient-diagnosis', found);
    await page.getByLabel('诊断编码', { exact: true }).fill('E11.900');
    await page.getByLabel('诊断名称', { exact: true }).fill('2型糖尿病');
    await button(page, '确认入院登记').click();
    await page.locator('[data-screen="admitted"]').waitFor();
    await visit(page, 'inpatient-admitted', found);
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();

    await byIdNumber(page, A, found, 'inpatient-discharge');
    await button(page, '是我本人').click();
    await page.getByRole('button', { name: new RegExp(stayNo) }).click();
    await button(page, '办理出院结算').click();
    await heading(page, '请核对费用').waitFor();
    await visit(page, 'inpatient-confirm', found);
    await button(page, '确认支付').click();
    await page.locator('[data-screen="receipt"]').waitFor();
    await visit(page, 'inpatient-receipt', found);
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
    expect(found).toEqual([]);
  });
});

describe('every staff screen, cashier counter (issue 13: the cashier’s day)', () => {
  const get = kioskFor(browser, 'cashier', async (k) => signInOperator(k.page));

  it('cash taken (a wrong PIN), today’s lookup and its rows, reprint, the cancel form, 交班签退', async () => {
    const { page, kiosk } = get();
    const found: string[] = [];
    const message = page.getByTestId('today-message');
    await placeOrder(kiosk, B.psnNo, [['YP0001', 1]]);
    await heading(page, '刷脸就医').waitFor();
    await byIdNumber(page, B, found, 'staff');
    await button(page, '是我本人').click();
    await button(page, '缴这次的费用').first().click();
    await heading(page, '请核对费用').waitFor();
    await button(page, '确认支付').click();
    // B has no personal account: cash is due, and the cashier's box is the staff side of this screen.
    await page.locator('[data-screen="cash-taken"]').waitFor();
    await page.getByLabel('操作员密码', { exact: true }).fill('000000');
    await button(page, '收费员：已收到现金').click();
    await page.getByRole('alert').filter({ hasText: '密码不对' }).waitFor();
    await visit(page, 'staff-cash-wrong-pin', found);
    await page.getByLabel('操作员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '收费员：已收到现金').click();
    await page.locator('[data-screen="receipt"]').waitFor();
    const setlId = await page.getByTestId('receipt-setl-id').innerText();
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();

    await button(page, '演示收费员 今日结算').click();
    await heading(page, '今日结算查询').waitFor();
    await visit(page, 'staff-today-pin', found);
    await page.getByLabel('操作员密码', { exact: true }).fill('000000');
    await button(page, '打开查询').click();
    await message.filter({ hasText: '密码不对' }).waitFor();
    await visit(page, 'staff-today-wrong-pin', found);
    await page.getByLabel('操作员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '打开查询').click();
    const row = page.locator(`[data-testid="today-row"][data-setl-id="${setlId}"]`);
    await row.waitFor();
    await visit(page, 'staff-today-list', found);
    await row.getByRole('button', { name: /^补打凭条/ }).click();
    await message.waitFor();
    await visit(page, 'staff-today-reprint', found);

    await row.getByRole('button', { name: /^撤销/ }).click();
    await heading(page, '撤销结算需要工作人员授权').waitFor();
    await visit(page, 'staff-cancel', found);
    await page.getByLabel('工作人员密码', { exact: true }).fill('000000');
    await button(page, '确认撤销').click();
    await page.getByRole('alert').filter({ hasText: '没有撤销' }).waitFor();
    await visit(page, 'staff-cancel-wrong-pin', found);
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '确认撤销').click();
    await heading(page, '医保结算撤销凭条').waitFor();
    await visit(page, 'staff-cancel-slip', found);
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();

    // The lookup again: the settlement listed as cancelled, beside its cancel.
    await button(page, '演示收费员 今日结算').click();
    await page.getByLabel('操作员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '打开查询').click();
    await page.locator(`[data-testid="today-row"][data-setl-id="${setlId}"][data-state="cancelled"]`).waitFor();
    await visit(page, 'staff-today-cancelled', found);

    await button(page, '交班签退').click();
    await page.getByTestId('shift-end').waitFor();
    await visit(page, 'staff-shift-end', found);
    await page.getByLabel('操作员密码', { exact: true }).fill('000000');
    await button(page, '确认签退').click();
    await page.getByRole('alert').filter({ hasText: '没有签退' }).waitFor();
    await visit(page, 'staff-shift-end-wrong-pin', found);
    await page.getByLabel('操作员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '确认签退').click();
    await heading(page, '本窗口暂未开放').waitFor();
    await visit(page, 'staff-signed-out', found);
    expect(await page.getByTestId('staff-operator').count()).toBe(0);
    expect(found).toEqual([]);
  });
});
