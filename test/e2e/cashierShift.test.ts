import type { Page } from 'playwright-core';
import { ADMIN_PIN, OPERATOR, button, checkScreen, faceIn, heading, sandboxGet, signInOperator, terminalConfig } from './support/counter';
import { type RunningKiosk, startKiosk } from './support/kiosk';
import { AUTO_PRINTER, prints, recordPrints } from './support/prints';

/**
 * A cashier's shift end to end: Chromium through the browser bridge, the real core (journal in
 * SQLite) and the embedded sandbox. The operator signs in once and a page reload keeps them (main
 * keeps the sign-in); the cash part is confirmed on the staff side with the operator's PIN; from
 * 今日结算 a receipt is reprinted and a settlement cancelled, whose slip names the original
 * settlement; the shift ends with a sign-out.
 */
let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('cashier', AUTO_PRINTER) });
  await recordPrints(kiosk.page);
});
afterAll(() => kiosk?.close());

const banner = (page: Page) => page.getByTestId('staff-operator');

describe("a cashier's shift", () => {
  let setlId = '';

  it('the operator signs in once; a page reload keeps the sign-in, shown on the staff banner', async () => {
    const { page } = kiosk;
    await heading(page, '本窗口暂未开放').waitFor();
    await signInOperator(page);
    await heading(page, '刷脸就医').waitFor();
    expect(await banner(page).innerText()).toBe('演示收费员');
    await page.reload();
    await heading(page, '刷脸就医').waitFor();
    expect(await banner(page).innerText()).toBe('演示收费员');
    await checkScreen(page, 'shift-home-after-reload');
  });

  it('cash taken needs the operator’s PIN on the staff side: a wrong PIN is refused in Chinese and the settlement stands', async () => {
    const { page } = kiosk;
    await button(page, '开始刷脸').click();
    await faceIn(page, 'shift');
    await button(page, '是我本人').click();
    await heading(page, '请选择要缴费的就诊').waitFor();
    await button(page, '缴这次的费用').first().click();
    await heading(page, '请核对费用').waitFor();
    // All in cash, so the cashier has cash to take whatever the personal account holds.
    if (await button(page, '不使用，全部付现金').count()) await button(page, '不使用，全部付现金').click();
    await button(page, '确认支付').click();
    await heading(page, '请向收费员支付现金').waitFor();
    expect(await page.getByTestId('cash-due').innerText()).not.toBe('现金 ¥0.00');
    expect(await button(page, '收费员：已收到现金').isDisabled()).toBe(true);
    await page.getByLabel('操作员密码', { exact: true }).fill('000000');
    await button(page, '收费员：已收到现金').click();
    const refusal = page.getByRole('alert').filter({ hasText: '密码不对' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('密码不对，还没有确认收款。请收费员重新输入密码（这笔结算已经完成，不受影响）');
    await heading(page, '请向收费员支付现金').waitFor();
    expect(await prints(page)).toEqual([]);
    await checkScreen(page, 'shift-cash-wrong-pin');
    await page.getByLabel('操作员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '收费员：已收到现金').click();
    await heading(page, '支付成功').waitFor();
    await page.locator('[data-print-status="printed"]').waitFor();
    setlId = await page.getByTestId('receipt-setl-id').innerText();
    expect((await prints(page))[0]?.text).toContain(setlId);
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
  });

  it('from 今日结算 a receipt reprints, then a cancel shows what it undoes and its slip prints the original setl number', async () => {
    const { page } = kiosk;
    // Between patients (after 完成), the operator's name in the header is the staff side's way in.
    await button(page, '演示收费员 今日结算').click();
    await heading(page, '今日结算查询').waitFor();
    // Other patients' payments, even masked, are for the signed-in operator only.
    await page.getByLabel('操作员密码', { exact: true }).fill('000000');
    await button(page, '打开查询').click();
    await page.getByTestId('today-message').filter({ hasText: '密码不对，请重新输入' }).waitFor();
    expect(await page.getByTestId('today-row').count()).toBe(0);
    await page.getByLabel('操作员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '打开查询').click();
    await page.getByLabel('流水号、结算号或姓名', { exact: true }).fill(setlId);
    await button(page, '查找').click();
    const row = page.locator(`[data-testid="today-row"][data-setl-id="${setlId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('现金已收');
    expect(await row.innerText()).toMatch(/\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await checkScreen(page, 'shift-today-lookup');

    const before = (await prints(page)).length;
    await row.getByRole('button', { name: /^补打凭条/ }).click();
    await page.getByTestId('today-message').filter({ hasText: '已补打' }).waitFor();
    const reprint = (await prints(page))[before];
    expect(reprint?.kind).toBe('settlement');
    expect(reprint?.text).toContain(setlId);
    expect(reprint?.text).toMatch(/补打凭条 \d{1,2}月\d{1,2}日 \d{2}:\d{2}/);

    await row.getByRole('button', { name: /^撤销/ }).click();
    await heading(page, '撤销结算需要工作人员授权').waitFor();
    const original = await page.getByTestId('cancel-original').innerText();
    expect(original).toContain(setlId);
    expect(original).toMatch(/\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(original).toMatch(/¥\d+\.\d{2}/);
    expect(original).toMatch(/.\*./); // the masked name
    await checkScreen(page, 'shift-cancel-from-lookup');
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '确认撤销').click();
    await heading(page, '医保结算撤销凭条').waitFor();
    await page.locator('[data-print-status="printed"]').waitFor();
    const cancelSlip = (await prints(page)).at(-1);
    expect(cancelSlip?.kind).toBe('cancel');
    expect(cancelSlip?.text).toContain(`原结算号${setlId}`);
    const { settlements } = await sandboxGet<{ settlements: { state: string }[] }>(kiosk, `/sandbox/admin/settlements?setl_id=${setlId}`);
    expect(settlements[0]?.state).toBe('cancelled');
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
  });

  it('the shift ends with a sign-out: the banner goes and the counter closes', async () => {
    const { page } = kiosk;
    await button(page, '工作人员').click();
    await page.getByLabel('管理密码', { exact: true }).fill(ADMIN_PIN);
    await button(page, '进入管理').click();
    await heading(page, '终端管理').waitFor();
    await button(page, '签退').click();
    await page.getByText('尚未签到', { exact: true }).waitFor();
    await button(page, '返回服务').click();
    await heading(page, '本窗口暂未开放').waitFor();
    expect(await banner(page).count()).toBe(0);
  });
});
