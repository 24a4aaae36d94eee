import { type RunningKiosk, startKiosk } from './support/kiosk';
import { button, checkScreen, faceIn, heading, terminalConfig, enrolLookAlike } from './support/counter';

let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('registration') });
  // A second person enrolled with the same face: the service cannot tell them apart and asks
  // for the last four digits of the ID number, as it does for look-alikes.
  await enrolLookAlike(kiosk);
});
afterAll(() => kiosk?.close());

describe('second-factor identification', () => {
  it('asks for the last four digits, says how many tries are left after a wrong answer, then identifies', async () => {
    const { page } = kiosk;
    await button(page, '开始刷脸').click();
    await faceIn(page, 'second-factor');
    await heading(page, '请输入身份证号码最后四位').waitFor();
    await checkScreen(page, 'second-factor');
    await page.getByLabel('身份证号后四位', { exact: true }).fill('1234');
    await button(page, '确定').click();
    await page.getByText(/号码不对，还可以再试 \d 次/).waitFor();
    await checkScreen(page, 'second-factor-wrong');
    await page.getByLabel('身份证号后四位', { exact: true }).fill('0017');
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    expect(await page.locator('main').innerText()).toContain('欧*明');
  });
});
