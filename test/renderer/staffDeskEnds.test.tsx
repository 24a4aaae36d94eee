import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { KioskApi } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/result';
import { useKioskStore } from '../../renderer/store';
import { DEMO_OPERATOR, PAID_TODAY, QUOTE, RECEIPT, fakeApi, renderApp, todayRow } from './support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const LOCKED = '工号 OP001 的密码错误次数过多，已锁定，14:36 后可再试，或请其他工作人员办理';

/** A cashier counter with the demo operator signed in on main's side; each staff method records what the page sent. */
function cashier(extra: Partial<KioskApi> = {}) {
  const sent: Record<string, unknown[]> = { endShift: [], findTodaySettlements: [], confirmCashTaken: [] };
  const api = fakeApi(
    {
      findTodaySettlements: async (request) => {
        sent.findTodaySettlements!.push(request);
        return request.pin === DEMO_OPERATOR.pin ? ok({ day: '2026-11-29', rows: [todayRow()], more: false, reprintedAt: '2026-11-29 10:00:00' }) : fail('NOT_AUTHORISED', '需要操作员密码', { next: 'retry' });
      },
      endShift: async (request) => {
        sent.endShift!.push(request);
        if (request.pin === '555555') return fail('LOCKED_OUT', LOCKED, { next: 'call-staff' });
        if (request.pin !== DEMO_OPERATOR.pin) return fail('NOT_AUTHORISED', '需要工作人员授权', { next: 'call-staff' });
        api.counter.operator = null;
        return ok({ signedOut: true as const });
      },
      ...extra,
    },
    'cashier',
  );
  api.counter.operator = { id: DEMO_OPERATOR.id, name: DEMO_OPERATOR.name, since: '2026-11-29T00:00:00.000Z' };
  return Object.assign(api, { sent });
}

async function openLookup() {
  fireEvent.click(await screen.findByRole('button', { name: `${DEMO_OPERATOR.name} 今日结算` }));
  type('操作员密码', DEMO_OPERATOR.pin);
  click('打开查询');
  return screen.findAllByTestId('today-row');
}

/** From today's lookup to the cancel form of the row, its PIN typed and sent. */
async function cancelFromLookup(pin = DEMO_OPERATOR.pin) {
  await openLookup();
  click(`撤销 欧*明 ${PAID_TODAY.setlId}`);
  expect(await screen.findByRole('heading', { name: '撤销结算需要工作人员授权' })).toBeTruthy();
  type('工作人员密码', pin);
  click('确认撤销');
  return screen.findByRole('alert');
}

describe('the cancel form says what main found, beside the settlement it was about', () => {
  it('cancelled already: main’s words with the cancel’s number, on the cancel form, nothing else shown', async () => {
    const said = '这笔结算已经撤销过了（撤销结算号 SETL0101），不用再撤销';
    renderApp(cashier({ cancelSettlement: async () => fail('ALREADY_CANCELLED', said, { next: 'call-staff' }) }));
    expect((await cancelFromLookup()).textContent).toBe(said);
    expect(screen.getByRole('heading', { name: '撤销结算需要工作人员授权' })).toBeTruthy();
    expect(screen.getByTestId('cancel-original').textContent).toContain(PAID_TODAY.setlId);
    expect(screen.queryByText(/原结算仍然有效/)).toBeNull();
    // 上一步 goes back to the lookup it came from.
    click('上一步');
    expect(await screen.findByRole('heading', { name: '今日结算查询' })).toBeTruthy();
  });

  it('refused by the platform: main’s words (not done, no money moved), the form kept for another try', async () => {
    const said = '这次撤销没有生效：医保平台没有受理，没有退款，也没有扣费，原结算保持原样。请工作人员核实后再处理';
    renderApp(cashier({ cancelSettlement: async () => fail('CANCEL_REFUSED', said, { next: 'call-staff' }) }));
    expect((await cancelFromLookup()).textContent).toBe(said);
    expect(screen.getByRole('button', { name: '确认撤销' })).toBeTruthy();
    expect(useKioskStore.getState().screen).toBe('cancel');
  });

  it('a locked operator reads when the lock ends, on the cancel form', async () => {
    renderApp(cashier({ cancelSettlement: async () => fail('LOCKED_OUT', LOCKED, { next: 'call-staff' }) }));
    expect((await cancelFromLookup()).textContent).toBe(LOCKED);
  });
});

describe('a locked operator is told until when on every staff screen', () => {
  it('cash taken shows main’s sentence, the settlement standing', async () => {
    renderApp(cashier({ confirmCashTaken: async () => fail('LOCKED_OUT', LOCKED, { next: 'call-staff' }) }));
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    fireEvent.click(await screen.findByRole('button', { name: '是我本人' }));
    fireEvent.click(await screen.findByRole('button', { name: '缴这次的费用' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认支付' }));
    expect(await screen.findByRole('heading', { name: '请向收费员支付现金' })).toBeTruthy();
    type('操作员密码', DEMO_OPERATOR.pin);
    click('收费员：已收到现金');
    expect((await screen.findByRole('alert')).textContent).toBe(LOCKED);
    expect(screen.getByRole('heading', { name: '请向收费员支付现金' })).toBeTruthy();
  });

  it('today’s lookup shows main’s sentence', async () => {
    renderApp(cashier({ findTodaySettlements: async () => fail('LOCKED_OUT', LOCKED, { next: 'call-staff' }) }));
    fireEvent.click(await screen.findByRole('button', { name: `${DEMO_OPERATOR.name} 今日结算` }));
    type('操作员密码', DEMO_OPERATOR.pin);
    click('打开查询');
    expect((await screen.findByTestId('today-message')).textContent).toBe(LOCKED);
  });
});

describe('交班签退 on the staff side', () => {
  it('asks the operator’s own PIN (the page sends no operator): wrong keeps the shift, locked says until when, right closes the counter', async () => {
    const api = cashier();
    renderApp(api);
    await openLookup();
    click('交班签退');
    expect(await screen.findByRole('heading', { name: '交班签退', level: 1 })).toBeTruthy();
    expect(screen.getByTestId('shift-end').textContent).toContain(`请 ${DEMO_OPERATOR.name} 输入自己的密码确认签退`);
    expect(screen.getByRole('button', { name: '确认签退' })).toHaveProperty('disabled', true);

    type('操作员密码', '111111');
    click('确认签退');
    expect((await screen.findByRole('alert')).textContent).toBe('密码不对，没有签退，请重新输入');
    expect(screen.getByTestId('staff-operator').textContent).toBe(DEMO_OPERATOR.name);
    type('操作员密码', '555555');
    click('确认签退');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(LOCKED));

    // Changed their mind: back to the lookup, still open.
    click('不签退，返回查询');
    expect(await screen.findByRole('heading', { name: '今日结算查询' })).toBeTruthy();
    expect(screen.getAllByTestId('today-row')).toHaveLength(1);

    click('交班签退');
    type('操作员密码', DEMO_OPERATOR.pin);
    click('确认签退');
    expect(await screen.findByRole('heading', { name: '本窗口暂未开放' })).toBeTruthy();
    expect(screen.queryByTestId('staff-operator')).toBeNull();
    expect(useKioskStore.getState().operator).toBeNull();
    expect(api.sent.endShift).toEqual([{ pin: '111111' }, { pin: '555555' }, { pin: DEMO_OPERATOR.pin }]);
  });
});

describe('after a failure, the next step uses what the patient chose', () => {
  it('cashier: 重新支付 quotes the same bills again, straight to the confirmation', async () => {
    let refusals = 1;
    const prepared: unknown[] = [];
    const api = cashier({
      prepareOutpatientSettlement: async (request) => {
        prepared.push(request.billIds);
        return ok({ ...QUOTE, kind: 'outpatient' as const, registration: undefined });
      },
      confirmSettlement: async () =>
        refusals-- > 0 ? fail('PLATFORM_REJECTED', '医保平台未受理此次业务，请联系工作人员', { next: 'call-staff' }) : ok({ status: 'settled' as const, receipt: { ...RECEIPT, cashFen: 0 } }),
    });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    fireEvent.click(await screen.findByRole('button', { name: '是我本人' }));
    fireEvent.click(await screen.findByRole('button', { name: '缴这次的费用' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认支付' }));
    expect(await screen.findByRole('heading', { name: '这一步没有办成' })).toBeTruthy();
    click('重新支付');
    expect(await screen.findByRole('heading', { name: '请核对费用' })).toBeTruthy();
    expect(prepared).toEqual([['B1'], ['B1']]);
    expect(api.calls.filter((c) => c.startsWith('listPendingBills'))).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '确认支付' }));
    expect(await screen.findByRole('heading', { name: '支付成功' })).toBeTruthy();
  });

  it('registration: after 重新选择 on a full session, the doctors are asked again and the full one is gone', async () => {
    const slot = (slotId: number, doctorName: string, remaining: number) => ({
      slotId,
      date: '2026-11-29',
      period: 'AM' as const,
      deptCode: 'D01',
      deptName: '内科',
      caty: 'A03',
      doctorCode: `DR${slotId}`,
      doctorName,
      doctorTitle: '主治医师',
      feeFen: 1000,
      remaining,
    });
    // 李医生's last place goes to someone else while the patient chooses it: the hospital system refuses, and lists it full from then on.
    let taken = false;
    const api = fakeApi({
      listRegistrationSlots: async () => ok(taken ? [slot(7, '李医生', 0), slot(9, '张医生', 4)] : [slot(7, '李医生', 1), slot(9, '张医生', 5)]),
      prepareRegistration: async ({ slotId }) => {
        if (slotId !== 7) return ok(QUOTE);
        taken = true;
        return fail('SLOT_FULL', '这个号已经挂满了，没有扣费，请选择其他医生或时段', { next: 'retry' });
      },
    });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    fireEvent.click(await screen.findByRole('button', { name: '是我本人' }));
    fireEvent.click(await screen.findByRole('button', { name: '内科' }));
    fireEvent.click(await screen.findByRole('button', { name: /李医生/ }));
    expect(await screen.findByText('这个号已经挂满了，没有扣费，请选择其他医生或时段')).toBeTruthy();
    click('重新选择');
    expect(await screen.findByRole('heading', { name: '请选择医生' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: /李医生/ })).toBeNull());
    expect(screen.getByRole('button', { name: /张医生/ }).textContent).toContain('剩余 4 个号');
  });
});
