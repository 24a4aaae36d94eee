import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Diagnostics } from '../../shared/ipc/contract';
import {
  FALLBACKS,
  GATE_FAILURE_REASONS,
  IDENTIFICATION_OUTCOMES,
  LIVENESS_FAILURE_REASONS,
  REVERSAL_KINDS,
  SECOND_FACTOR_OUTCOMES,
  SETTLEMENT_OUTCOMES,
  STEPS,
  type MetricsSummary,
} from '../../shared/metrics/events';
import { ok } from '../../shared/result';
import type { ReconcileReport } from '../../shared/types/settlement';
import { formatDay, formatDayTime } from '../../renderer/format/dateTime';
import { useKioskStore } from '../../renderer/store';
import { fakeApi, renderApp } from './support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
/** Codes staff may see: terminal, institution and operator numbers. Anything else Latin is a bug. */
const CODES = /KIOSK-01|H42120200001|OP001/g;
const latinWords = (text: string) => text.replace(CODES, '').match(/[A-Za-z]{2,}/g) ?? [];
const adminText = () => document.querySelector('[data-screen="admin"]')!.textContent ?? '';

const GENERATED_AT = '2026-11-29T06:05:00.000Z';
/** Main's order: the fault (camera) sits in the middle and the last row is fine. */
const DIAGNOSTICS: Diagnostics = {
  version: '1.4.0',
  shell: 'browser-bridge',
  configSource: '/etc/facesettle/terminal.json',
  mode: 'cashier',
  institution: '咸宁市演示医院（H42120200001）',
  terminalId: 'KIOSK-01',
  printer: 'PDF (no printer configured)',
  journal: { unresolved: 2, needStaff: 1, hisOwed: 0 },
  health: {
    status: 'degraded',
    generatedAt: GENERATED_AT,
    checks: {
      platform: { status: 'ok', detail: '12 ms', url: 'http://x', reachable: true, latencyMs: 12 } as never,
      camera: { status: 'fail', detail: 'no camera: face payment unavailable', available: false, reportedAt: GENERATED_AT } as never,
      operator: { status: 'ok', detail: 'signed in at …', signedIn: true, operator: 'KIOSK-01', signedAt: '2026-11-29T00:05:00.000Z' } as never,
      journal: { status: 'warn', detail: '2 awaiting resolution', awaitingResolution: 2, needStaff: 1, oldestAt: '2026-11-29T05:00:00.000Z' } as never,
      printer: { status: 'warn', detail: 'no printer configured: receipts are kept as PDF', name: null, available: false } as never,
      disk: { status: 'ok', detail: '40.0 GiB free of 64.0 GiB', path: '/x', freeBytes: 40 * 1024 ** 3, totalBytes: 64 * 1024 ** 3 } as never,
    },
  },
};

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const SUMMARY: MetricsSummary = {
  day: '2026-11-29',
  terminalId: 'KIOSK-01',
  faceAttempts: 9,
  qualityGateFailures: { ...zeros(GATE_FAILURE_REASONS), 'too-far': 4 },
  livenessFailures: { ...zeros(LIVENESS_FAILURE_REASONS), timeout: 2, 'spoof-suspected': 1 },
  identifications: { ...zeros(IDENTIFICATION_OUTCOMES), identified: 5 },
  secondFactor: { ...zeros(SECOND_FACTOR_OUTCOMES), passed: 3, abandoned: 1 },
  fallbacks: { ...zeros(FALLBACKS), qr: 2, 'id-number': 1, staff: 4 },
  consentDeclined: 6,
  settlements: { ...zeros(SETTLEMENT_OUTCOMES), settled: 7 },
  reversals: zeros(REVERSAL_KINDS),
  medianMs: { ...(Object.fromEntries(STEPS.map((s) => [s, null])) as MetricsSummary['medianMs']), identify: 1250, visit: 95_000 },
  timedSteps: { ...zeros(STEPS), identify: 6, visit: 5 },
};

async function openAdmin(api: ReturnType<typeof fakeApi>) {
  renderApp(api);
  fireEvent.click(await screen.findByRole('button', { name: '工作人员' }));
  fireEvent.change(screen.getByLabelText('管理密码'), { target: { value: '135790' } });
  click('进入管理');
  await screen.findByRole('heading', { name: '终端管理' });
}

describe('administration in Chinese, status first', () => {
  it('puts the worst check first and calls the terminal 故障, whatever main’s order and last row', async () => {
    await openAdmin(fakeApi({ getDiagnostics: async () => ok(DIAGNOSTICS) }, 'cashier'));
    const status = await screen.findByTestId('admin-status');
    await waitFor(() => expect(status.getAttribute('data-level')).toBe('fault'));
    expect(within(status).getByText('故障')).toBeTruthy();
    // The summary sits above the tabs: status is the first thing staff read.
    const tabs = screen.getByRole('navigation', { name: '终端管理' });
    expect(status.compareDocumentPosition(tabs) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const problems = within(status).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(problems.map((p) => p.split('（')[0])).toEqual(['摄像头', '结算流水', '打印机', '本窗口操作员']);
    expect(problems[0]).toContain('怎么办：检查摄像头连接线或重启本机');
    expect(problems[1]).toContain('2 笔结算结果待确认，其中 1 笔需要人工处理');

    click('诊断');
    const checks = await screen.findByTestId('diagnostics-checks');
    const rows = within(checks).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(rows.map((r) => r.split('：')[0])).toEqual(['摄像头', '结算流水', '打印机', '本窗口操作员', '医保平台连接', '医保平台签到（9001）', '磁盘空间']);
    expect(rows[4]).toContain('连接正常，响应 12 毫秒');
    expect(rows[6]).toContain('剩余 40.0G，共 64.0G');
    expect(latinWords(adminText())).toEqual([]);
  });

  it('shows times local and in Chinese form, never ISO', async () => {
    await openAdmin(fakeApi({ getDiagnostics: async () => ok(DIAGNOSTICS) }, 'cashier'));
    click('诊断');
    const section = await screen.findByTestId('diagnostics');
    await within(section).findByTestId('diagnostics-checks');
    expect(section.textContent).toContain(`检查时间 ${formatDayTime(GENERATED_AT)}`);
    expect(section.textContent).toContain(`签到人 KIOSK-01，${formatDayTime('2026-11-29T00:05:00.000Z')}`);
    expect(section.textContent).toMatch(/\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(section.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:/);
  });

  it('keeps the platform sign-in (9001) and the counter operator apart, so diagnostics agree with the operator tab', async () => {
    const api = fakeApi({ getDiagnostics: async () => ok(DIAGNOSTICS) }, 'cashier');
    await openAdmin(api);
    click('诊断');
    const checks = await screen.findByTestId('diagnostics-checks');
    expect(checks.textContent).toContain('医保平台签到（9001）：正常 · 今日已签到');
    expect(checks.textContent).toContain('本窗口操作员：需要注意 · 尚未签到，本窗口暂停服务');
    click('操作员');
    expect(screen.getByText('尚未签到')).toBeTruthy();
    expect(screen.getByText(/终端向医保平台的签到（9001）是另一回事/)).toBeTruthy();
    click('签到 OP001 演示收费员');
    fireEvent.change(screen.getByLabelText('操作员密码'), { target: { value: '246810' } });
    click('签到');
    await screen.findByText('当前操作员：OP001');
    click('诊断');
    expect((await screen.findByTestId('diagnostics-checks')).textContent).toContain('本窗口操作员：正常 · 已签到：OP001 演示收费员');
    // The counter's gap closed; the camera still is the worst.
    expect(screen.getByTestId('admin-status').textContent).not.toContain('本窗口操作员');
  });

  it('says 正常 with nothing to do when every check is fine', async () => {
    const checks = { platform: { status: 'ok' as const, detail: '', latencyMs: 3 } as never };
    await openAdmin(fakeApi({ getDiagnostics: async () => ok({ ...DIAGNOSTICS, health: { status: 'ok', generatedAt: GENERATED_AT, checks } }) }));
    const status = await screen.findByTestId('admin-status');
    await waitFor(() => expect(status.textContent).toBe('终端状态：正常各项检查都正常，无需处理。'));
  });

  it('reconciles in words with the fund, account and cash sums of the day', async () => {
    const group = { clrOptins: '421200', verdict: 'balanced' as const, totals: 'balanced' as const, platformSays: '对平', detailChecked: false, detailProblem: null };
    const report: ReconcileReport = {
      day: '2026-11-29',
      balanced: true,
      otherTerminals: 0,
      // A cancellation counts negative: the day's cash is what stayed paid.
      groups: [
        { ...group, insutype: '310', clrType: '11', count: 3, medfeeFen: 30_000, fundFen: 18_000, accountFen: 7_000 },
        { ...group, insutype: '390', clrType: '11', count: 1, medfeeFen: 5_000, fundFen: 2_500, accountFen: 0 },
        { ...group, insutype: '999', clrType: '77', count: 1, medfeeFen: -1_000, fundFen: -600, accountFen: -100 },
      ],
      problems: [],
      orphans: [],
      pending: [],
      unresolved: 0,
      explanation: '本终端今日 5 笔结算（含撤销）与医保中心的记录一致，对平。',
    };
    await openAdmin(fakeApi({ reconcileDay: async () => ok(report) }));
    click('日终对账');
    click('开始对账');
    const shown = await screen.findByTestId('reconcile-report');
    expect(shown.textContent).toContain(`${formatDay('2026-11-29')}对账`);
    expect(within(shown).getByTestId('reconcile-totals').textContent).toBe('本终端当日合计：5 笔，医疗费 ¥340.00，其中基金支付 ¥199.00、个人账户 ¥69.00、现金 ¥72.00');
    expect(shown.textContent).toContain('职工基本医疗保险，门诊：3 笔，医疗费 ¥300.00，基金支付 ¥180.00，个人账户 ¥70.00，现金 ¥50.00 — 本终端对平');
    expect(shown.textContent).toContain('城乡居民基本医疗保险，门诊：1 笔');
    expect(shown.textContent).toContain('险种 999，清算类别 77：1 笔');
    expect(shown.textContent).toContain('对平：本终端今天的每一笔结算，医保中心都有金额相同的记录。');
    expect(latinWords(adminText())).toEqual([]);
  });
});

describe('inclusion metrics page', () => {
  let saved: { name: string; blob: Blob }[];
  beforeEach(() => {
    saved = [];
    let lastBlob: Blob | null = null;
    Object.assign(URL, { createObjectURL: (blob: Blob) => ((lastBlob = blob), 'blob:metrics'), revokeObjectURL: () => undefined });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: lastBlob! });
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows the day’s figures in words and exports the day as CSV that Excel opens in Chinese', async () => {
    const csv = '\uFEFF日期,终端号,刷脸次数\r\n2026-11-29,KIOSK-01,9\r\n';
    const api = fakeApi({
      getMetrics: async (request) => {
        api.calls.push(`getMetrics:${request.day ?? 'today'}`);
        return ok({ ...SUMMARY, day: request.day ?? SUMMARY.day });
      },
      exportMetricsCsv: async (request) => {
        api.calls.push(`exportMetricsCsv:${request.from}:${request.to}`);
        return ok({ csv });
      },
    });
    await openAdmin(api);
    click('使用情况统计');
    const page = await screen.findByTestId('metrics');
    await within(page).findByTestId('metrics-day');
    expect(within(page).getByTestId('metrics-day').textContent).toBe(`${formatDay('2026-11-29')}（终端 KIOSK-01）`);
    const row = (group: string, label: string) =>
      [...within(screen.getByTestId(`metrics-${group}`)).getAllByRole('term')].find((dt) => dt.textContent === label)?.nextElementSibling?.textContent;
    expect(row('consent', '不同意刷脸')).toBe('6 次');
    expect(row('fallbacks', '医保码')).toBe('2 次');
    expect(row('fallbacks', '社保卡')).toBe('0 次');
    expect(row('fallbacks', '身份证号（工作人员录入）')).toBe('1 次');
    expect(row('fallbacks', '呼叫工作人员')).toBe('4 次');
    expect(row('face', '刷脸次数')).toBe('9 次');
    expect(row('face', '活体未通过')).toBe('3 次');
    expect(row('face', '活体未通过：疑似照片或视频')).toBe('1 次');
    expect(row('secondFactor', '通过')).toBe('3 次');
    expect(row('secondFactor', '中途放弃')).toBe('1 次');
    expect(row('steps', '身份识别')).toBe('1.3 秒（6 次）');
    expect(row('steps', '全程')).toBe('95.0 秒（5 次）');
    expect(row('steps', '确认支付')).toBe('当天没有记录');
    expect(latinWords(adminText())).toEqual([]);

    click('导出这一天的统计表');
    await screen.findByText(`已导出${formatDay('2026-11-29')}的统计表，可用电子表格软件打开`);
    expect(latinWords(adminText())).toEqual([]);
    expect(api.calls).toContain('exportMetricsCsv:2026-11-29:2026-11-29');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('使用情况统计-KIOSK-01-2026-11-29.csv');
    expect(saved[0]!.blob.type).toBe('text/csv;charset=utf-8');
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(saved[0]!.blob);
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // The day before, and back; no day after today.
    expect(screen.getByRole('button', { name: '后一天' }).hasAttribute('disabled')).toBe(true);
    click('前一天');
    await waitFor(() => expect(screen.getByTestId('metrics-day').textContent).toBe(`${formatDay('2026-11-28')}（终端 KIOSK-01）`));
    expect(api.calls).toContain('getMetrics:2026-11-28');
    click('后一天');
    await waitFor(() => expect(screen.getByTestId('metrics-day').textContent).toContain(formatDay('2026-11-29')));
  });
});

describe('退出自助模式', () => {
  it('says honestly that a browser preview cannot leave kiosk mode', async () => {
    await openAdmin(fakeApi({ exitKiosk: async () => ok({ exiting: false }) }));
    click('退出自助模式');
    expect(await screen.findByText('浏览器预览中无法退出自助模式，请关闭浏览器窗口。')).toBeTruthy();
    expect(screen.queryByText(/已退出/)).toBeNull();
  });

  it('says the kiosk is leaving for the desktop when the shell does it', async () => {
    await openAdmin(fakeApi({ exitKiosk: async () => ok({ exiting: true }) }));
    click('退出自助模式');
    expect(await screen.findByText('正在退出自助模式，稍后回到电脑桌面。')).toBeTruthy();
  });
});

describe('step times the page sees', () => {
  it('times the consent screen, the confirmation and the whole visit from leaving home to coming back', async () => {
    const api = fakeApi();
    let now = 1000;
    jest.spyOn(performance, 'now').mockImplementation(() => now);
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    now += 4000;
    act(() => useKioskStore.getState().goTo('quote'));
    now += 9000;
    act(() => useKioskStore.getState().goTo('settling'));
    now += 2000;
    act(() => useKioskStore.getState().goTo('home'));
    const steps = api.calls
      .filter((c) => c.startsWith('recordMetric:'))
      .map((c) => JSON.parse(c.slice('recordMetric:'.length)))
      .filter((e) => e.type === 'step-time');
    expect(steps).toEqual([
      { type: 'step-time', step: 'consent', ms: 4000 },
      { type: 'step-time', step: 'confirm', ms: 9000 },
      { type: 'step-time', step: 'visit', ms: 15_000 },
    ]);
    jest.restoreAllMocks();
  });
});
