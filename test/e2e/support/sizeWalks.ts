import type { Browser, Page } from 'playwright-core';
import type { CounterMode } from '../../../shared/config/terminalConfig';
import { OPERATOR, button, heading, terminalConfig } from './counter';
import { launchChromium, startKiosk, type RunningKiosk } from './kiosk';
import { LayoutWalk, SCREEN_SIZES, sizeName, type ScreenSize } from './layoutCheck';

/** The sizes as `it.each` rows: `$name` names the test, `index` tells the walks apart. */
export const SIZES = SCREEN_SIZES.map((size, index) => ({ ...size, index, name: sizeName(size) }));

/** One counter mode's kiosk in the shared browser, with the layout walk that checks its screens. */
export interface SizedKiosk {
  kiosk: RunningKiosk;
  page: Page;
  walk: LayoutWalk;
  /** The layout walk's check, in the shape the flows' helpers take. */
  check: (page: Page, name: string) => Promise<void>;
}

export async function startSizedKiosk(browser: Browser, mode: CounterMode, extra: Record<string, unknown> = {}): Promise<SizedKiosk> {
  const kiosk = await startKiosk({ config: terminalConfig(mode, extra), browser });
  const walk = new LayoutWalk(kiosk.page);
  return { kiosk, page: kiosk.page, walk, check: (_page, name) => walk.check(name) };
}

/** One Chromium for a test file's walks: every kiosk of the file gets its own context in it. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('the browser has not started');
    return browser;
  };
}

/** Starts one mode's kiosk for a describe block; `ready` runs once after it started. */
export function kioskFor(browser: () => Browser, mode: CounterMode, ready?: (k: SizedKiosk) => Promise<void>, extra?: Record<string, unknown>): () => SizedKiosk {
  let sized: SizedKiosk | undefined;
  beforeAll(async () => {
    sized = await startSizedKiosk(browser(), mode, extra);
    await ready?.(sized);
  });
  afterAll(() => sized?.kiosk.close());
  return () => {
    if (!sized) throw new Error(`the ${mode} kiosk has not started`);
    return sized;
  };
}

/** A walk starts at this size from a freshly loaded page and no faults set: one walk's failure does not leak into the next. */
export async function atSize(sized: SizedKiosk, size: ScreenSize): Promise<void> {
  const cleared = await fetch(`${sized.kiosk.core.platformUrl}/sandbox/admin/faults`, { method: 'DELETE' });
  if (!cleared.ok) throw new Error(`faults not cleared: ${cleared.status}`);
  await sized.page.setViewportSize(size);
  await sized.page.goto(sized.kiosk.host.url);
}

/** Screens reached once per kiosk (a lockout, an admission): checked at every size where they stand. */
export async function checkEverySize(sized: SizedKiosk, name: string): Promise<void> {
  for (const size of SCREEN_SIZES) {
    await sized.page.setViewportSize(size);
    await sized.walk.check(name);
  }
}

/**
 * From the other ways in, the social-security card at a counter without a reader: staff type the
 * 社会保障号码 printed on it (the ID number) and vouch with their PIN. Ends on "is this you?".
 */
export async function cardFromOtherWays(page: Page, person: { certno: string }): Promise<void> {
  await heading(page, '请选择一种方式').waitFor();
  await button(page, '社保卡').click();
  await heading(page, '请把社保卡交给工作人员').waitFor();
  await page.getByLabel('卡面上的社会保障号码', { exact: true }).fill(person.certno);
  // A staffed counter's signed-in operator vouches already; elsewhere staff type their number.
  const operator = page.getByLabel('工作人员工号', { exact: true });
  if (await operator.isEditable()) await operator.fill(OPERATOR.id);
  await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
  await button(page, '确定').click();
  await heading(page, '请确认是您本人').waitFor();
}

/** From the home screen, by card: ends on "is this you?". */
export async function byCard(page: Page, person: { certno: string }): Promise<void> {
  await button(page, '不刷脸，用其他方式').click();
  await cardFromOtherWays(page, person);
}

/** A doctor's order through the sandbox hospital system: a pending bill for the cashier. */
export async function placeOrder(kiosk: RunningKiosk, psnNo: string, items: [code: string, qty: number][]): Promise<void> {
  const response = await fetch(`${kiosk.core.platformUrl}/his/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ psnNo, doctorCode: 'DR001', items: items.map(([code, qty]) => ({ code, qty })) }),
  });
  if (!response.ok) throw new Error(`order refused: ${response.status} ${await response.text()}`);
}

/**
 * Family payment (issue 15), from "is this you?": 为家人办理, the member whose relation is given,
 * the payer's check of them (each screen passed to `check`). Ends where the mode's flow goes on.
 */
export async function actForFamily(page: Page, relation: string, check: (name: string) => Promise<void>): Promise<void> {
  await button(page, '为家人办理').click();
  await heading(page, '请选择为哪位家人办理').waitFor();
  await page.getByTestId('family-member').first().waitFor();
  await check('family-list');
  await page.getByTestId('family-member').filter({ hasText: `（${relation}）` }).click();
  await heading(page, '请确认为这位家人办理').waitFor();
  await check('family-patient');
  await button(page, '是，为这位家人办理').click();
}
