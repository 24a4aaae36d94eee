import { button, checkScreen, heading, terminalConfig } from './support/counter';
import { type RunningKiosk, startKiosk } from './support/kiosk';

/**
 * A counter whose camera is missing (unplugged, broken, never fitted): Chromium here has no
 * video input at all. The face screen must say so at once, not ask the patient to look at the
 * screen and wait, and offer the ways in that need no camera right there.
 */
let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('registration'), camera: false });
});
afterAll(() => kiosk?.close());

describe('a kiosk without a camera', () => {
  it('says there is no camera and offers the other ways at once; one of them goes on', async () => {
    const { page } = kiosk;
    expect(await page.evaluate(async () => (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length)).toBe(0);
    await button(page, '开始刷脸').click();
    await heading(page, '刷脸前，请您确认').waitFor();
    const asked = Date.now();
    await button(page, '同意，开始刷脸').click();
    const face = page.locator('[data-screen="face"]');
    // Said at once: no waiting for the face models to learn there is nothing to look at.
    await page.locator('[data-screen="face"] .choices').waitFor({ timeout: 5_000 });
    expect(Date.now() - asked).toBeLessThan(5_000);
    const title = await face.getByRole('heading').innerText();
    expect(title).toContain('摄像头');
    expect(title).not.toContain('请看向屏幕');
    for (const way of ['医保电子凭证二维码', '社保卡', '身份证号（工作人员录入）']) expect(await button(page, way).isVisible()).toBe(true);
    // Nothing pretends to film: no video element, and the camera status never went live.
    expect(await page.locator('video').count()).toBe(0);
    await checkScreen(page, 'no-camera-face');
    await button(page, '身份证号（工作人员录入）').click();
    await page.getByLabel('身份证号码', { exact: true }).waitFor();
    await checkScreen(page, 'no-camera-id-number');
  });
});
