import path from 'node:path';
import { ARTIFACTS, type RunningKiosk, startKiosk } from './support/kiosk';
import { button, checkScreen, faceIn, heading, signInOperator, terminalConfig } from './support/counter';

let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('pharmacy') });
});
afterAll(() => kiosk?.close());

describe('pharmacy counter', () => {
  it('staff scan the cart (scanner as keyboard) → face → confirm → settled → receipt', async () => {
    const { page } = kiosk;
    await signInOperator(page);
    await heading(page, '药品清单').waitFor();
    // The scanner types the barcode and Enter into the focused field, twice for two boxes.
    for (const code of ['6901234560017', '6901234560017', '6901234560031']) {
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(100);
    }
    await page.getByText('二甲双胍缓释片 0.5g*30').waitFor();
    expect(await page.getByTestId('cart-total').innerText()).toBe('合计 ¥49.90');
    await checkScreen(page, 'pharmacy-cart');
    await button(page, '请患者刷脸支付').click();
    await faceIn(page, 'pharmacy');
    await button(page, '是我本人').click();
    await heading(page, '请核对费用').waitFor();
    expect(await page.getByTestId('quote-total').innerText()).toBe('¥49.90');
    await checkScreen(page, 'pharmacy-confirm');
    await button(page, '确认支付').click();
    await page.getByRole('heading', { name: /^(支付成功|医保已支付)$/ }).waitFor(); // 医保已支付 when cash is still owed
    await checkScreen(page, 'pharmacy-receipt');
    expect(await page.getByRole('article', { name: '医保结算凭条' }).innerText()).toContain('奥美拉唑肠溶胶囊');
    // The bridge has no printer: the page's own print, whose stylesheet shows the receipt alone.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await button(page, '打印凭条').click();
    await page.getByText('凭条已打印').waitFor();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.layout__footer').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    expect(await page.locator('.receipt').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    await page.pdf({ path: path.join(ARTIFACTS, 'pharmacy-receipt.pdf'), width: '80mm', height: '200mm' }).catch(() => undefined);
    await page.emulateMedia({ media: 'screen' });
    await button(page, '完成').click();
    // The next patient starts from an empty cart.
    await heading(page, '药品清单').waitFor();
    expect(await page.getByTestId('cart-total').innerText()).toBe('合计 ¥0.00');
  });

  it('staff search the catalogue by name and pick', async () => {
    const { page } = kiosk;
    await page.getByLabel('扫描条码或输入药名', { exact: true }).fill('维生素');
    await button(page, '查找').click();
    await page.getByText('维生素C泡腾片 1g*10').waitFor();
    await checkScreen(page, 'pharmacy-search');
    expect(await page.getByTestId('cart-total').innerText()).toBe('合计 ¥15.00');
  });
});
