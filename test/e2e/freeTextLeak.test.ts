import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BRIDGE_API_PREFIX, BRIDGE_SECRET_HEADER, BRIDGE_SECRET_META } from '../../shared/ipc/bridge';
import { expectNoLeaks, scanForLeaks } from '../support/leakScan';
import { heading, terminalConfig } from './support/counter';
import { startKiosk, type RunningKiosk } from './support/kiosk';

/**
 * The page's free text, end to end: a name planted in a page error (which main.tsx sends to the
 * `log` API) and in the fields of `log` and `callStaff` calls the page makes, then the log files
 * of the run are scanned for it. The name is no demo person's: nothing else could put it on disk.
 */
const PLANTED = '司马光明';

let kiosk: RunningKiosk;
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('registration') });
});
afterAll(() => kiosk?.close());

const logLines = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as { source: string; level: string; msg: string; data?: Record<string, unknown> });

it('writes no name the page put in free text: page errors, log lines, staff-call screens', async () => {
  const { page, dataDir } = kiosk;
  await heading(page, '刷脸就医').waitFor();
  // A page error whose message names a patient: main.tsx sends it through `log`.
  await page.evaluate((name) => setTimeout(() => { throw new Error(`FREE-TEXT-1 顾客${name}的相机看不清`); }), PLANTED);
  // The page's own calls through the bridge, as the renderer makes them.
  const answers = await page.evaluate(
    async ({ name, prefix, header, meta }) => {
      const secret = document.querySelector<HTMLMetaElement>(`meta[name="${meta}"]`)!.content;
      const call = async (method: string, body: unknown) =>
        (await fetch(`${prefix}${method}`, { method: 'POST', headers: { 'content-type': 'application/json', [header]: secret }, body: JSON.stringify(body) })).json();
      return [
        await call('log', { level: 'warn', msg: `FREE-TEXT-2 ${name} asked for help`, data: { note: `${name}要找人工`, who: { patientName: name } } }),
        await call('callStaff', { reason: 'other', screen: name }),
      ];
    },
    { name: PLANTED, prefix: BRIDGE_API_PREFIX, header: BRIDGE_SECRET_HEADER, meta: BRIDGE_SECRET_META },
  );
  expect(answers).toMatchObject([{ ok: true, value: { logged: true } }, { ok: true }]);
  await page.waitForTimeout(500);
  await kiosk.close();

  const logs = path.join(dataDir, 'logs');
  const lines = logLines(logs);
  // The lines arrived (masked), so the scan below has something to find if masking failed.
  const markers = lines.filter((l) => l.source === 'renderer').flatMap((l) => /FREE-TEXT-\d/.exec(l.msg) ?? []);
  expect(markers.sort()).toEqual(['FREE-TEXT-1', 'FREE-TEXT-2']);
  expect(lines.some((l) => l.msg === 'api' && (l.data as { method?: string } | undefined)?.method === 'callStaff')).toBe(true);
  expectNoLeaks([logs], { knownNames: [PLANTED] });
  // The scan does find the name where it is written out: the control.
  expect(scanForLeaks(path.join(__dirname, '..', 'e2e'), { knownNames: [PLANTED] }).length).toBeGreaterThan(0);
});
