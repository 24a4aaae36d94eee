import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { KioskApi } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/result';
import type { SettlementReceipt } from '../../shared/types/settlement';
import type { TodayLookup } from '../../shared/types/staffDesk';
import { useKioskStore } from '../../renderer/store';
import { DEMO_OPERATOR, PAID_TODAY, RECEIPT, appInfo, fakeApi, renderApp, todayRow } from './support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** What was in #print-root (the only thing print.css prints) each time the page asked main to print. */
function recordingPrinter() {
  const printed: { kind: string; text: string }[] = [];
  const printReceipt: KioskApi['printReceipt'] = async ({ receipt }) => {
    printed.push({ kind: receipt.kind, text: document.querySelector('#print-root .slip')?.textContent ?? '' });
    return ok({ via: 'pdf' as const, detail: 'kept' });
  };
  return { printed, printReceipt };
}

const CANCEL: SettlementReceipt = { ...PAID_TODAY, kind: 'cancel', setlId: 'SETL0101', msgid: 'H42120200001202611290940000102', totalFen: -PAID_TODAY.totalFen, cancels: { setlId: PAID_TODAY.setlId, msgid: PAID_TODAY.msgid } };

/** A cashier counter with the demo operator signed in on main's side, whose PIN main checks. */
function cashier(extra: Partial<KioskApi> = {}) {
  const lookups: unknown[] = [];
  const answer: TodayLookup = {
    day: '2026-11-29',
    rows: [todayRow(), todayRow({ msgid: 'H42120200001202611290800000009', maskedName: '张*三', setlId: 'SETL0009', state: 'cancelled', cancelledBy: 'SETL0010', slip: null })],
    more: false,
    reprintedAt: '2026-11-29 10:00:00',
  };
  const api = fakeApi(
    {
      confirmCashTaken: async (request) =>
        request.pin === DEMO_OPERATOR.pin
          ? ok({ setlId: request.setlId, msgid: RECEIPT.msgid, cashFen: RECEIPT.cashFen, operator: { id: DEMO_OPERATOR.id, name: DEMO_OPERATOR.name }, at: '2026-11-29T00:00:00.000Z' })
          : fail('NOT_AUTHORISED', 'operator PIN not accepted', { next: 'retry' }),
      findTodaySettlements: async (request) => {
        lookups.push(request);
        return request.pin === DEMO_OPERATOR.pin ? ok(answer) : fail('NOT_AUTHORISED', 'operator PIN not accepted', { next: 'retry' });
      },
      cancelSettlement: async (request) => (request.pin === DEMO_OPERATOR.pin ? ok({ status: 'settled' as const, receipt: CANCEL }) : fail('NOT_AUTHORISED', '需要工作人员授权', { next: 'call-staff' })),
      ...extra,
    },
    'cashier',
  );
  api.counter.operator = { id: DEMO_OPERATOR.id, name: DEMO_OPERATOR.name, since: '2026-11-29T00:00:00.000Z' };
  return Object.assign(api, { lookups });
}

describe("the cashier's shift on the staff side", () => {
  it('shows main’s operator on the banner after a (re)load, from getOperator alone', async () => {
    renderApp(cashier());
    expect((await screen.findByTestId('staff-operator')).textContent).toBe(DEMO_OPERATOR.name);
    expect(useKioskStore.getState().operator?.id).toBe(DEMO_OPERATOR.id);
    expect(useKioskStore.getState().settings).toEqual({ density: 'elder' });
  });

  it('cash taken needs the operator’s PIN: a wrong one is refused in Chinese and nothing is lost; the right one goes on', async () => {
    const api = cashier();
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    fireEvent.click(await screen.findByRole('button', { name: '是我本人' }));
    fireEvent.click(await screen.findByRole('button', { name: '缴这次的费用' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认支付' }));
    expect(await screen.findByRole('heading', { name: '请向收费员支付现金' })).toBeTruthy();
    // No PIN, no confirmation: the patient cannot tap the cash as paid.
    expect(screen.getByRole('button', { name: '收费员：已收到现金' })).toHaveProperty('disabled', true);
    type('操作员密码', '111111');
    click('收费员：已收到现金');
    expect((await screen.findByRole('alert')).textContent).toContain('密码不对，还没有确认收款');
    expect(screen.getByRole('heading', { name: '请向收费员支付现金' })).toBeTruthy();
    expect(useKioskStore.getState().receipt).toEqual(RECEIPT);
    type('操作员密码', DEMO_OPERATOR.pin);
    click('收费员：已收到现金');
    expect(await screen.findByRole('heading', { name: '支付成功' })).toBeTruthy();
  });

  it('the lookup opens with the PIN, reprints a slip marked as a reprint, and cancels a row after showing what it undoes', async () => {
    const printer = recordingPrinter();
    const api = cashier({ printReceipt: printer.printReceipt });
    renderApp(api);
    // Between patients, the operator's name in the header is the staff side's way in.
    fireEvent.click(await screen.findByRole('button', { name: `${DEMO_OPERATOR.name} 今日结算` }));
    expect(await screen.findByRole('heading', { name: '今日结算查询' })).toBeTruthy();
    type('操作员密码', '999999');
    click('打开查询');
    expect((await screen.findByTestId('today-message')).textContent).toBe('密码不对，请重新输入');
    type('操作员密码', DEMO_OPERATOR.pin);
    click('打开查询');
    const rows = await screen.findAllByTestId('today-row');
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['settled', 'cancelled']);
    expect(rows[1]!.textContent).toContain('已撤销（撤销结算号 SETL0010）');
    expect(rows[0]!.textContent).toContain('11月29日');
    expect(rows[0]!.textContent).not.toMatch(/2026-11-29T/);
    // A cancelled row has nothing left to cancel.
    expect(screen.queryByRole('button', { name: '撤销 张*三 SETL0009' })).toBeNull();

    type('流水号、结算号或姓名', '欧*明');
    type('开始时间（时:分）', '09:00');
    click('查找');
    await waitFor(() => expect(api.lookups.at(-1)).toEqual({ pin: DEMO_OPERATOR.pin, text: '欧*明', from: '09:00' }));

    click(`补打凭条 欧*明 ${PAID_TODAY.setlId}`);
    expect((await screen.findByTestId('today-message')).textContent).toBe('凭条已保存为电子文件（未配置打印机）');
    expect(printer.printed).toHaveLength(1);
    expect(printer.printed[0]!.text).toContain(PAID_TODAY.setlId);
    expect(printer.printed[0]!.text).toContain('补打凭条 11月29日 10:00');

    click(`撤销 欧*明 ${PAID_TODAY.setlId}`);
    expect(await screen.findByRole('heading', { name: '撤销结算需要工作人员授权' })).toBeTruthy();
    const original = screen.getByTestId('cancel-original').textContent ?? '';
    for (const fact of ['11月29日 09:30', '欧*明', '¥10.00', PAID_TODAY.setlId]) expect(original).toContain(fact);
    expect(screen.getByLabelText('工作人员工号')).toHaveProperty('value', DEMO_OPERATOR.id);
    type('工作人员密码', '000000');
    click('确认撤销');
    expect((await screen.findByRole('alert')).textContent).toBe('工号或密码不对，没有撤销。请重新输入');
    type('工作人员密码', DEMO_OPERATOR.pin);
    click('确认撤销');
    expect(await screen.findByRole('heading', { name: '医保结算撤销凭条' })).toBeTruthy();
    click('打印凭条');
    await waitFor(() => expect(printer.printed).toHaveLength(2));
    expect(printer.printed[1]).toMatchObject({ kind: 'cancel', text: expect.stringContaining(`原结算号${PAID_TODAY.setlId}`) });
  });

  it('the admission desk prints an admission slip by itself where slips print themselves', async () => {
    const printer = recordingPrinter();
    const info = { ...appInfo('inpatient'), printing: { ...appInfo('inpatient').printing, auto: true } };
    const api = fakeApi({ getAppInfo: async () => ok(info), printReceipt: printer.printReceipt }, 'inpatient');
    renderApp(api, { operatorId: DEMO_OPERATOR.id });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    fireEvent.click(await screen.findByRole('button', { name: '是我本人' }));
    fireEvent.click(await screen.findByRole('button', { name: /ZY001/ }));
    click('办理入院登记');
    type('诊断编码', 'J18.9');
    type('诊断名称', '肺炎');
    click('确认入院登记');
    expect(await screen.findByRole('heading', { name: '入院登记完成' })).toBeTruthy();
    await waitFor(() => expect(printer.printed).toHaveLength(1));
    expect(printer.printed[0]!.kind).toBe('admission');
    for (const fact of ['入院登记凭条', 'ZY001', '内科', '3-12', 'M1']) expect(printer.printed[0]!.text).toContain(fact);
    expect((await screen.findByTestId('print-status')).textContent).toBe('凭条已保存，需要纸质凭条请找工作人员');
  });
});
