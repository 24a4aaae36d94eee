import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_NEXT_STEPS, PAPER_SIZES, type PaperSize } from '../../shared/config/terminalConfig';
import { ADMIN_PIN, button, checkScreen, faceIn, heading, terminalConfig } from './support/counter';
import { ARTIFACTS, type RunningKiosk, startKiosk } from './support/kiosk';

/**
 * Slips in Chromium through the browser bridge, real core and sandbox: the registration slip
 * prints itself (the bridge's print path is the page's own print, silent under --kiosk-printing),
 * the print stylesheet holds at every paper width (measured in the DOM, then printed to PDF and
 * rasterised with pdftoppm), and staff reprint the slip by its reference.
 */
let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('registration', { printer: { deviceName: 'POS80', autoPrint: true, paper: '80mm' } }) });
  // The page's print, recorded: what was in #print-root (the only thing print.css prints) each time.
  await kiosk.page.addInitScript(() => {
    const w = window as unknown as { prints: { text: string; paper: string | null; fontsLoaded: boolean }[] };
    w.prints = [];
    window.print = () => {
      const slip = document.querySelector('#print-root .slip');
      const text = slip?.textContent ?? '';
      // Every character of the slip has its font slice loaded when the print starts (no empty boxes on paper).
      const fontsLoaded = ['400', '700'].every((weight) => document.fonts.check(`${weight} 16px "Noto Sans SC"`, text));
      w.prints.push({ text, paper: slip?.getAttribute('data-paper') ?? null, fontsLoaded });
    };
  });
  await kiosk.page.reload();
});
afterAll(() => kiosk?.close());

const prints = (page: Page) =>
  page.evaluate(() => (window as unknown as { prints: { text: string; paper: string | null; fontsLoaded: boolean }[] }).prints);

/** The font slices for the slip's characters, as the app loads them before it prints (renderer/print/slipPrinting.ts). */
const loadSlipFonts = (page: Page) =>
  page.evaluate(async () => {
    const text = document.querySelector('#print-root')?.textContent ?? '';
    await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "Noto Sans SC"`, text)));
  });

/** The page width of each paper's @page in print.css, and the printable width the slip must keep to (mm). */
const PAPER: Record<PaperSize, { pageMm: [number, number]; slipMm: number }> = {
  '80mm': { pageMm: [80, 297], slipMm: 72 },
  '58mm': { pageMm: [58, 297], slipMm: 48 },
  A5: { pageMm: [148, 210], slipMm: 128 },
  A4: { pageMm: [210, 297], slipMm: 150 },
};
const PX_PER_MM = 96 / 25.4;
const LONG_ITEM = '复方甘草酸苷注射液（进口分装）20ml:40mg*10支/盒';

interface Measured {
  slipWidthPx: number;
  labels: { text: string; lines: number; overflowPx: number }[];
  values: { text: string; lines: number; overflowPx: number }[];
  /** Per field: the value starts below its label's bottom (stacked) rather than beside it. */
  stacked: { label: string; below: boolean }[];
}

/** Lays the slip in #print-root out for `paper` under print media and measures every label and value. */
function measure(page: Page, paper: PaperSize): Promise<Measured> {
  return page.evaluate((paper) => {
    const slip = document.querySelector('#print-root .slip') as HTMLElement;
    slip.setAttribute('data-paper', paper);
    const box = slip.getBoundingClientRect();
    // Lines of an element's text: distinct tops among its text's line boxes.
    const lines = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    };
    const overflow = (el: Element) => el.getBoundingClientRect().right - box.right;
    const read = (el: Element) => ({ text: (el.textContent ?? '').trim(), lines: lines(el), overflowPx: overflow(el) });
    return {
      slipWidthPx: box.width,
      labels: [...slip.querySelectorAll('dt')].map(read),
      values: [...slip.querySelectorAll('dd, .slip__item-name, .slip__item-amount, .slip__next, .slip__note, .slip__title')].map(read),
      stacked: [...slip.querySelectorAll('.slip__field')].map((field) => ({
        label: (field.querySelector('dt')?.textContent ?? '').trim(),
        below: field.querySelector('dd')!.getBoundingClientRect().top >= field.querySelector('dt')!.getBoundingClientRect().bottom - 0.5,
      })),
    };
  }, paper);
}

/** `pdfinfo`'s page size in millimetres and page count. */
function pdfPages(file: string): { pages: number; mm: [number, number] } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pages = /Pages:\s+(\d+)/.exec(info);
  if (!size || !pages) throw new Error(`pdfinfo said: ${info}`);
  const mm = (pt: string) => Math.round((Number(pt) / 72) * 25.4);
  return { pages: Number(pages[1]), mm: [mm(size[1]!), mm(size[2]!)] };
}

/** The first page as a greyscale raster (netpbm P5): how much of it is ink, and how far right the ink reaches. */
function inkOf(file: string): { inkShare: number; rightmostInkMm: number } {
  const prefix = file.replace(/\.pdf$/, '-ink');
  execFileSync('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  rmSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a P5 greyscale image');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  let rightmost = 0;
  for (let i = 0; i < width * height; i++) {
    if (pixels[i]! < 128) {
      ink++;
      rightmost = Math.max(rightmost, i % width);
    }
  }
  return { inkShare: ink / (width * height), rightmostInkMm: ((rightmost + 1) / 72) * 25.4 };
}

describe('slips through the browser bridge', () => {
  it('a registration with a printer configured prints its slip without a tap, then says where to go next', async () => {
    const { page } = kiosk;
    await heading(page, '刷脸就医').waitFor();
    await button(page, '开始刷脸').click();
    await faceIn(page, 'printing');
    await button(page, '是我本人').click();
    await button(page, '内科').click();
    await page.locator('[data-screen="slots"] .button--row').first().click();
    await heading(page, '请核对费用').waitFor();
    expect(await prints(page)).toEqual([]);
    await button(page, '确认支付').click();
    await page.getByRole('heading', { name: /^(支付成功|医保已支付)$/ }).waitFor(); // 医保已支付 when cash is still owed
    // Nothing on this screen is touched: the slip prints as the result shows.
    await page.locator('[data-print-status="printed"]').waitFor();
    expect(await page.getByTestId('print-status').innerText()).toBe('凭条已打印');
    const printed = await prints(page);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ paper: '80mm', text: expect.stringContaining('欧*明'), fontsLoaded: true });
    const regNo = (await page.getByTestId('slip-registration').innerText()).split(' · ')[1]!;
    expect(printed[0]!.text).toContain(regNo);
    // Where to go next, in the configuration's words, with the cash due written in.
    const cash = await page.locator('.receipt__split dt', { hasText: '现金支付' }).locator('xpath=following-sibling::dd[1]').innerText();
    const expected = cash === '¥0.00' ? DEFAULT_NEXT_STEPS.registration.paid : DEFAULT_NEXT_STEPS.registration.cashDue.replace('{cash}', cash);
    expect(await page.getByTestId('next-step').innerText()).toBe(expected);
    expect(printed[0]!.text).toContain(expected);
    await page.evaluate(() => document.fonts.ready);
    await checkScreen(page, 'registration-slip-printed');
  });

  it('lays the slip out at 80 mm, 58 mm, A5 and A4 without a label wrapping, and prints each to one PDF page of that paper', async () => {
    const { page } = kiosk;
    if (!existsSync('/usr/bin/pdftoppm')) throw new Error('pdftoppm not found: apt-get install -y poppler-utils (.ci/run does)');
    await page.emulateMedia({ media: 'print' });
    // A pharmacy-length item name beside the registration fee, as narrow rolls must take it.
    await page.evaluate((name) => {
      const line = document.querySelector('#print-root .slip__item')!.cloneNode(true) as HTMLElement;
      line.dataset.added = 'long';
      line.querySelector('.slip__item-name')!.textContent = name;
      document.querySelector('#print-root .slip__items')!.append(line);
    }, LONG_ITEM);
    try {
      for (const paper of PAPER_SIZES) {
        const m = await measure(page, paper);
        expect({ paper, width: Math.round(m.slipWidthPx / PX_PER_MM) }).toEqual({ paper, width: PAPER[paper].slipMm });
        // Every label on one line, inside the slip: never a character a line.
        expect(m.labels.length).toBeGreaterThanOrEqual(10);
        expect(m.labels.filter((l) => l.lines !== 1 || l.overflowPx > 0.5)).toEqual([]);
        // Values may wrap (a 30-digit reference on 48 mm), but inside the slip and never a character a line.
        expect(m.values.filter((v) => v.overflowPx > 0.5 || (v.lines > 1 && v.text.length / v.lines < 4))).toEqual([]);
        if (paper === '58mm') expect(m.stacked.filter((f) => !f.below)).toEqual([]);
        else expect(m.stacked.find((f) => f.label === '患者')).toEqual({ label: '患者', below: false });

        await loadSlipFonts(page);
        const pdf = path.join(ARTIFACTS, `slip-${paper}.pdf`);
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        expect({ paper, ...pdfPages(pdf) }).toEqual({ paper, pages: 1, mm: PAPER[paper].pageMm });
        const ink = inkOf(pdf);
        expect(ink.inkShare).toBeGreaterThan(0.005);
        expect(ink.rightmostInkMm).toBeLessThanOrEqual(PAPER[paper].pageMm[0]);
        // The page as a picture, for a person to look at (test/artifacts/slip-<paper>.png).
        execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
      }
    } finally {
      await page.evaluate(() => {
        document.querySelector('#print-root [data-added="long"]')?.remove();
        document.querySelector('#print-root .slip')?.setAttribute('data-paper', '80mm');
      });
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('staff reprint the slip by its reference in admin → 补打凭条', async () => {
    const { page } = kiosk;
    const setlId = await page.getByTestId('receipt-setl-id').innerText();
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
    expect(await page.locator('#print-root').evaluate((el) => el.textContent)).toBe('');
    await button(page, '工作人员').click();
    await page.getByLabel('管理密码', { exact: true }).fill(ADMIN_PIN);
    await button(page, '进入管理').click();
    await heading(page, '终端管理').waitFor();
    await button(page, '补打凭条').click();
    await page.getByLabel('流水号或结算号', { exact: true }).fill(setlId);
    await button(page, '查找凭条').click();
    const preview = page.getByTestId('reprint-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('补打凭条');
    expect(await preview.innerText()).toContain('欧*明');
    await page.evaluate(() => document.fonts.ready);
    await checkScreen(page, 'admin-reprint');
    await button(page, '打印这张凭条').click();
    await page.getByText('已补打').waitFor();
    const printed = await prints(page);
    expect(printed).toHaveLength(2);
    expect(printed[1]!.text).toContain('补打凭条');
    expect(printed[1]!.text).toContain(setlId);
    expect(printed[1]!.fontsLoaded).toBe(true);
    await button(page, '返回服务').click();
    await heading(page, '刷脸就医').waitFor();
  });
});
