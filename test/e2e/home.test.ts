import { existsSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, CAMERA_CLIP, isLocal, screenshot, startKiosk, type RunningKiosk } from './support/kiosk';

let kiosk: RunningKiosk;

beforeAll(async () => {
  if (!existsSync(CAMERA_CLIP)) {
    console.warn(`camera clip ${CAMERA_CLIP} absent (../shared/fixtures/faces missing): using Chromium's synthetic camera`);
  }
  kiosk = await startKiosk();
});
afterAll(() => kiosk?.close());

describe('kiosk in Chromium through the browser bridge', () => {
  it('renders the home screen in Chinese with the mode and the staff call', async () => {
    const { page } = kiosk;
    await page.getByRole('heading', { name: '刷脸就医' }).waitFor();
    expect(await page.getByText('自助挂号缴费').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '呼叫工作人员' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // Elder-first: body text is at least 28px.
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(28);
    await screenshot(page, 'home');
    expect(existsSync(path.join(ARTIFACTS, 'home.png'))).toBe(true);
  });

  it('gets the camera: the fake camera streams 640x480 into the face screen', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '开始刷脸' }).click();
    await page.getByRole('button', { name: '同意，开始刷脸' }).click();
    await page.locator('[data-camera-status="live"]').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
    const size = await page.evaluate(() => {
      const video = document.querySelector('video')!;
      return { width: video.videoWidth, height: video.videoHeight };
    });
    expect(size).toEqual({ width: 640, height: 480 });
    await screenshot(page, 'face-camera');
  });

  it('leaving the face screen turns the camera off', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '用其他方式' }).click();
    await page.getByRole('heading', { name: '请选择一种方式' }).waitFor();
    expect(await page.evaluate(() => document.querySelector('video'))).toBeNull();
    await page.getByRole('button', { name: '结束，重新开始' }).click();
    await page.getByRole('heading', { name: '刷脸就医' }).waitFor();
  });

  it('calls staff through the bridge and the real handlers', async () => {
    const { page } = kiosk;
    await page.getByRole('button', { name: '呼叫工作人员' }).click();
    await page.getByText(/已通知工作人员，请稍候。号码 S\d{3}/).waitFor();
  });

  it('asked nothing of any host but this machine', () => {
    expect(kiosk.requests.length).toBeGreaterThan(0);
    expect(kiosk.requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
