import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeProblems } from './counter';
import { ARTIFACTS } from './kiosk';

/** The terminals hospitals run: 5:4 kiosks, small laptops and counter PCs, 1080p, and portrait totems. */
export const SCREEN_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 1024 },
  { width: 1366, height: 768 },
  { width: 1080, height: 1920 },
] as const;
export type ScreenSize = (typeof SCREEN_SIZES)[number];
export const sizeName = (size: { width: number; height: number }) => `${size.width}x${size.height}`;

/**
 * What the layout promises on every screen at every size, as the page itself measures it:
 * - nothing scrolls or clips its content except a list box (LIST_BOX), and a list box
 *   never scrolls sideways;
 * - every content region (CONTENT_REGION) with something to show shows at least a list box's
 *   100 px of it (a list box) or one line of text (any other), down to 0 px, and one character's width;
 * - every text, button and field outside a list box lies inside the viewport;
 * - buttons, money lines and the title are not in a list box (money never scrolls away) and
 *   are not covered by anything (the footer, a banner);
 * - every button is at least 64 px both ways (the standard density's floor).
 * `fonts` keys the type of the title, the leads, the buttons and the money lines, so a caller
 * can check the type never shrinks with the screen.
 */
export interface LayoutReport {
  problems: string[];
  fonts: Record<string, number>;
}

/** A list's own box (styles.css), or any focusable named region that scrolls (the reprint preview). */
export const LIST_BOX = '.scroll-box, [role="region"][tabindex]';
const MIN_LIST_PX = 100;
/**
 * What the page marks as content: a list box, any named region (ScrollBox, the status, a slip's
 * preview; a named <section>, as ScreenFrame's screen is, is one), the frame's <main>, a dialog.
 */
export const CONTENT_REGION = `${LIST_BOX}, [role="region"], section[aria-label], section[aria-labelledby], main, [role="main"], [role="dialog"], [role="alertdialog"]`;
/** Content with no text of its own. */
const CONTENT_MEDIA = 'img, video, canvas, svg, input, button, select, textarea';
const MIN_TARGET_PX = 64;

export async function layoutReport(page: Page): Promise<LayoutReport> {
  return page.evaluate(
    ({ listBox, regions, media, minListPx, minTargetPx }) => {
      // The decision's money: the confirmation's split, the receipt's, the cart's total, the cash due.
      // (A choice list's own amounts, a slot's fee or a visit's total, scroll with their rows.)
      const MONEY = '.split dt, .split dd, .receipt__split dt, .receipt__split dd, .receipt__pending p, .figure, [data-testid="cart-total"], [data-testid="cash-due"]';
      const PINNED = `.screen__title, button, ${MONEY}`;
      const TYPE = `.screen__title, .screen__lead, button, ${MONEY}`;
      const slack = 1;
      const vw = document.documentElement.clientWidth;
      const vh = document.documentElement.clientHeight;
      const problems: string[] = [];
      const fonts: Record<string, number> = {};
      const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
      const describe = (el: Element) => {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        const text = textOf(el);
        return `<${el.tagName.toLowerCase()}${cls}>${text ? ` "${text}"` : ''}`;
      };
      const box = (r: DOMRect) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      const shown = (el: Element) => {
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      };
      const listBoxOf = (el: Element): Element | null => {
        for (let p = el.parentElement; p; p = p.parentElement) if (p.matches(listBox)) return p;
        return null;
      };
      const outside = (r: DOMRect) => r.left < -slack || r.top < -slack || r.right > vw + slack || r.bottom > vh + slack;
      const elements = [...document.body.querySelectorAll('*')].filter(shown);

      // The page itself never scrolls: whatever does not fit is lost below the fold.
      const root = document.documentElement;
      if (root.scrollWidth > vw + slack || root.scrollHeight > vh + slack) {
        problems.push(`the page is ${root.scrollWidth}×${root.scrollHeight}, larger than the ${vw}×${vh} viewport`);
      }

      for (const el of elements) {
        if (el.matches('input, textarea, select, video, canvas, svg, svg *')) continue;
        const style = getComputedStyle(el);
        const overX = el.scrollWidth > el.clientWidth + slack && style.overflowX !== 'visible';
        const overY = el.scrollHeight > el.clientHeight + slack && style.overflowY !== 'visible';
        if (el.matches(listBox)) {
          if (overX) problems.push(`${describe(el)} scrolls sideways (${el.scrollWidth} in ${el.clientWidth})`);
          // Its height is the content regions' rule, below: it holds at 0 px too.
          if (overY && !/auto|scroll/.test(style.overflowY)) problems.push(`${describe(el)} clips its list without scrolling`);
        } else if (overX || overY) {
          problems.push(`${describe(el)} clips or scrolls its content (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
        }
      }

      // Content regions keep room to show their content. The checks above skip boxes of no height,
      // so a list or a screen's section squeezed to 0 px (the admin's tabs once took it all) passed
      // them; here a region counts however small it is, when it has something to show.
      const rendered = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const hasContent = (region: Element) => {
        const texts = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
        for (let node = texts.nextNode(); node; node = texts.nextNode()) {
          if (!(node.textContent ?? '').trim() || !node.parentElement) continue;
          // A text's own boxes, not its parent's: a parent may be display: contents (a keyed form's wrappers).
          const range = document.createRange();
          range.selectNodeContents(node);
          if (range.getClientRects().length > 0 && getComputedStyle(node.parentElement).visibility !== 'hidden') return true;
        }
        return [...region.querySelectorAll(media)].some(rendered);
      };
      for (const el of [...document.querySelectorAll(regions)].filter(rendered)) {
        const list = el.matches(listBox);
        const style = getComputedStyle(el);
        const fontPx = parseFloat(style.fontSize);
        const linePx = parseFloat(style.lineHeight) || fontPx * 1.2; // 'normal' is about 1.2em
        const floor = list ? minListPx : linePx;
        const squeezedY = el.clientHeight + slack < Math.min(el.scrollHeight, floor);
        const squeezedX = el.clientWidth + slack < Math.min(el.scrollWidth, fontPx);
        if ((!squeezedY && !squeezedX) || !hasContent(el)) continue;
        const under = list ? `under ${minListPx}px` : `under one line (${Math.round(linePx)}px)`;
        if (squeezedY) problems.push(`${describe(el)} shows ${el.clientHeight}px of its ${el.scrollHeight}px ${list ? 'list' : 'content'}, ${under}`);
        if (squeezedX) problems.push(`${describe(el)} is ${el.clientWidth}px wide for its ${el.scrollWidth}px content, under one character`);
      }

      // Text, buttons and fields: inside the viewport unless they scroll inside a list box.
      for (const el of elements) {
        if (listBoxOf(el)) continue;
        const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
        if (!ownText && !el.matches('button, input, select, textarea, video')) continue;
        const r = el.getBoundingClientRect();
        if (outside(r)) problems.push(`${describe(el)} lies outside the ${vw}×${vh} viewport (${box(r)})`);
        if (ownText) {
          for (const node of el.childNodes) {
            if (node.nodeType !== Node.TEXT_NODE || !(node.textContent ?? '').trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            const t = range.getBoundingClientRect();
            if (t.width > 0 && outside(t)) problems.push(`text "${(node.textContent ?? '').trim().slice(0, 24)}" runs outside the viewport (${box(t)})`);
          }
        }
      }

      // The decision is pinned: the title, the buttons outside lists and every money line are
      // on screen and nothing lies over them. Under a modal dialog only the dialog counts.
      const modal = document.querySelector('[aria-modal="true"]');
      for (const el of [...document.querySelectorAll(PINNED)].filter(shown)) {
        const list = listBoxOf(el);
        if (list && el.matches(MONEY)) problems.push(`${describe(el)} is a money line inside a scrolling list`);
        if (list) continue;
        if (modal && !modal.contains(el)) continue;
        const r = el.getBoundingClientRect();
        if (el.matches('button') && (r.width < minTargetPx - slack || r.height < minTargetPx - slack)) {
          problems.push(`${describe(el)} is a ${Math.round(r.width)}×${Math.round(r.height)} target, under ${minTargetPx}px`);
        }
        if (outside(r)) continue; // reported above
        const points: [number, number][] = [
          [r.left + r.width / 2, r.top + r.height / 2],
          [r.left + r.width * 0.15, r.top + r.height / 2],
          [r.right - r.width * 0.15, r.top + r.height / 2],
          [r.left + r.width / 2, r.top + r.height * 0.15],
          [r.left + r.width / 2, r.bottom - r.height * 0.15],
        ];
        for (const [x, y] of points) {
          const hit = document.elementFromPoint(x, y);
          if (hit && hit !== el && !el.contains(hit)) {
            problems.push(`${describe(el)} is covered by ${describe(hit)} at ${Math.round(x)},${Math.round(y)}`);
            break;
          }
        }
      }

      for (const el of [...document.querySelectorAll(TYPE)].filter(shown)) {
        const key = `${el.tagName.toLowerCase()} ${textOf(el)}`;
        const size = parseFloat(getComputedStyle(el).fontSize);
        fonts[key] = Math.min(fonts[key] ?? Infinity, size);
      }
      return { problems: [...new Set(problems)], fonts };
    },
    { listBox: LIST_BOX, regions: CONTENT_REGION, media: CONTENT_MEDIA, minListPx: MIN_LIST_PX, minTargetPx: MIN_TARGET_PX },
  );
}

/**
 * Checks screens at several sizes and remembers what it found, so one walk reports every
 * screen's problems together. The first size a screen is seen at is its type baseline: at
 * any other size its title, leads, buttons and money lines must be at least as large.
 */
export class LayoutWalk {
  readonly problems: string[] = [];
  private readonly baselines = new Map<string, Record<string, number>>();

  constructor(private readonly page: Page) {}

  /** Screenshot under test/artifacts/screens/<w>x<h>/<name>.png, the layout report and axe-core. */
  async check(name: string): Promise<void> {
    const { page } = this;
    const size = page.viewportSize();
    if (!size) throw new Error('the page has no viewport size');
    const at = `${sizeName(size)} ${name}`;
    await page.waitForTimeout(50); // let fonts and layout settle, as checkScreen does
    const dir = path.join(ARTIFACTS, 'screens', sizeName(size));
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}.png`) });
    const report = await layoutReport(page);
    this.problems.push(...report.problems.map((p) => `${at}: ${p}`));
    this.problems.push(...(await axeProblems(page)).map((p) => `${at}: axe ${p}`));
    const baseline = this.baselines.get(name);
    if (!baseline) this.baselines.set(name, report.fonts);
    else {
      for (const [key, px] of Object.entries(report.fonts)) {
        const was = baseline[key];
        if (was !== undefined && px < was - 0.5) this.problems.push(`${at}: type of "${key}" shrank from ${was}px to ${px}px`);
      }
    }
  }

  /** Every problem found since the last call (and forgets them): what a test expects to be empty. */
  take(): string[] {
    return this.problems.splice(0);
  }
}
