import { type RunningKiosk, startKiosk } from './support/kiosk';
import { ADMIN_PIN, button, checkScreen, heading, terminalConfig } from './support/counter';

let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('registration') });
});
afterAll(() => kiosk?.close());

describe('terminal administration', () => {
  it('opens from five taps on the hidden corner: configuration, diagnostics, reconciliation explained', async () => {
    const { page } = kiosk;
    await heading(page, '刷脸就医').waitFor();
    for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
    await heading(page, '请输入管理密码').waitFor();
    await page.getByLabel('管理密码', { exact: true }).fill(ADMIN_PIN);
    await button(page, '进入管理').click();
    await heading(page, '终端管理').waitFor();
    await checkScreen(page, 'admin-operator');
    await button(page, '终端配置').click();
    await page.getByText('H42120200001').waitFor();
    await checkScreen(page, 'admin-config');
    await button(page, '诊断').click();
    await page.getByText('health.status', { exact: true }).waitFor();
    expect(await page.getByTestId('diagnostics').innerText()).toContain('journal.unresolved');
    await checkScreen(page, 'admin-diagnostics');
    await button(page, '日终对账').click();
    await button(page, '开始对账').click();
    await page.getByTestId('reconcile-report').waitFor();
    expect(await page.getByTestId('reconcile-report').innerText()).toContain('今日本终端没有结算记录');
    await checkScreen(page, 'admin-reconcile');
    await button(page, '返回服务').click();
    await heading(page, '刷脸就医').waitFor();
  });

  it('locks the admin PIN after repeated wrong attempts, even against the right PIN', async () => {
    const { page } = kiosk;
    await button(page, '工作人员').click();
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('管理密码', { exact: true }).fill('0000');
      await button(page, '进入管理').click();
      await page.waitForFunction((n) => document.querySelector('[role="alert"]')?.textContent !== n, messages.at(-1) ?? '');
      messages.push((await page.getByRole('alert').innerText()).trim());
    }
    expect(messages.slice(0, 4)).toEqual([4, 3, 2, 1].map((n) => `密码不正确，还可以试 ${n} 次`));
    expect(messages[4]).toBe('密码错误次数过多，已锁定，请稍后再试');
    await checkScreen(page, 'admin-locked');
    await page.getByLabel('管理密码', { exact: true }).fill(ADMIN_PIN);
    await button(page, '进入管理').click();
    await page.waitForTimeout(300);
    expect(await heading(page, '终端管理').count()).toBe(0);
    expect((await page.getByRole('alert').innerText()).trim()).toBe('密码错误次数过多，已锁定，请稍后再试');
  });
});
