import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { ADMIN_PIN, button, checkScreen, heading, sandboxGet, terminalConfig } from './support/counter';
import { startKiosk, type RunningKiosk } from './support/kiosk';

/** A demo visitor enrols their own face from the admin's demo menu, through the kiosk's own capture. */
let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('registration') });
});
afterAll(() => kiosk?.close());

it('enrols a face for a demo person from the demo menu', async () => {
  const { page } = kiosk;
  const third = DEMO_PERSONS[2]!;
  await button(page, '工作人员').click();
  await page.getByLabel('管理密码', { exact: true }).fill(ADMIN_PIN);
  await button(page, '进入管理').click();
  await heading(page, '终端管理').waitFor();
  await button(page, '演示人脸录入').click();
  await page.getByRole('button', { name: /张\*兰/ }).click();
  await page.getByText('已为 张*兰 录入人脸').waitFor({ timeout: 60_000 });
  await checkScreen(page, 'admin-demo-enrolled');
  const { data } = await sandboxGet<{ data: { persons: { psnNo: string }[] } }>(kiosk, '/sandbox/face/enrolled');
  expect(data.persons.map((p) => p.psnNo)).toContain(third.psnNo);
  expect(await page.locator('video').count()).toBe(0);
});
