import type { Browser, Page } from 'playwright-core';
import type { CounterMode } from '../../../shared/config/terminalConfig';
import { button, heading, terminalConfig } from './counter';
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

export async function startSizedKiosk(browser: Browser, mode: CounterMode): Promise<SizedKiosk> {
  const kiosk = await startKiosk({ config: terminalConfig(mode), browser });
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
export function kioskFor(browser: () => Browser, mode: CounterMode, ready?: (k: SizedKiosk) => Promise<void>): () => SizedKiosk {
  let sized: SizedKiosk | undefined;
  beforeAll(async () => {
    sized = await startSizedKiosk(browser(), mode);
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

/** From the other ways in, the social-security card as the reader types it: ends on "is this you?". */
export async function cardFromOtherWays(page: Page, person: { cardNo: string; cardSn: string }): Promise<void> {
  await heading(page, '请选择一种方式').waitFor();
  await button(page, '社保卡').click();
  await page.getByLabel('社保卡号', { exact: true }).fill(person.cardNo);
  await page.getByLabel('卡识别码', { exact: true }).fill(person.cardSn);
  await button(page, '确定').click();
  await heading(page, '请确认是您本人').waitFor();
}

/** From the home screen, by card: ends on "is this you?". */
export async function byCard(page: Page, person: { cardNo: string; cardSn: string }): Promise<void> {
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
