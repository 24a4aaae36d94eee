import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { type RunningKiosk, startKiosk } from './support/kiosk';
import { ADMIN_PIN, button, checkScreen, heading, OPERATOR, terminalConfig } from './support/counter';

let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('registration') });
});
afterAll(() => kiosk?.close());

/** Codes staff may read on the admin pages: terminal, institution, operator. Any other Latin word is a bug. */
const CODES = /KIOSK-E2E|H42120200001|OP\d{3}|e2e/g;
async function latinWordsOnAdmin(page: Page): Promise<string[]> {
  const text = await page.locator('[data-screen="admin"]').innerText();
  return text.replace(CODES, '').match(/[A-Za-z]{2,}/g) ?? [];
}
/** The page's own clock as a Chinese day (11月30日): what the admin pages should show for today. */
const todayInPage = (page: Page) => page.evaluate(() => `${new Date().getMonth() + 1}月${new Date().getDate()}日`);

async function openAdmin(page: Page): Promise<void> {
  await button(page, '工作人员').click();
  await page.getByLabel('管理密码', { exact: true }).fill(ADMIN_PIN);
  await button(page, '进入管理').click();
  await heading(page, '终端管理').waitFor();
}

/** A patient who declines the camera, calls staff from the other ways, and is identified by staff typing the ID number. */
async function declinedThenStaffTyped(page: Page): Promise<void> {
  await button(page, '开始刷脸').click();
  await button(page, '不同意，用其他方式').click();
  await button(page, '呼叫工作人员').click();
  await page.getByText(/已通知工作人员|请到人工窗口|工作人员/).first().waitFor();
  await button(page, '身份证号（工作人员录入）').click();
  await page.getByLabel('身份证号码', { exact: true }).fill(DEMO_PERSONS[1]!.certno);
  await page.getByLabel('工作人员工号', { exact: true }).fill(OPERATOR.id);
  await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
  await button(page, '确定').click();
  await heading(page, '请确认是您本人').waitFor();
  await button(page, '是我本人').click();
  await heading(page, '请选择科室').waitFor();
  await button(page, '内科').click();
  await heading(page, '请选择医生').waitFor();
  await page.locator('[data-screen="slots"] .button--row').first().click();
  await heading(page, '请核对费用').waitFor();
  await button(page, '确认支付').click();
  await page.getByRole('heading', { name: /^(支付成功|医保已支付)$/ }).waitFor(); // 医保已支付 when cash is still owed
  await button(page, '完成').click();
  await heading(page, '刷脸就医').waitFor();
}

describe('terminal administration', () => {
  it('opens from five taps on the hidden corner, status first, every page in Chinese with local times', async () => {
    const { page } = kiosk;
    await heading(page, '刷脸就医').waitFor();
    for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
    await heading(page, '请输入管理密码').waitFor();
    await page.getByLabel('管理密码', { exact: true }).fill(ADMIN_PIN);
    await button(page, '进入管理').click();
    await heading(page, '终端管理').waitFor();

    // Status first: above the tabs, one of three words, the worst of the checks listed below it.
    const status = page.getByTestId('admin-status');
    await page.locator('[data-testid="admin-status"][data-level]').waitFor();
    expect(await status.innerText()).toMatch(/^终端状态：(正常|需要注意|故障)/);
    const statusBox = (await status.boundingBox())!;
    const tabsBox = (await page.getByRole('navigation', { name: '终端管理' }).boundingBox())!;
    expect(statusBox.y).toBeLessThan(tabsBox.y);
    await checkScreen(page, 'admin-operator');
    expect(await latinWordsOnAdmin(page)).toEqual([]);

    await button(page, '终端配置').click();
    await page.getByText('H42120200001').waitFor();
    expect(await latinWordsOnAdmin(page)).toEqual([]);
    await checkScreen(page, 'admin-config');

    await button(page, '诊断').click();
    const checks = page.getByTestId('diagnostics-checks');
    await checks.waitFor();
    const levels = await checks.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-level')));
    const rank = { ok: 0, attention: 1, fault: 2 } as Record<string, number>;
    const ranks = levels.map((l) => rank[l ?? ''] ?? -1);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const overall = await page.getByTestId('admin-status').getAttribute('data-level');
    expect(overall).toBe(levels[0]);
    const diagnostics = await page.getByTestId('diagnostics').innerText();
    expect(diagnostics).toContain(`检查时间 ${await todayInPage(page)}`);
    expect(diagnostics).toContain('医保平台签到（9001）');
    expect(diagnostics).toContain('本窗口操作员');
    expect(diagnostics).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
    expect(await latinWordsOnAdmin(page)).toEqual([]);
    await checkScreen(page, 'admin-diagnostics');

    await button(page, '日终对账').click();
    await button(page, '开始对账').click();
    await page.getByTestId('reconcile-report').waitFor();
    const report = await page.getByTestId('reconcile-report').innerText();
    expect(report).toContain('今日本终端没有结算记录');
    expect(report).toContain(`${await todayInPage(page)}对账`);
    expect(await latinWordsOnAdmin(page)).toEqual([]);
    await checkScreen(page, 'admin-reconcile');

    for (const tab of ['待确认结算', '补打凭条', '使用情况统计']) {
      await button(page, tab).click();
      await page.waitForTimeout(200);
      expect(await latinWordsOnAdmin(page)).toEqual([]);
    }
    await button(page, '退出自助模式').click();
    await page.getByText('浏览器预览中无法退出自助模式，请关闭浏览器窗口。').waitFor();
    await button(page, '返回服务').click();
    await heading(page, '刷脸就医').waitFor();
  });

  it('counts the day’s patients on the metrics page and exports them as CSV for Excel', async () => {
    const { page } = kiosk;
    await declinedThenStaffTyped(page);
    await openAdmin(page);
    await button(page, '使用情况统计').click();
    await page.getByTestId('metrics-day').waitFor();
    expect(await page.getByTestId('metrics-day').innerText()).toBe(`${await todayInPage(page)}（终端 KIOSK-E2E）`);
    const figure = async (group: string, label: string) =>
      page.getByTestId(`metrics-${group}`).locator('.facts__row', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').innerText();
    expect(await figure('consent', '不同意刷脸')).toBe('1 次');
    expect(await figure('fallbacks', '身份证号（工作人员录入）')).toBe('1 次');
    expect(await figure('fallbacks', '呼叫工作人员')).toBe('1 次');
    expect(await figure('fallbacks', '医保码')).toBe('0 次');
    expect(await figure('settlements', '成功')).toBe('1 次');
    // Timed by the page (consent, confirmation, visit) and by main (identification, settlement).
    for (const step of ['阅读同意书', '确认支付', '全程', '身份识别', '医保结算']) expect(await figure('steps', step)).toMatch(/^\d+\.\d 秒（1 次）$/);
    expect(await latinWordsOnAdmin(page)).toEqual([]);
    await checkScreen(page, 'admin-metrics');

    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出这一天的统计表').click()]);
    expect(download.suggestedFilename()).toMatch(/^使用情况统计-KIOSK-E2E-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row, ...rest] = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n').map((line) => line.split(','));
    expect(rest).toEqual([]);
    const cell = (title: string) => row![header!.indexOf(title)];
    expect(cell('终端号')).toBe('KIOSK-E2E');
    expect(cell('不同意刷脸')).toBe('1');
    expect(cell('其他方式：身份证号（工作人员录入）')).toBe('1');
    expect(cell('其他方式：呼叫工作人员')).toBe('1');
    expect(cell('结算：成功')).toBe('1');
    await page.getByText(/^已导出.*的统计表，可用电子表格软件打开$/).waitFor();
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
