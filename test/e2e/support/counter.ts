import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { CounterMode } from '../../../shared/config/terminalConfig';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { FACES, PROJECT_ROOT, screenshot, type RunningKiosk } from './kiosk';

/** Demo PINs of the sandbox configuration (README): admin 135790, operator OP001 246810. */
export const ADMIN_PIN = '135790';
export const OPERATOR = { id: 'OP001', pin: '246810' };

/**
 * A terminal configuration file for one counter mode. The fake camera loops a still photo
 * that never blinks or turns, so the face policy is the staffed counters' passive-only.
 */
export function terminalConfig(mode: CounterMode, extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-e2e-config-'));
  const file = path.join(dir, 'terminal.json');
  const institution = mode === 'pharmacy' ? { code: 'P42120200001', name: '咸宁市演示大药房' } : { code: 'H42120200001', name: '咸宁市演示医院' };
  writeFileSync(
    file,
    JSON.stringify({ institution, terminal: { id: 'KIOSK-E2E', name: '测试终端', mode }, face: { policy: 'passive-only', maxAttempts: 3 }, ...extra }),
  );
  return file;
}

const AXE = path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the kiosk's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Every screen a test passes: a screenshot under test/artifacts/ and the axe check. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(50); // let the screen's fonts and layout settle before the picture
  await screenshot(page, name);
  expect({ screen: name, problems: await axeProblems(page) }).toEqual({ screen: name, problems: [] });
}

/** The sandbox's fault injection: the next `times` requests of `infno` fail as asked. */
export async function injectFault(kiosk: RunningKiosk, fault: { infno: string; mode: 'error' | 'commit-then-drop' | 'drop' | 'latency'; times?: number; errMsg?: string; latencyMs?: number }) {
  const response = await fetch(`${kiosk.core.platformUrl}/sandbox/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`fault not set: ${response.status} ${await response.text()}`);
}

export async function sandboxGet<T>(kiosk: RunningKiosk, route: string): Promise<T> {
  const response = await fetch(`${kiosk.core.platformUrl}${route}`);
  return (await response.json()) as T;
}

export const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
export const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

/** Staff open admin with the PIN and sign the demo operator in with theirs: the staffed counters open. */
/**
 * A look-alike: the second demo person enrolled with the first one's face, so the face service
 * cannot tell them apart and asks the first for the last four digits of the ID number.
 */
export async function enrolLookAlike(kiosk: RunningKiosk): Promise<void> {
  const response = await fetch(`${kiosk.core.platformUrl}/sandbox/face/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      psnNo: DEMO_PERSONS[1]!.psnNo,
      faceImage: readFileSync(path.join(FACES, 'person_a_obama_1.jpg')).toString('base64'),
      replace: false,
    }),
  });
  if (!response.ok) throw new Error(`enrol failed: ${response.status} ${await response.text()}`);
}

export async function signInOperator(page: Page): Promise<void> {
  await button(page, '工作人员').click();
  await page.getByLabel('管理密码', { exact: true }).fill(ADMIN_PIN);
  await button(page, '进入管理').click();
  await heading(page, '终端管理').waitFor();
  await button(page, `签到 ${OPERATOR.id} 演示收费员`).click();
  await page.getByLabel('操作员密码', { exact: true }).fill(OPERATOR.pin);
  await button(page, '签到').click();
  await page.getByText(`当前操作员：${OPERATOR.id}`).waitFor();
  await button(page, '返回服务').click();
}

/**
 * Consent and the face: ends on "is this you?" (or the second-factor screen, if the service asks).
 * `check` is what each screen passed gets (the screen-size walk adds its layout check).
 */
export async function faceIn(page: Page, prefix: string, check: (page: Page, name: string) => Promise<void> = checkScreen): Promise<void> {
  await heading(page, '刷脸前，请您确认').waitFor();
  await check(page, `${prefix}-consent`);
  await button(page, '同意，开始刷脸').click();
  await page.locator('[data-camera-status="live"]').waitFor({ timeout: 30_000 });
  await check(page, `${prefix}-face`);
  await page.locator('[data-screen="is-this-you"], [data-screen="second-factor"], [data-screen="problem"]').waitFor({ timeout: 60_000 });
  // The fake camera is a still photo (no blink, no nod): the face service asks for the knowledge
  // check, which the patient (person A, the clip's face) answers. Look-alikes' second factor stays for the caller.
  if (await page.locator('[data-second-factor-why="no-motion"]').isVisible()) {
    await check(page, `${prefix}-knowledge-check`);
    await page.getByLabel('身份证号后四位', { exact: true }).fill(DEMO_PERSONS[0]!.certno.slice(-4));
    await button(page, '确定').click();
    await page.locator('[data-screen="is-this-you"], [data-screen="problem"]').waitFor({ timeout: 30_000 });
  }
}
