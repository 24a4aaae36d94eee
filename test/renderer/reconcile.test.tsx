import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReconcileReport } from '../../shared/types/settlement';
import { ok } from '../../shared/result';
import { fakeApi, renderApp } from './support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

const ORPHAN_MSGID = 'P42120200001202611301015000201';
const REPORT: ReconcileReport = {
  day: '2026-11-30',
  balanced: false,
  otherTerminals: 3,
  groups: [
    {
      insutype: '310',
      clrType: '41',
      clrOptins: '421200',
      count: 2,
      medfeeFen: 5200,
      fundFen: 0,
      accountFen: 5200,
      verdict: 'problems',
      totals: 'platform-has-more',
      platformSays: '中心多：中心6笔，医药机构2笔',
      detailChecked: true,
      detailProblem: null,
    },
  ],
  problems: [
    {
      kind: 'amounts-differ',
      msgid: 'P42120200001202611301001000100',
      setlId: 'S0007',
      maskedPsnNo: '4212…0003',
      maskedName: '张*兰',
      time: '2026-11-30 10:01:00',
      refund: false,
      terminal: { medfeeFen: 1950, fundFen: 0, accountFen: 1850 },
      platform: { medfeeFen: 1850, fundFen: 0, accountFen: 1850 },
      platformSays: '数据不一致：医疗费总额中心18.50、机构19.50',
    },
  ],
  orphans: [
    {
      msgid: ORPHAN_MSGID,
      setlId: 'S0009',
      maskedPsnNo: '4212…0001',
      maskedName: '欧*明',
      time: '2026-11-30 10:15:00',
      refund: false,
      medfeeFen: 1500,
      fundFen: 0,
      accountFen: 1500,
      journalState: 'none',
      platformSays: '中心多：医药机构明细中无此结算',
    },
  ],
  pending: [],
  unresolved: 0,
  explanation: '本终端今日 2 笔结算（含撤销），对账未平：1 笔金额与医保中心不一致；1 笔医保中心有、本终端流水中没有的结算（带本终端报文号），请核实后冲正；',
};

async function openReconcile(api: ReturnType<typeof fakeApi>) {
  renderApp(api);
  fireEvent.click(await screen.findByRole('button', { name: '工作人员' }));
  fireEvent.change(screen.getByLabelText('管理密码'), { target: { value: '135790' } });
  click('进入管理');
  await screen.findByRole('heading', { name: '终端管理' });
  click('日终对账');
}

describe('day-end reconciliation in administration', () => {
  it('shows this terminal’s verdict, what differs, and reverses an orphan with an operator’s PIN and a reason', async () => {
    const api = fakeApi({
      reconcileDay: async () => ok(REPORT),
      reverseOrphan: async (request) => {
        api.calls.push(`reverseOrphan:${JSON.stringify(request)}`);
        return ok({ msgid: request.msgid, state: 'reversed' as const, explanation: '已冲正：医保平台已撤销这笔结算，款项退回。' });
      },
    });
    await openReconcile(api);
    click('开始对账');
    const report = await screen.findByTestId('reconcile-report');
    expect(within(report).getByText('本终端未对平，请看下面的说明')).toBeTruthy();
    expect(within(report).getByText('其他终端/窗口的结算 3 笔：不属于本终端，未计入')).toBeTruthy();
    expect(screen.getByTestId('reconcile-problems').textContent).toMatch(/金额不一致 · 11月30日 10:01 · 张\*兰 4212…0003 · 本终端 ¥19\.50，医保中心 ¥18\.50/);
    // The group in words, with what patients paid in cash, and the day's totals.
    expect(report.textContent).toContain('职工基本医疗保险，定点药店购药：2 笔，医疗费 ¥52.00，基金支付 ¥0.00，个人账户 ¥52.00，现金 ¥0.00');
    expect(within(report).getByTestId('reconcile-totals').textContent).toBe('本终端当日合计：2 笔，医疗费 ¥52.00，其中基金支付 ¥0.00、个人账户 ¥52.00、现金 ¥0.00');
    expect(report.textContent).toContain('全机构总账（3201）：医保中心记录的比本机构报的多');
    expect(report.textContent).toContain('未对平：本终端的记录与医保中心的不一致');
    expect(screen.getByTestId('reconcile-orphans').textContent).toContain('11月30日 10:15');

    const orphan = screen.getByTestId(`orphan-${ORPHAN_MSGID}`);
    expect(within(orphan).getByText(/欧\*明 4212…0001 · 总额 ¥15\.00/)).toBeTruthy();
    fireEvent.click(within(orphan).getByRole('button', { name: '冲正' }));
    const confirm = within(orphan).getByRole('button', { name: '确认冲正' }) as HTMLButtonElement;
    fireEvent.change(within(orphan).getByLabelText('操作员工号'), { target: { value: 'OP001' } });
    fireEvent.change(within(orphan).getByLabelText('操作员密码'), { target: { value: '246810' } });
    // No reason, no reversal: the journal's audit line must say why.
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(orphan).getByLabelText('冲正原因（必填）'), { target: { value: '患者确认未取药' } });
    fireEvent.click(confirm);
    expect(await screen.findByText('已冲正：医保平台已撤销这笔结算，款项退回。')).toBeTruthy();
    expect(api.calls).toContain(
      `reverseOrphan:${JSON.stringify({ adminToken: 'admin-token-1', msgid: ORPHAN_MSGID, operatorId: 'OP001', pin: '246810', reason: '患者确认未取药' })}`,
    );
    await waitFor(() => expect(screen.queryByTestId(`orphan-${ORPHAN_MSGID}`)).toBeNull());
  });

  it('exports the day as CSV for the finance office', async () => {
    const api = fakeApi({
      exportDayCsv: async (request) => {
        api.calls.push(`exportDayCsv:${JSON.stringify(request)}`);
        return ok({ day: '2026-11-30', filename: '对账-KIOSK-01-2026-11-30.csv', csv: '\uFEFF结算时间\r\n', count: 2, medfeeFen: 5200 });
      },
    });
    await openReconcile(api);
    click('导出本终端当日明细表');
    expect(await screen.findByText('已导出 2 笔，医疗费合计 ¥52.00')).toBeTruthy();
    expect(api.calls).toContain(`exportDayCsv:${JSON.stringify({ adminToken: 'admin-token-1' })}`);
  });
});
