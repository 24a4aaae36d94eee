import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningKiosk, startKiosk } from './support/kiosk';
import { OPERATOR, button, checkScreen, faceIn, heading, injectFault, sandboxGet, signInOperator, terminalConfig } from './support/counter';

let kiosk: RunningKiosk;
/** The cashier's card reader is the simulated one: the card "in the slot" is this file. */
const CARD_FILE = path.join(mkdtempSync(path.join(tmpdir(), 'facesettle-e2e-card-')), 'card.json');
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('cashier', { cardReader: { kind: 'simulated', cardFile: CARD_FILE } }) });
});
afterAll(() => kiosk?.close());

/** The patient's social-security card in the counter's reader: main reads number and card_sn, nobody types them. */
async function byCard(cardNo: string, cardSn: string) {
  const { page } = kiosk;
  writeFileSync(CARD_FILE, JSON.stringify({ cardNo, cardSn }));
  await button(page, '不刷脸，用其他方式').click();
  await button(page, '社保卡').click();
  await heading(page, '请把社保卡插入读卡器').waitFor();
  await button(page, '读卡').click();
  await heading(page, '请确认是您本人').waitFor();
  await button(page, '是我本人').click();
  await heading(page, '请选择要缴费的就诊').waitFor();
  await button(page, '缴这次的费用').first().click();
  await heading(page, '请核对费用').waitFor();
}

describe('cashier counter', () => {
  it('is closed until an operator signs in', async () => {
    const { page } = kiosk;
    await heading(page, '本窗口暂未开放').waitFor();
    await checkScreen(page, 'cashier-closed');
    await button(page, '工作人员').click();
    await page.getByLabel('管理密码', { exact: true }).waitFor();
    await checkScreen(page, 'cashier-admin-pin');
    await button(page, '返回服务').click();
    await signInOperator(page);
    await heading(page, '刷脸就医').waitFor();
  });

  it('face → pending bills → the split → settle → the cashier takes the cash → receipt → cancel with authorisation', async () => {
    const { page } = kiosk;
    await button(page, '开始刷脸').click();
    await faceIn(page, 'cashier');
    await button(page, '是我本人').click();
    await heading(page, '请选择要缴费的就诊').waitFor();
    expect(await page.locator('main').innerText()).toContain('¥81.80');
    await checkScreen(page, 'cashier-bills');
    await button(page, '缴这次的费用').first().click();
    await heading(page, '请核对费用').waitFor();
    expect(await page.getByTestId('quote-total').innerText()).toBe('¥81.80');
    await checkScreen(page, 'cashier-confirm');
    await button(page, '确认支付').click();
    await page.locator('[data-screen="cash-taken"], [data-screen="receipt"]').waitFor();
    if (await page.locator('[data-screen="cash-taken"]').count()) {
      await checkScreen(page, 'cashier-cash');
      await page.getByLabel('操作员密码', { exact: true }).fill(OPERATOR.pin);
      await button(page, '收费员：已收到现金').click();
    }
    await heading(page, '支付成功').waitFor();
    await checkScreen(page, 'cashier-receipt');
    const setlId = await page.getByTestId('receipt-setl-id').innerText();
    await button(page, '撤销这笔结算').click();
    await heading(page, '撤销结算需要工作人员授权').waitFor();
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await checkScreen(page, 'cashier-cancel');
    await button(page, '确认撤销').click();
    await heading(page, '医保结算撤销凭条').waitFor();
    await checkScreen(page, 'cashier-cancel-receipt');
    const { settlements } = await sandboxGet<{ settlements: { state: string }[] }>(kiosk, `/sandbox/admin/settlements?setl_id=${setlId}`);
    expect(settlements[0]?.state).toBe('cancelled');
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
  });

  it('a platform error during settlement: nothing charged, the reason in plain words, the next steps', async () => {
    const { page } = kiosk;
    await byCard('A42120002', '421200D156000005A0002');
    // Twice: a refused call is tried once more after a fresh sign-in (gateway.ts), so one refusal is not enough.
    await injectFault(kiosk, { infno: '2207', mode: 'error', times: 2 });
    await button(page, '确认支付').click();
    await heading(page, '这一步没有办成').waitFor();
    expect(await page.locator('main').innerText()).toContain('医保平台未受理此次业务');
    await checkScreen(page, 'cashier-platform-error');
    await button(page, '结束').click();
    await heading(page, '刷脸就医').waitFor();
  });

  it('the bill refused by the platform settles on the next attempt; the cashier confirms the cash taken', async () => {
    const { page } = kiosk;
    await byCard('A42120002', '421200D156000005A0002');
    // A resident has no personal account: the patient's part is cash at the counter.
    expect(await page.getByTestId('quote-cash').innerText()).not.toBe('¥0.00');
    await button(page, '确认支付').click();
    await heading(page, '请向收费员支付现金').waitFor();
    await checkScreen(page, 'cashier-cash');
    await page.getByLabel('操作员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '收费员：已收到现金').click();
    await heading(page, '支付成功').waitFor();
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
  });

  it('an answer lost after the platform committed: a "result pending" receipt, then reversed in the background', async () => {
    const { page } = kiosk;
    await byCard('A42120003', '421200D156000005A0003');
    await injectFault(kiosk, { infno: '2207', mode: 'commit-then-drop', times: 1 });
    await button(page, '确认支付').click();
    await heading(page, '结算结果确认中').waitFor();
    const reference = await page.getByTestId('receipt-reference').innerText();
    expect(reference).toMatch(/^H42120200001\d{18}$/);
    await checkScreen(page, 'cashier-pending-receipt');
    let reversedBy: string | null = null;
    for (let i = 0; i < 60 && !reversedBy; i++) {
      const { message } = await sandboxGet<{ message: { reversed_by: string | null } | null }>(kiosk, `/sandbox/admin/messages?msgid=${reference}`);
      reversedBy = message?.reversed_by ?? null;
      if (!reversedBy) await new Promise((r) => setTimeout(r, 500));
    }
    expect(reversedBy).not.toBeNull();
    await button(page, '完成').click();
  });
});
