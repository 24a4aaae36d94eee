import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { ADMIN_PIN, OPERATOR, button, faceIn, heading, injectFault, enrolLookAlike } from './support/counter';
import { SCREEN_SIZES } from './support/layoutCheck';
import { SIZES, atSize, byCard, checkEverySize, kioskFor, sharedBrowser } from './support/sizeWalks';

/** What the layout check asks of a list box that scrolls (layoutCheck.ts, MIN_LIST_PX). */
const LIST_BOX_MIN_PX = 100;

/**
 * Every screen of the registration kiosk, the other ways in and administration at the four
 * screen sizes hospitals run (issue 12): walked at each size in one browser, screenshots under
 * test/artifacts/screens/<w>x<h>/, the layout check (nothing off screen, nothing clipped, the
 * decision never scrolls) and axe-core. The staffed counters: screenSizesCounters.test.ts.
 */
const [A, B, C] = DEMO_PERSONS as [(typeof DEMO_PERSONS)[0], (typeof DEMO_PERSONS)[0], (typeof DEMO_PERSONS)[0]];
const browser = sharedBrowser();

describe('registration kiosk at every size', () => {
  let slipSetlId = '';
  const get = kioskFor(browser, 'registration', async ({ kiosk }) => {
    // A look-alike enrolled with the same face: the service asks for the last four digits.
    await enrolLookAlike(kiosk);
  });
  // A walk that stopped part-way leaves its layout problems unread: they explain its failure, and
  // must not fail the next walk instead. (A walk that ends reads them itself: none are left.)
  afterEach(() => {
    const left = get().walk.take();
    if (left.length > 0) console.warn(`layout problems of the walk that stopped:\n${left.join('\n')}`);
  });

  it.each(SIZES)('$name: face, second factor, department, doctor, confirm with a staff call, settling, slip', async (size) => {
    const k = get();
    const { page, walk } = k;
    await atSize(k, size);
    await heading(page, '刷脸就医').waitFor();
    await walk.check('registration-home');
    await button(page, '开始刷脸').click();
    // The face screen stays while it is checked: its answer waits until then.
    let release = () => undefined as void;
    const checked = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/identifyByFace', async (route) => {
      await checked;
      await route.continue();
    });
    await faceIn(page, 'registration', async (_page, name) => {
      await walk.check(name);
      if (name.endsWith('-face')) release();
    });
    await page.unroute('**/api/identifyByFace');
    await heading(page, '请输入身份证号码最后四位').waitFor();
    await walk.check('second-factor');
    await page.getByLabel('身份证号后四位', { exact: true }).fill('1234');
    await button(page, '确定').click();
    await page.getByText(/号码不对，还可以再试 \d 次/).waitFor();
    await walk.check('second-factor-wrong');
    await page.getByLabel('身份证号后四位', { exact: true }).fill(A.certno.slice(-4));
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    await walk.check('is-this-you');
    await button(page, '是我本人').click();
    await heading(page, '请选择科室').waitFor();
    await walk.check('registration-departments');
    await button(page, '内科').click();
    await heading(page, '请选择医生').waitFor();
    await walk.check('registration-doctors');
    // Each walk books another place: a person holds one place per session.
    await page.locator('[data-screen="slots"] .button--row').nth(size.index).click();
    await heading(page, '请核对费用').waitFor();
    // The staff call's banner and number take room from the tallest screen: it must still fit.
    await button(page, '呼叫工作人员').click();
    await page.getByText(/号码 S\d{3}/).waitFor();
    await walk.check('registration-confirm');
    await injectFault(k.kiosk, { infno: '2207', mode: 'latency', latencyMs: 1500, times: 1 });
    await button(page, '确认支付').click();
    await heading(page, '正在支付，请稍候').waitFor();
    await walk.check('settling');
    await page.getByRole('heading', { name: /^(支付成功|医保已支付)$/ }).waitFor(); // 医保已支付 when cash is still owed
    await walk.check('registration-slip');
    slipSetlId = await page.getByTestId('receipt-setl-id').innerText();
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
    expect(walk.take()).toEqual([]);
  });

  it.each(SIZES)('$name: the other ways in, staff by ID number, a platform refusal', async (size) => {
    const k = get();
    const { page, walk } = k;
    await atSize(k, size);
    await button(page, '开始刷脸').click();
    await button(page, '不同意，用其他方式').click();
    await heading(page, '请选择一种方式').waitFor();
    await walk.check('other-ways');
    await button(page, '医保电子凭证二维码').click();
    await heading(page, '请出示医保码').waitFor();
    await walk.check('qr');
    await button(page, '上一步').click();
    await button(page, '社保卡').click();
    await heading(page, '请把社保卡交给工作人员').waitFor();
    await walk.check('card');
    await button(page, '上一步').click();
    await button(page, '身份证号（工作人员录入）').click();
    await page.getByLabel('身份证号码', { exact: true }).fill(B.certno);
    await page.getByLabel('工作人员工号', { exact: true }).fill(OPERATOR.id);
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await walk.check('id-number');
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    await button(page, '是我本人').click();
    await button(page, '内科').click();
    await page.locator('[data-screen="slots"] .button--row').nth(size.index).click();
    await heading(page, '请核对费用').waitFor();
    await walk.check('registration-confirm-no-account');
    // Twice: a refusal on a sign-in that is not fresh is tried once more after signing in again.
    await injectFault(k.kiosk, { infno: '2207', mode: 'error', times: 2 });
    await button(page, '确认支付').click();
    await heading(page, '这一步没有办成').waitFor();
    await walk.check('problem');
    await button(page, '结束').click();
    await heading(page, '刷脸就医').waitFor();
    expect(walk.take()).toEqual([]);
  });

  it.each(SIZES)('$name: administration, every tab', async (size) => {
    const k = get();
    const { page, walk } = k;
    await atSize(k, size);
    await button(page, '工作人员').click();
    await heading(page, '请输入管理密码').waitFor();
    await walk.check('admin-pin');
    await page.getByLabel('管理密码', { exact: true }).fill(ADMIN_PIN);
    await button(page, '进入管理').click();
    await heading(page, '终端管理').waitFor();
    // The terminal's status stands above the tabs on every tab: checked once it has its words and problems.
    await page.locator('[data-testid="admin-status"][data-level]').waitFor();
    await walk.check('admin-operator');
    // The layout check passes over a box of no height: the section the tabs show must keep a list box's least.
    const body = await page.locator('.admin__body').boundingBox();
    expect(body?.height ?? 0).toBeGreaterThanOrEqual(LIST_BOX_MIN_PX);
    await button(page, '终端配置').click();
    await page.getByText(/H42120200001/).waitFor();
    await walk.check('admin-config');
    await button(page, '日终对账').click();
    await button(page, '开始对账').click();
    await page.getByTestId('reconcile-report').waitFor();
    await walk.check('admin-reconcile');
    await button(page, '待确认结算').click();
    await page.getByTestId('unresolved').waitFor();
    await walk.check('admin-unresolved');
    await button(page, '补打凭条').click();
    if (!slipSetlId) throw new Error('the reprint looks up the slip of the registration walk: run the file, not this test alone');
    await page.getByLabel('流水号或结算号', { exact: true }).fill(slipSetlId);
    await button(page, '查找凭条').click();
    await page.getByTestId('reprint-preview').waitFor();
    await walk.check('admin-reprint');
    await button(page, '诊断').click();
    await page.getByTestId('diagnostics-facts').waitFor();
    await walk.check('admin-diagnostics');
    await button(page, '使用情况统计').click();
    await page.getByTestId('metrics-steps').waitFor();
    await walk.check('admin-metrics');
    await button(page, '演示人脸录入').click();
    await page.getByTestId('demo-enrol').getByRole('button').first().waitFor();
    await walk.check('admin-demo');
    // The exit's answer takes a row of its own: the section must still fit.
    await button(page, '退出自助模式').click();
    await page.getByText('浏览器预览中无法退出自助模式，请关闭浏览器窗口。').waitFor();
    await walk.check('admin-exit');
    await button(page, '返回服务').click();
    await heading(page, '刷脸就医').waitFor();
    expect(walk.take()).toEqual([]);
  });

  it('the idle question and the admin lockout, at every size where they stand', async () => {
    const k = get();
    const { page, walk } = k;
    await page.clock.install();
    await atSize(k, SCREEN_SIZES[0]);
    await byCard(page, C);
    await page.clock.fastForward(121_000);
    await heading(page, '您还需要更多时间吗？').waitFor();
    await checkEverySize(k, 'idle-more-time');
    await button(page, '不需要，结束').click();
    await button(page, '工作人员').click();
    for (let i = 0; i < 5; i++) {
      const before = await page.getByRole('alert').innerText();
      await page.getByLabel('管理密码', { exact: true }).fill('0000');
      await button(page, '进入管理').click();
      await page.waitForFunction((was) => document.querySelector('[role="alert"]')?.textContent !== was, before);
    }
    await page.getByText('密码错误次数过多，已锁定，请稍后再试').waitFor();
    // The lock's own line, with the time it ends, stands under the refusal.
    await page.getByText(/^管理密码已锁定，\d{2}:\d{2} 后可再试$/).waitFor();
    await checkEverySize(k, 'admin-locked');
    expect(walk.take()).toEqual([]);
  });
});
