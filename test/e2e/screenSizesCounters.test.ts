import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { OPERATOR, button, heading, injectFault, sandboxGet, signInOperator } from './support/counter';
import { SCREEN_SIZES } from './support/layoutCheck';
import { SIZES, actForFamily, atSize, byCard, cardFromOtherWays, checkEverySize, kioskFor, placeOrder, sharedBrowser, type SizedKiosk } from './support/sizeWalks';

/**
 * The staffed counters (cashier, pharmacy, inpatient desk) at the four screen sizes, as
 * screenSizes.test.ts walks the registration kiosk: every screen at every size, its screenshot,
 * the layout check and axe-core.
 */
const [A, B, C] = DEMO_PERSONS as [(typeof DEMO_PERSONS)[0], (typeof DEMO_PERSONS)[0], (typeof DEMO_PERSONS)[0]];
const browser = sharedBrowser();

describe('cashier counter at every size', () => {
  const get = kioskFor(browser, 'cashier', async (k) => {
    await heading(k.page, '本窗口暂未开放').waitFor();
    await checkEverySize(k, 'cashier-closed');
    await k.page.setViewportSize(SCREEN_SIZES[0]);
    await signInOperator(k.page);
  });

  it.each(SIZES)('$name: a long bill paid in cash, its receipt cancelled', async (size) => {
    const k = get();
    const { page, walk, kiosk } = k;
    // Each walk's own bill, a resident's long one: every line of the catalogue.
    await placeOrder(kiosk, B.psnNo, [['YP0001', 1], ['YP0002', 2], ['YP0003', 1], ['YP0004', 1], ['YP0005', 1], ['YP0006', 1], ['YP0007', 1], ['FW0003', 1], ['FW0004', 1], ['CL0001', 3]]);
    await atSize(k, size);
    await heading(page, '刷脸就医').waitFor();
    await walk.check('cashier-home');
    await byCard(page, B);
    await button(page, '是我本人').click();
    await heading(page, '请选择要缴费的就诊').waitFor();
    await walk.check('cashier-bills');
    await page.locator('.card', { hasText: '卡托普利片' }).first().getByRole('button', { name: '缴这次的费用' }).click();
    await heading(page, '请核对费用').waitFor();
    await walk.check('cashier-confirm');
    await button(page, '确认支付').click();
    await heading(page, '请向收费员支付现金').waitFor();
    await walk.check('cashier-cash');
    await page.getByLabel('操作员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '收费员：已收到现金').click();
    await heading(page, '支付成功').waitFor();
    await walk.check('cashier-receipt');
    await button(page, '撤销这笔结算').click();
    await heading(page, '撤销结算需要工作人员授权').waitFor();
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await walk.check('cashier-cancel');
    await button(page, '确认撤销').click();
    await heading(page, '医保结算撤销凭条').waitFor();
    await walk.check('cashier-cancel-receipt');
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
    expect(walk.take()).toEqual([]);
  });

  // Once: the person's next payment waits until this one is resolved.
  it('an answer lost after the platform committed: the "result pending" receipt at every size', async () => {
    const k = get();
    const { page, walk, kiosk } = k;
    await atSize(k, SCREEN_SIZES[0]);
    await byCard(page, C);
    await button(page, '是我本人').click();
    await button(page, '缴这次的费用').first().click();
    await heading(page, '请核对费用').waitFor();
    await injectFault(kiosk, { infno: '2207', mode: 'commit-then-drop', times: 1 });
    await button(page, '确认支付').click();
    await heading(page, '结算结果确认中').waitFor();
    await checkEverySize(k, 'cashier-pending-receipt');
    await button(page, '完成').click();
    expect(walk.take()).toEqual([]);
  });
});

describe('pharmacy counter at every size', () => {
  const get = kioskFor(browser, 'pharmacy', async (k) => signInOperator(k.page));

  it.each(SIZES)('$name: a full cart, a name search, the confirmation, the receipt', async (size) => {
    const k = get();
    const { page, walk } = k;
    await atSize(k, size);
    await heading(page, '药品清单').waitFor();
    await walk.check('pharmacy-cart-empty');
    // Every drug of the catalogue, scanned: the longest cart the demo can make.
    for (const code of ['6901234560017', '6901234560024', '6901234560031', '6901234560048', '6901234560055', '6901234560062', '6901234560079']) {
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
      await page.locator('.cart tr').nth(Number(code.at(-2)) - 1).waitFor();
      // The field is cleared after the box goes in: the next box's digits must not meet that clearing.
      await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === '');
    }
    await walk.check('pharmacy-cart');
    await page.getByLabel('扫描条码或输入药名', { exact: true }).fill('片');
    await button(page, '查找').click();
    await page.locator('.results li').first().waitFor();
    await walk.check('pharmacy-search');
    await button(page, '请患者刷脸支付').click();
    await heading(page, '刷脸前，请您确认').waitFor();
    await walk.check('pharmacy-consent');
    await button(page, '不同意，用其他方式').click();
    await cardFromOtherWays(page, A);
    await button(page, '是我本人').click();
    await heading(page, '请核对费用').waitFor();
    await walk.check('pharmacy-confirm');
    await button(page, '确认支付').click();
    await page.getByRole('heading', { name: /^(支付成功|医保已支付)$/ }).waitFor(); // 医保已支付 when cash is still owed
    await walk.check('pharmacy-receipt');
    await button(page, '完成').click();
    await heading(page, '药品清单').waitFor();
    expect(walk.take()).toEqual([]);
  });
});

describe('family payment at every size (issue 15)', () => {
  // A cap of ¥30.00 a payment: two boxes (¥37.00) ask the payer's digits, so every size walks that screen too.
  const get = kioskFor(browser, 'pharmacy', async (k) => signInOperator(k.page), { region: { passwordFreeCap: { perTransactionFen: 3000, perDayFen: 100_000 } } });

  it.each(SIZES)('$name: the family list, the payer’s check, the confirmation naming both, the second factor, the receipt', async (size) => {
    const k = get();
    const { page, walk } = k;
    await atSize(k, size);
    await heading(page, '药品清单').waitFor();
    for (let i = 1; i <= 2; i++) {
      await page.keyboard.type('6901234560017');
      await page.keyboard.press('Enter');
      await page.getByText(`×${i}`).waitFor();
      await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === '');
    }
    await button(page, '请患者刷脸支付').click();
    // The payer shows the e-voucher QR: a face would have given the ID digits at identification,
    // which stand for the cap's check (so the keypad screen is walked by QR).
    await heading(page, '刷脸前，请您确认').waitFor();
    await button(page, '不同意，用其他方式').click();
    await button(page, '医保电子凭证二维码').click();
    await heading(page, '请出示医保码').waitFor();
    const { data } = await sandboxGet<{ data: { payload: string } }>(k.kiosk, `/sandbox/demo/qr/${A.psnNo}`);
    await page.keyboard.type(data.payload);
    await page.keyboard.press('Enter');
    await heading(page, '请确认是您本人').waitFor();
    await walk.check('family-is-this-you');
    await actForFamily(page, '子女', (name) => walk.check(name));
    await heading(page, '请核对费用').waitFor();
    await walk.check('family-confirm');
    await button(page, '确认支付').click();
    await heading(page, '超过免密支付限额，请再验证一次').waitFor();
    await walk.check('family-cap-factor');
    await page.getByLabel('身份证号后四位', { exact: true }).fill(A.certno.slice(-4));
    await button(page, '确定').click();
    await page.getByRole('heading', { name: /^(支付成功|医保已支付)$/ }).waitFor();
    await walk.check('family-receipt');
    await button(page, '完成').click();
    await heading(page, '药品清单').waitFor();
    expect(walk.take()).toEqual([]);
  });
});

describe('inpatient desk at every size', () => {
  let stayNo = '';
  const get = kioskFor(browser, 'inpatient', async (k) => {
    const { stays } = await sandboxGet<{ stays: { stayNo: string; status: string }[] }>(k.kiosk, `/his/persons/${A.psnNo}/stays`);
    stayNo = stays.find((s) => s.status === 'admitted')!.stayNo;
    await signInOperator(k.page);
  });

  /** Card, "this is me", the stay: ends on the stay screen with the stay chosen. */
  async function toStay(k: SizedKiosk) {
    await byCard(k.page, A);
    await button(k.page, '是我本人').click();
    await heading(k.page, '请选择或录入住院号').waitFor();
    await k.page.getByRole('button', { name: new RegExp(stayNo) }).click();
  }

  it('admission, once: the admitted screen at every size', async () => {
    const k = get();
    await atSize(k, SCREEN_SIZES[0]);
    await toStay(k);
    await button(k.page, '办理入院登记').click();
    await heading(k.page, '入院登记').waitFor();
    await k.page.getByLabel('诊断编码', { exact: true }).fill('E11.900');
    await k.page.getByLabel('诊断名称', { exact: true }).fill('2型糖尿病');
    await button(k.page, '确认入院登记').click();
    await heading(k.page, '入院登记完成').waitFor();
    await checkEverySize(k, 'inpatient-admitted');
    expect(k.walk.take()).toEqual([]);
  });

  it.each(SIZES)('$name: the stay, the diagnosis form, the discharge bill, its receipt cancelled', async (size) => {
    const k = get();
    const { page, walk } = k;
    await atSize(k, size);
    await heading(page, '刷脸就医').waitFor();
    await walk.check('inpatient-home');
    await toStay(k);
    await walk.check('inpatient-stay');
    await button(page, '办理入院登记').click();
    await heading(page, '入院登记').waitFor();
    await walk.check('inpatient-diagnosis');
    await button(page, '上一步').click();
    await page.getByRole('button', { name: new RegExp(stayNo) }).click();
    await button(page, '办理出院结算').click();
    await heading(page, '请核对费用').waitFor();
    await walk.check('inpatient-confirm');
    await button(page, '确认支付').click();
    await page.getByRole('heading', { name: /^(支付成功|医保已支付)$/ }).waitFor(); // 医保已支付 when cash is still owed
    await walk.check('inpatient-receipt');
    await button(page, '撤销这笔结算').click();
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '确认撤销').click();
    await heading(page, '医保结算撤销凭条').waitFor();
    await walk.check('inpatient-cancel-receipt');
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
    expect(walk.take()).toEqual([]);
  });
});
