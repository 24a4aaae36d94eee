import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DatabaseSync } from 'node:sqlite';
import { MetricsStore } from '../../electron/core/metrics/metricsStore';
import { PASSWORD_FREE_OUTCOMES, type MetricEvent } from '../../shared/metrics/events';
import { PASSWORD_FREE_TITLE, PASSWORD_FREE_WORDS } from '../../shared/metrics/labels';
import { ok } from '../../shared/result';
import { fakeApi, renderApp } from './support';

/**
 * The password-free cap's counts (issue 15) on the admin metrics page and in its CSV, from main's
 * real store: what the page shows is what the spreadsheet says, under the same words.
 */
const DAY_TIME = new Date('2026-11-30T02:00:00Z'); // 10:00 China time, the platform's day 2026-11-30
const counts: Record<(typeof PASSWORD_FREE_OUTCOMES)[number], number> = { 'within-cap': 4, asked: 3, 'id-digits': 2, 'staff-pin': 1, 'digits-wrong': 5 };

function storeWithCapUse(): MetricsStore {
  const store = new MetricsStore(new DatabaseSync(':memory:'), { terminalId: 'PHARM-01', clock: () => DAY_TIME });
  for (const outcome of PASSWORD_FREE_OUTCOMES) {
    for (let i = 0; i < counts[outcome]; i += 1) expect(store.record({ type: 'password-free', outcome } satisfies MetricEvent)).toEqual({ ok: true });
  }
  store.record({ type: 'face-attempt' });
  return store;
}

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const latinWords = (text: string) => text.replace(/PHARM-01/g, '').match(/[A-Za-z]{2,}/g) ?? [];

describe('the password-free cap on the metrics page', () => {
  let saved: Blob[];
  beforeEach(() => {
    saved = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:metrics'), revokeObjectURL: () => undefined });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows one row per outcome with main’s counts, and the day’s CSV carries the same figures under the same words', async () => {
    const store = storeWithCapUse();
    const api = fakeApi({
      getMetrics: async (request) => ok(store.summary(request.day ?? store.today())),
      exportMetricsCsv: async ({ from, to }) => ok({ csv: store.exportCsv({ ...(from ? { from } : {}), ...(to ? { to } : {}) }) }),
    }, 'pharmacy');
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '工作人员' }));
    fireEvent.change(screen.getByLabelText('管理密码'), { target: { value: '135790' } });
    click('进入管理');
    await screen.findByRole('heading', { name: '终端管理' });
    click('使用情况统计');

    const group = await screen.findByTestId('metrics-passwordFree');
    expect(within(group).getByText(PASSWORD_FREE_TITLE['zh-CN'])).toBeTruthy();
    const shown = Object.fromEntries([...within(group).getAllByRole('term')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(shown).toEqual(Object.fromEntries(PASSWORD_FREE_OUTCOMES.map((o) => [PASSWORD_FREE_WORDS[o]['zh-CN'], `${counts[o]} 次`])));
    expect(latinWords(screen.getByTestId('metrics').textContent ?? '')).toEqual([]);

    click('导出这一天的统计表');
    await waitFor(() => expect(saved).toHaveLength(1));
    // jsdom's Blob has no text(); FileReader is what it offers.
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved[0]!);
    });
    const [header, row] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','));
    const cell = (title: string) => row![header!.indexOf(title)];
    for (const outcome of PASSWORD_FREE_OUTCOMES) {
      expect(cell(`${PASSWORD_FREE_TITLE['zh-CN']}：${PASSWORD_FREE_WORDS[outcome]['zh-CN']}`)).toBe(String(counts[outcome]));
    }
  });

  it('shows zeros, not gaps, when main’s summary has no password-free counts (an older main)', async () => {
    const store = storeWithCapUse();
    const { passwordFree: _dropped, ...older } = store.summary(store.today());
    renderApp(fakeApi({ getMetrics: async () => ok(older) }, 'pharmacy'));
    fireEvent.click(await screen.findByRole('button', { name: '工作人员' }));
    fireEvent.change(screen.getByLabelText('管理密码'), { target: { value: '135790' } });
    click('进入管理');
    await screen.findByRole('heading', { name: '终端管理' });
    click('使用情况统计');
    const group = await screen.findByTestId('metrics-passwordFree');
    expect([...within(group).getAllByRole('definition')].map((dd) => dd.textContent)).toEqual(PASSWORD_FREE_OUTCOMES.map(() => '0 次'));
  });
});
