import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/kiosk';
import { layoutReport } from './support/layoutCheck';

/**
 * The screen-size walks pass only if the layout check can fail: each fault it exists for, on a
 * page made to have it, is reported; the same page without the faults is not.
 */
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium(null);
  page = await browser.newPage({ viewport: { width: 800, height: 600 } });
});
afterAll(() => browser?.close());

const STYLE = `<style>
  body { margin: 0; overflow: hidden; font: 28px sans-serif; }
  button { width: 200px; height: 80px; }
  .scroll-box { height: 150px; overflow-y: auto; }
  .foot { position: absolute; left: 0; bottom: 0; width: 800px; height: 60px; background: #000; color: #fff; }
</style>`;

const CLEAN = `${STYLE}
  <h1 class="screen__title">请核对费用</h1>
  <dl class="split"><dt>费用总额</dt><dd>¥1.00</dd></dl>
  <div class="scroll-box" tabindex="0"><div style="height: 400px">很多行</div><button>加入</button></div>
  <button>确认支付</button>
  <div class="scroll-box" role="region" aria-label="空的列表" tabindex="0" style="height: 0"><p style="display: none">没有记录</p></div>
  <div class="foot">呼叫工作人员</div>`;

const FAULTS = `${STYLE}
  <h1 class="screen__title" style="font-size: 20px">请核对费用</h1>
  <div id="clipped" style="width: 100px; overflow: hidden; white-space: nowrap">需要您付现金一百元整</div>
  <button style="position: absolute; left: 700px; top: 0">确认支付</button>
  <div class="scroll-box" tabindex="0"><dl class="split"><dt>费用总额</dt><dd>¥1.00</dd></dl><div style="height: 400px"></div></div>
  <div class="scroll-box" tabindex="0" style="height: 40px"><div style="height: 400px">很多行</div></div>
  <button style="position: absolute; left: 10px; top: 520px">不支付，取消</button>
  <button style="width: 40px; height: 40px">＋</button>
  <div class="foot">呼叫工作人员</div>`;

/*
 * The admin panel as it once was at 1280×1024: the status and three rows of tabs took the frame's
 * height and the section got 0 px; the elements the checks walk have a height, so only this one
 * can tell. Beside it a named section squeezed under one line (its text spills, unclipped: no
 * other check sees it) and a region of no width.
 */
const SQUEEZED = `${STYLE}
  <main style="display: flex; flex-direction: column; height: 540px">
    <h1 class="screen__title" style="flex: none; height: 494px; margin: 0">终端管理</h1>
    <div class="scroll-box" role="region" aria-label="操作员签到" tabindex="0" style="flex: 1 1 0; min-height: 0; height: auto"><p>签到 1001 演示收费员</p></div>
    <section aria-label="终端状态" style="flex: none; height: 6px"><p>打印机缺纸</p></section>
    <div role="region" aria-label="诊断" style="flex: none; width: 0; height: 40px; overflow: hidden">正常</div>
  </main>`;

describe('the layout check', () => {
  it('finds nothing on a page that fits', async () => {
    await page.setContent(CLEAN);
    expect((await layoutReport(page)).problems).toEqual([]);
  });

  it('reports clipped text, a button off screen or covered, money in a list, a squeezed list and a small target', async () => {
    await page.setContent(FAULTS);
    const { problems, fonts } = await layoutReport(page);
    const found = (pattern: RegExp) => problems.some((p) => pattern.test(p));
    expect({
      clipped: found(/<div> "需要您付现金一百元整" clips or scrolls its content/),
      offScreen: found(/<button> "确认支付" lies outside the 800×600 viewport/),
      moneyInList: found(/<dd> "¥1.00" is a money line inside a scrolling list/),
      squeezedList: found(/<div.scroll-box> "很多行" shows 40px of its 400px list/),
      covered: found(/<button> "不支付，取消" is covered by <div.foot>/),
      smallTarget: found(/<button> "＋" is a 40×40 target, under 64px/),
    }).toEqual({ clipped: true, offScreen: true, moneyInList: true, squeezedList: true, covered: true, smallTarget: true });
    // The title's type is what a later size is held to.
    expect(fonts['h1 请核对费用']).toBe(20);
  });

  it('reports a content box squeezed to 0 px, a section under one line and a region of no width', async () => {
    await page.setContent(SQUEEZED);
    const { problems } = await layoutReport(page);
    const found = (pattern: RegExp) => problems.some((p) => pattern.test(p));
    expect({
      zeroList: found(/<div.scroll-box> "签到 1001 演示收费员" shows 0px of its \d+px list, under 100px/),
      underOneLine: found(/<section> "打印机缺纸" shows 6px of its \d+px content, under one line/),
      noWidth: found(/<div> "正常" is 0px wide/),
    }).toEqual({ zeroList: true, underOneLine: true, noWidth: true });
  });
});
