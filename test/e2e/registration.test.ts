import { type RunningKiosk, startKiosk } from './support/kiosk';
import { OPERATOR, button, checkScreen, faceIn, heading, sandboxGet, terminalConfig } from './support/counter';

let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('registration') });
});
afterAll(() => kiosk?.close());

/** From "is this you?" to the slip: department, doctor, the confirmation, settle. */
async function registerAndPay(prefix: string, expectAccount: boolean) {
  const { page } = kiosk;
  await button(page, '是我本人').click();
  await heading(page, '请选择科室').waitFor();
  await checkScreen(page, `${prefix}-departments`);
  await button(page, '内科').click();
  await heading(page, '请选择医生').waitFor();
  await checkScreen(page, `${prefix}-doctors`);
  await page.locator('[data-screen="slots"] .button--row').first().click();
  await heading(page, '请核对费用').waitFor();
  await checkScreen(page, `${prefix}-confirm`);
  const total = await page.getByTestId('quote-total').innerText();
  expect(total).toMatch(/^¥\d+\.\d{2}$/);
  expect(await page.getByTestId('quote-balance').count()).toBe(expectAccount ? 1 : 0);
  await button(page, '确认支付').click();
  await page.getByRole('heading', { name: /^(支付成功|医保已支付)$/ }).waitFor(); // 医保已支付 when cash is still owed
  await checkScreen(page, `${prefix}-slip`);
  expect(await page.getByRole('article', { name: '挂号凭条' }).innerText()).toContain(total);
  expect(await page.getByTestId('receipt-setl-id').innerText()).not.toBe('');
  expect(await page.getByTestId('slip-registration').innerText()).toMatch(/^内科 .+ \d{1,2}月\d{1,2}日 (上午|下午) · \S+$/);
  await button(page, '完成').click();
  await heading(page, '刷脸就医').waitFor();
}

describe('registration counter in Chromium, real sandbox, fake camera', () => {
  it('face → is this you → department → doctor → confirm → settled → slip', async () => {
    const { page } = kiosk;
    await heading(page, '刷脸就医').waitFor();
    await checkScreen(page, 'registration-home');
    await button(page, '开始刷脸').click();
    await faceIn(page, 'registration');
    await heading(page, '请确认是您本人').waitFor();
    expect(await page.locator('main').innerText()).toContain('欧*明');
    await checkScreen(page, 'registration-is-this-you');
    await registerAndPay('registration', true);
    // Nothing of the patient is left on screen, and the camera is off.
    expect(await page.locator('body').innerText()).not.toContain('欧*明');
    expect(await page.locator('video').count()).toBe(0);
  });

  it('declining consent never opens the camera; staff complete it by ID number with their PIN', async () => {
    const { page } = kiosk;
    await button(page, '开始刷脸').click();
    await button(page, '不同意，用其他方式').click();
    await heading(page, '请选择一种方式').waitFor();
    await checkScreen(page, 'staff-path-other-ways');
    expect(await page.locator('video').count()).toBe(0);
    await button(page, '身份证号（工作人员录入）').click();
    await page.getByLabel('身份证号码', { exact: true }).fill('421202194211200039');
    await page.getByLabel('工作人员工号', { exact: true }).fill('OP001');
    await page.getByLabel('工作人员密码', { exact: true }).fill('246810');
    await checkScreen(page, 'staff-path-id-number');
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    expect(await page.locator('main').innerText()).toContain('白*国');
    await registerAndPay('staff-path', false);
  });

  it('reads the e-voucher QR code the counter scanner types into the page', async () => {
    const { page } = kiosk;
    const { data } = await sandboxGet<{ data: { payload: string } }>(kiosk, '/sandbox/demo/qr/42120000000000000003');
    await button(page, '不刷脸，用其他方式').click();
    await button(page, '医保电子凭证二维码').click();
    await heading(page, '请出示医保码').waitFor();
    await checkScreen(page, 'qr-scan');
    // The scanner is a keyboard: the payload, then Enter, into whatever has focus.
    await page.keyboard.type(data.payload);
    await page.keyboard.press('Enter');
    await heading(page, '请确认是您本人').waitFor();
    expect(await page.locator('main').innerText()).toContain('张*兰');
    await button(page, '不是我').click();
    await heading(page, '请选择一种方式').waitFor();
    await button(page, '结束，重新开始').click();
    await heading(page, '刷脸就医').waitFor();
  });

  it('asks "more time?" when idle mid-flow, then wipes the session when nobody answers', async () => {
    const { page } = kiosk;
    await page.clock.install();
    await page.reload();
    await button(page, '不刷脸，用其他方式').click();
    await button(page, '社保卡').click();
    // No reader at this kiosk: staff type the 社会保障号码 printed on the card (demo person A's).
    await page.getByLabel('卡面上的社会保障号码', { exact: true }).fill('421202195803150017');
    await page.getByLabel('工作人员工号', { exact: true }).fill(OPERATOR.id);
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await checkScreen(page, 'idle-card');
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    await button(page, '是我本人').click();
    await heading(page, '请选择科室').waitFor();
    await page.clock.fastForward(121_000);
    await heading(page, '您还需要更多时间吗？').waitFor();
    await checkScreen(page, 'idle-more-time');
    await page.clock.fastForward(31_000);
    await heading(page, '刷脸就医').waitFor();
    await checkScreen(page, 'idle-wiped');
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('欧*明');
    expect(text).not.toContain('内科');
  });
});
