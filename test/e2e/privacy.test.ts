import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { expectNoLeaks } from '../support/leakScan';
import { writeFileSync } from 'node:fs';
import { dispatch } from '../../electron/core/dispatch';
import { ADMIN_PIN, button, faceIn, heading, OPERATOR, terminalConfig } from './support/counter';
import { ARTIFACTS, isLocal, startKiosk, type RunningKiosk } from './support/kiosk';

/**
 * Privacy, end to end: a patient pays by face and another is identified by staff; then nothing
 * left the machine, no capture survives in the page's memory, and nothing the kiosk wrote
 * (journal, logs, metrics) holds a name, an ID number, a token, an image or a descriptor.
 */
let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('registration') });
});
afterAll(() => kiosk?.close());

/** Strings of the page's JS heap that look like a JPEG in base64 (what a capture is, sent or kept). */
async function jpegStringsInHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = JSON.parse(chunks.join('')) as { strings: string[] };
  // V8 keeps only the first 1024 characters of a string in a snapshot: enough to know a JPEG.
  return snapshot.strings.filter((s) => s.length >= 500 && (s.startsWith('/9j/') || s.includes('base64,/9j/'))).length;
}

async function payRegistration(page: Page): Promise<void> {
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

describe('privacy at the counter', () => {
  it('a face payment, then a staff-assisted identification', async () => {
    const { page } = kiosk;
    await heading(page, '刷脸就医').waitFor();
    await button(page, '开始刷脸').click();
    await faceIn(page, 'privacy');
    await heading(page, '请确认是您本人').waitFor();
    await payRegistration(page);

    await button(page, '开始刷脸').click();
    await button(page, '不同意，用其他方式').click();
    await button(page, '身份证号（工作人员录入）').click();
    await page.getByLabel('身份证号码', { exact: true }).fill(DEMO_PERSONS[1]!.certno);
    await page.getByLabel('工作人员工号', { exact: true }).fill(OPERATOR.id);
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    await payRegistration(page);
  });

  it('counted what happened, not who: the inclusion metrics of this run', async () => {
    const call = (method: string, payload: unknown) => dispatch(kiosk.core.handlers, method, payload) as Promise<any>;
    const { value: unlocked } = await call('adminUnlock', { pin: ADMIN_PIN });
    const { value: summary } = await call('getMetrics', { adminToken: unlocked.adminToken });
    writeFileSync(path.join(ARTIFACTS, 'metrics-e2e.json'), `${JSON.stringify(summary, null, 2)}\n`);
    expect(summary).toMatchObject({
      consentDeclined: 1,
      fallbacks: { 'id-number': 1 },
      // The fake camera is a still (no gesture): the face service asked for the last four digits.
      identifications: { 'second-factor': 1 },
      secondFactor: { passed: 1 },
      settlements: { settled: 2, failed: 0, unknown: 0 },
    });
    expect(summary.faceAttempts).toBeGreaterThanOrEqual(1);
    expect(summary.medianMs.identify).not.toBeNull();
  });

  it('asked nothing of any host but this machine', () => {
    expect(kiosk.requests.filter((url) => !isLocal(url))).toEqual([]);
  });

  it('keeps no capture in the page once the patient is done', async () => {
    expect(await jpegStringsInHeap(kiosk.page)).toBe(0);
    // The probe itself sees a capture when one is kept.
    await kiosk.page.evaluate(() => Object.assign(window, { kept: btoa(`\xff\xd8\xff\xe0${'x'.repeat(4000)}`) }));
    expect(await jpegStringsInHeap(kiosk.page)).toBe(1);
    await kiosk.page.evaluate(() => Reflect.deleteProperty(window, 'kept'));
    expect(await kiosk.page.evaluate(async () => (await indexedDB.databases()).length + localStorage.length + sessionStorage.length)).toBe(0);
  });

  it('wrote no name, ID number, token, image or descriptor to disk', async () => {
    await kiosk.close();
    expectNoLeaks([kiosk.dataDir], {
      knownNames: DEMO_PERSONS.map((p) => p.name),
      knownIds: DEMO_PERSONS.map((p) => p.certno),
      // The embedded platform's own database is the insurer's, not the kiosk's.
      ignore: (file) => file.startsWith(`sandbox${path.sep}`),
    });
  });
});
