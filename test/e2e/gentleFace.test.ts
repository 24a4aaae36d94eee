import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { writeStillClipY4m } from '../tools/stillClip';
import { button, checkScreen, heading, terminalConfig } from './support/counter';
import { FACES, type RunningKiosk, startKiosk } from './support/kiosk';

/**
 * The gentle face step with a camera clip that never blinks or nods: person A's enrolment photo
 * replayed (made here, at test time, into a temp folder; the fixtures are never copied). The
 * kiosk asks for a slow blink or a small nod, shows how and how far, never gives up on time;
 * after the first miss it offers staff and the last four ID digits, and the patient finishes by
 * the digits, which the face service (not the page) checks.
 */
const PHOTO = path.join(FACES, 'person_a_obama_1.jpg');
const haveFaces = existsSync(PHOTO);
const A = DEMO_PERSONS[0]!;
const SEED = 7;
let kiosk: RunningKiosk;

beforeAll(async () => {
  if (!haveFaces) return;
  const clip = path.join(mkdtempSync(path.join(tmpdir(), 'facesettle-still-clip-')), 'still_person_a.y4m');
  // The fixture clip's framing (LICENSES.md: crop 910x682 at 0,0), a pixel of wobble, 3 s looped.
  console.log(`gentleFace: still clip ${clip}, wobble seed ${SEED}`);
  writeStillClipY4m(PHOTO, clip, { region: [0, 0, 910, 682], seconds: 3, fps: 10, maxShift: 1.5, seed: SEED });
  kiosk = await startKiosk({ config: terminalConfig('registration', { face: { policy: 'active-always', maxAttempts: 3 } }), cameraFile: clip });
});
afterAll(() => kiosk?.close());

(haveFaces ? describe : describe.skip)(`the gentle face step${haveFaces ? '' : ` (skipped: no face fixtures at ${FACES})`}`, () => {
  it('asks for a blink or a nod with a demonstration and a ring; after the miss offers staff and the digits; the patient finishes by the digits', async () => {
    const { page } = kiosk;
    await button(page, '开始刷脸').click();
    await button(page, '同意，开始刷脸').click();
    await page.locator('[data-camera-status="live"]').waitFor({ timeout: 30_000 });
    // The gentlest challenge, shown: the animated face inside the progress ring.
    await page.getByText('请慢慢眨一下眼睛，或者轻轻点一下头').waitFor({ timeout: 60_000 });
    const ring = page.getByRole('progressbar');
    await ring.waitFor();
    expect(await page.locator('.face-challenge svg .face-challenge__eyes').count()).toBe(1);
    expect(Number(await ring.getAttribute('aria-valuenow'))).toBeLessThan(100);
    await checkScreen(page, 'gentle-challenge');
    // The first miss: the camera keeps looking, and the way around it appears beside.
    await button(page, '输入身份证号后四位').waitFor({ timeout: 30_000 });
    expect(await button(page, '请工作人员来帮忙').isVisible()).toBe(true);
    expect(await page.locator('[data-screen="face"]').innerText()).toContain('做不了动作也没关系');
    // Still on the face screen, no give-up: the challenge and its ring are still there.
    expect(await ring.isVisible()).toBe(true);
    await checkScreen(page, 'gentle-offer');
    await button(page, '输入身份证号后四位').click();
    // The face service (the e-voucher channel) asks for the digits because no gesture was shown.
    await heading(page, '请输入身份证号码最后四位').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-second-factor-why="no-motion"]').innerText()).toContain('不用做动作');
    await checkScreen(page, 'gentle-digits');
    await page.getByLabel('身份证号后四位', { exact: true }).fill(A.certno.slice(-4));
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    expect(await page.locator('main').innerText()).toContain('欧*明');
    await button(page, '是我本人').click();
    await heading(page, '请选择科室').waitFor();
  });

  it('three wrong digits do not say "not found": the digits did not match, the other ways and staff are offered', async () => {
    const { page } = kiosk;
    await page.reload(); // a new patient
    await heading(page, '刷脸就医').waitFor();
    await button(page, '开始刷脸').click();
    await button(page, '同意，开始刷脸').click();
    await button(page, '输入身份证号后四位').click({ timeout: 90_000 });
    await heading(page, '请输入身份证号码最后四位').waitFor({ timeout: 30_000 });
    for (const guess of ['0000', '1111', '2222']) {
      await page.getByLabel('身份证号后四位', { exact: true }).fill(guess);
      await button(page, '确定').click();
      if (guess !== '2222') await page.getByText(/号码不对，还可以再试 \d 次/).waitFor();
    }
    await heading(page, '身份证号后四位不对').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('没有找到您的医保信息');
    expect(text).toContain('与身份证号码不符');
    for (const way of ['医保电子凭证二维码', '社保卡', '身份证号（工作人员录入）', '请工作人员来帮忙']) expect(await button(page, way).isVisible()).toBe(true);
    await checkScreen(page, 'gentle-digits-locked');
  });
});
