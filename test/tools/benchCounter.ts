/**
 * npm run bench:counter — the counter as a patient meets it, in Chromium through the browser
 * bridge with the real sandbox and the fake camera (the same stack as the e2e tests).
 *
 * 1. Registration and pharmacy flows, 10 runs each: time from the first camera frame with a
 *    face (mark `facesettle:face-seen`) to the receipt on screen (`facesettle:receipt`). The
 *    clicks are made inside the page the moment each button appears, so reading and tapping
 *    are excluded; what remains is the face pipeline, the face service, the platform and the UI.
 *    The camera clip is a still photo (no blink or nod), so each flow includes the knowledge
 *    check: the last four ID digits typed on the keypad the moment it appears.
 * 2. The renderer's JS heap (after a forced GC) after the first 10 and after 200 consecutive
 *    pharmacy flows: it must stay within 10 % (nothing of a patient accumulates).
 *
 * Options: --runs 10 --flows 200. Needs `npx electron-vite build` first.
 */
import type { Page } from 'playwright-core';
import type { CounterMode } from '../../shared/config/terminalConfig';
import { signInOperator, terminalConfig } from '../e2e/support/counter';
import { startKiosk, type RunningKiosk } from '../e2e/support/kiosk';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 10);
/** Person A's (the camera clip's face) last four ID digits. */
const DIGITS = DEMO_PERSONS[0]!.certno.slice(-4);
const FLOWS = arg('flows', 200);

/** Runs in the page: clicks each step's button as soon as it is there; `@slot` picks an unused registration slot. */
async function drive({ steps, used, digits }: { steps: string[]; used: string[]; digits: string }): Promise<{ ms: number; chosen: string }> {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
  const buttonNamed = (text: string) =>
    [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text && !b.disabled) ?? null;
  const waitFor = async <T,>(what: string, get: () => T | null): Promise<T> => {
    const t0 = performance.now();
    for (;;) {
      const found = get();
      if (found) return found;
      const problem = document.querySelector('[data-screen="problem"], [data-screen="second-factor"]:not(:has([data-second-factor-why="no-motion"]))');
      if (problem) throw new Error(`stopped at ${problem.getAttribute('data-screen')}: ${problem.textContent}`);
      if (performance.now() - t0 > 60_000) throw new Error(`timed out waiting for ${what}`);
      await tick();
    }
  };
  let chosen = '';
  for (const step of steps) {
    if (step === '@slot') {
      await waitFor('departments', () => document.querySelector('[data-screen="departments"]'));
      const departments = [...document.querySelectorAll('[data-screen="departments"] button')].map((b) => b.textContent!.trim());
      for (const dept of departments) {
        (await waitFor(dept, () => buttonNamed(dept))).click();
        await waitFor('slots', () => document.querySelector('[data-screen="slots"]'));
        // Doctor and session name a slot; the places-left count on the same row changes.
        const keyOf = (row: Element) => `${dept}|${row.children[0]?.textContent}|${row.children[1]?.textContent}`;
        const free = [...document.querySelectorAll<HTMLButtonElement>('[data-screen="slots"] .button--row')].find(
          (row) => !used.includes(keyOf(row)),
        );
        if (free) {
          chosen = keyOf(free);
          free.click();
          break;
        }
        (await waitFor('back', () => buttonNamed('上一步'))).click();
      }
      if (!chosen) throw new Error('no free registration slot left today');
    } else if (step === '@identified') {
      // The fake camera is a still photo: no blink or nod, so the face service asks the last four
      // ID digits, which the patient (the clip's face) types on the keypad.
      const screen = await waitFor('is-this-you or the digits', () =>
        document.querySelector('[data-screen="is-this-you"], [data-second-factor-why="no-motion"]'),
      );
      if (screen.getAttribute('data-screen') !== 'is-this-you') {
        const key = (d: string) => [...document.querySelectorAll<HTMLButtonElement>('.keypad__key')].find((b) => b.textContent?.trim() === d) ?? null;
        for (const d of digits) (await waitFor(`key ${d}`, () => key(d))).click();
        (await waitFor('确定', () => buttonNamed('确定'))).click();
        await waitFor('is-this-you', () => document.querySelector('[data-screen="is-this-you"]'));
      }
    } else if (step.startsWith('@')) {
      await waitFor(step, () => document.querySelector(`[data-screen="${step.slice(1)}"]`));
    } else {
      (await waitFor(step, () => buttonNamed(step))).click();
    }
  }
  const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
  const ms = at('facesettle:receipt') - at('facesettle:face-seen');
  performance.clearMarks();
  return { ms, chosen };
}

const REGISTRATION = ['开始刷脸', '同意，开始刷脸', '@identified', '是我本人', '@slot', '确认支付', '@receipt', '完成', '@home'];
const PHARMACY = ['请患者刷脸支付', '同意，开始刷脸', '@identified', '是我本人', '确认支付', '@receipt', '完成', '@cart'];

/** Staff work before the patient steps up (not timed): two items by the scanner's keystrokes. */
async function buildCart(page: Page): Promise<void> {
  await page.getByLabel('扫描条码或输入药名', { exact: true }).waitFor();
  for (const code of ['6901234560017', '6901234560031']) {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.getByText(code === '6901234560017' ? '奥美拉唑' : '二甲双胍', { exact: false }).first().waitFor();
  }
}

async function open(mode: CounterMode): Promise<RunningKiosk> {
  // No password-free cap: 200 pharmacy flows of one person would pass any day's cap, and the
  // cap's keypad is not what this bench measures.
  const kiosk = await startKiosk({ config: terminalConfig(mode, { region: { passwordFreeCap: null } }) });
  if (mode !== 'registration') await signInOperator(kiosk.page);
  // Installed once: evaluating the driver's source per flow would leave a compiled script per
  // flow in the heap being measured (DevTools keeps evaluated scripts). tsx (esbuild keepNames)
  // wraps its inner functions in __name(), which the page lacks.
  await kiosk.page.evaluate(`globalThis.__name = (fn) => fn; globalThis.__drive = ${drive.toString()};`);
  return kiosk;
}

type DriveArgs = Parameters<typeof drive>[0];
function run(page: Page, args: DriveArgs): ReturnType<typeof drive> {
  return page.evaluate((a) => (globalThis as unknown as { __drive: typeof drive }).__drive(a), args);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function timeFlow(mode: 'registration' | 'pharmacy'): Promise<number[]> {
  const kiosk = await open(mode);
  const times: number[] = [];
  const used: string[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      if (mode === 'pharmacy') await buildCart(kiosk.page);
      const result = await run(kiosk.page, { steps: mode === 'registration' ? REGISTRATION : PHARMACY, used, digits: DIGITS });
      if (result.chosen) used.push(result.chosen);
      times.push(result.ms);
      console.error(`  ${mode} run ${i + 1}: ${Math.round(result.ms)} ms${result.chosen ? ` (${result.chosen.split('|')[0]})` : ''}`);
    }
  } finally {
    await kiosk.close();
  }
  return times;
}

/** Heap after a forced GC at checkpoints: a leak grows with the flows, warm-up levels off. */
async function heapAcrossFlows(): Promise<Map<number, number>> {
  const kiosk = await open('pharmacy');
  const checkpoints = new Map<number, number>();
  try {
    for (let i = 1; i <= FLOWS; i++) {
      await buildCart(kiosk.page);
      await run(kiosk.page, { steps: PHARMACY, used: [], digits: DIGITS });
      if (i === 10 || i % 50 === 0 || i === FLOWS) {
        checkpoints.set(i, await heapMb(kiosk.page));
        console.error(`  heap after ${i} flows: ${checkpoints.get(i)!.toFixed(2)} MB`);
      }
    }
    return checkpoints;
  } finally {
    await kiosk.close();
  }
}

async function main() {
  const rows: string[][] = [];
  for (const mode of ['registration', 'pharmacy'] as const) {
    const times = await timeFlow(mode);
    const m = median(times);
    rows.push([`${mode}: first face → receipt, median of ${times.length}`, `${Math.round(m)} ms`, `min ${Math.round(Math.min(...times))} / max ${Math.round(Math.max(...times))} ms`, m <= 3000 ? '≤ 3 s ✓' : '≤ 3 s ✗']);
  }
  const heap = await heapAcrossFlows();
  const after10 = heap.get(10)!;
  const afterAll = heap.get(FLOWS)!;
  const growth = (afterAll / after10 - 1) * 100;
  const path = [...heap].map(([n, mb]) => `${n}: ${mb.toFixed(2)}`).join(', ');
  rows.push([
    `renderer JS heap after 10 / ${FLOWS} pharmacy flows (after GC)`,
    `${after10.toFixed(2)} / ${afterAll.toFixed(2)} MB`,
    `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % (MB at ${path})`,
    Math.abs(growth) <= 10 ? 'within 10 % ✓' : 'within 10 % ✗',
  ]);
  console.log('| measure | value | spread | target |\n| --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

// The kiosk core's shutdown waits on unref'd timers: without a ref'd one Node would exit mid-close.
const keepAlive = setInterval(() => undefined, 1000);
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => clearInterval(keepAlive));
