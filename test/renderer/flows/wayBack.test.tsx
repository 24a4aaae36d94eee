import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { fail, ok } from '../../../shared/result';
import { useKioskStore } from '../../../renderer/store';
import { QUOTE, fakeApi, renderApp } from '../support';

/**
 * Issue 13 on the patient screens: 上一步 and 结束 on every screen, 重新支付 only where the engine
 * knows nothing was paid, a staff takeover that asks first, and the real reason in words.
 */
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const calls = (api: { calls: string[] }, method: string) => api.calls.filter((c) => c.startsWith(`${method}:`));

async function identified(api = fakeApi(), mode?: Parameters<typeof renderApp>[1]) {
  renderApp(api, mode);
  fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
  click('同意，开始刷脸');
  await screen.findByRole('heading', { name: '请确认是您本人' });
  return api;
}

async function toQuote(api = fakeApi()) {
  await identified(api);
  click('是我本人');
  fireEvent.click(await screen.findByRole('button', { name: '内科' }));
  click(/李医生/);
  await screen.findByRole('heading', { name: '请核对费用' });
  return api;
}

describe('a way back and an end on the patient screens', () => {
  it('departments and doctors: 上一步 steps back one screen, 结束 ends the visit', async () => {
    const api = await identified();
    click('是我本人');
    await screen.findByRole('heading', { name: '请选择科室' });
    click('内科');
    expect(screen.getByRole('heading', { name: '请选择医生' })).toBeTruthy();
    click('上一步');
    expect(screen.getByRole('heading', { name: '请选择科室' })).toBeTruthy();
    click('上一步');
    expect(screen.getByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    click('是我本人');
    await screen.findByRole('heading', { name: '请选择科室' });
    click('结束');
    await waitFor(() => expect(calls(api, 'endSession')).toHaveLength(1));
    expect(screen.getByRole('heading', { name: '刷脸就医' })).toBeTruthy();
    expect(useKioskStore.getState().person).toBeNull();
  });

  it('the doctors show their day in Chinese local form, not ISO', async () => {
    await identified();
    click('是我本人');
    fireEvent.click(await screen.findByRole('button', { name: '内科' }));
    expect(screen.getByRole('button', { name: /李医生/ }).textContent).toContain('11月29日 上午');
    expect(screen.getByRole('button', { name: /李医生/ }).textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('上一步 on the confirmation gives the quote back before choosing again', async () => {
    const api = await toQuote();
    click('上一步');
    await screen.findByRole('heading', { name: '请选择医生' });
    expect(calls(api, 'declineQuote')).toEqual([`declineQuote:${JSON.stringify({ quoteId: QUOTE.quoteId })}`]);
    expect(useKioskStore.getState().quote).toBeNull();
  });

  it('no pending bills: the screen says so and offers 上一步 and 结束', async () => {
    const api = fakeApi({ listPendingBills: async () => ok([]) }, 'cashier');
    await identified(api, { operatorId: 'OP001' });
    click('是我本人');
    expect(await screen.findByRole('heading', { name: '您没有待缴的费用' })).toBeTruthy();
    expect(screen.getByText(/医院系统里没有您待缴的费用/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '上一步' })).toBeTruthy();
    click('结束');
    await waitFor(() => expect(calls(api, 'endSession')).toHaveLength(1));
  });
});

describe('the confirmation', () => {
  it('says where the cash is paid; ¥0 cash is not the large line', async () => {
    await toQuote();
    expect(screen.getByTestId('quote-cash-where').textContent).toBe('确认后，请到收费窗口付现金 ¥1.00');
    expect(screen.getByTestId('quote-cash').closest('.split__due')).not.toBeNull();
  });

  it('with nothing to pay in cash, no emphasis and no cash sentence', async () => {
    await toQuote(fakeApi({ prepareRegistration: async () => ok({ ...QUOTE, accountFen: 400, cashFen: 0 }) }));
    expect(screen.getByTestId('quote-cash').textContent).toBe('¥0.00');
    expect(screen.getByTestId('quote-cash').closest('.split__due')).toBeNull();
    expect(screen.queryByTestId('quote-cash-where')).toBeNull();
  });
});

describe('a payment that failed', () => {
  let settling = 0;
  beforeEach(() => (settling = 0));
  const refused = (code: string, message: string, next: 'retry' | 'call-staff') =>
    fakeApi({
      confirmSettlement: async () => {
        settling++;
        return { ok: false, error: { code: code as never, message, next, reference: 'H420000009' } };
      },
    });

  it('known not done (platform unreachable): 没有扣费, and 重新支付 asks for a new quote for the same doctor', async () => {
    const api = await toQuote(refused('PLATFORM_UNREACHABLE', '暂时连不上医保平台，请稍后再试', 'retry'));
    click('确认支付');
    expect(await screen.findByText('这次支付没有成功，没有扣费。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '上一步' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '结束' })).toBeTruthy();
    await act(async () => click('重新支付'));
    expect(await screen.findByRole('heading', { name: '请核对费用' })).toBeTruthy();
    const prepared = calls(api, 'prepareRegistration');
    expect(prepared).toHaveLength(2);
    expect(prepared[1]).toBe(prepared[0]);
    // Only one settling call so far: the new quote waits for the patient's confirmation.
    expect(settling).toBe(1);
  });

  it('another attempt still open (outcome not known): no 重新支付, only staff or another way', async () => {
    const api = await toQuote(refused('SETTLEMENT_PENDING', '您上一笔结算的结果尚在确认中，为避免重复扣费暂不能再付。', 'call-staff'));
    click('确认支付');
    expect(await screen.findByText(/尚在确认中/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '重新支付' })).toBeNull();
    expect(screen.queryByText('这次支付没有成功，没有扣费。')).toBeNull();
    expect(screen.getByText(/请按“呼叫工作人员”/)).toBeTruthy();
    expect(calls(api, 'prepareRegistration')).toHaveLength(1);
  });

  it('a booking the hospital system refused says what is known and offers 重新选择', async () => {
    const api = fakeApi({ prepareRegistration: async () => fail('HIS_REFUSED', '医院系统未受理：号源可能已满，或您已挂过此号，请重新选择', { next: 'retry' }) });
    await identified(api);
    click('是我本人');
    fireEvent.click(await screen.findByRole('button', { name: '内科' }));
    click(/李医生/);
    expect(await screen.findByText('医院系统没有接受这个号，没有扣费。')).toBeTruthy();
    expect(screen.queryByText(/可能/)).toBeNull();
    click('重新选择');
    expect(screen.getByRole('heading', { name: '请选择医生' })).toBeTruthy();
  });

  it('cancelling at the confirmation is told 没有扣费', async () => {
    const api = await toQuote();
    click('不支付，结束');
    expect(await screen.findByRole('heading', { name: '已取消，没有扣费' })).toBeTruthy();
    expect(calls(api, 'confirmSettlement')).toHaveLength(0);
  });
});

describe('the staff entry', () => {
  it('mid-visit it asks before ending the patient’s visit; keeping on loses nothing', async () => {
    const api = await identified();
    click('工作人员');
    expect(screen.getByRole('alertdialog', { name: '结束当前病人的办理？' })).toBeTruthy();
    click('不，继续办理');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(useKioskStore.getState().person).not.toBeNull();
    expect(calls(api, 'endSession')).toHaveLength(0);
    click('工作人员');
    click('结束办理，进入管理');
    expect(await screen.findByRole('heading', { name: '请输入管理密码' })).toBeTruthy();
    await waitFor(() => expect(calls(api, 'endSession')).toHaveLength(1));
    expect(useKioskStore.getState().person).toBeNull();
  });

  it('stands apart from 呼叫工作人员: the header, not the footer', async () => {
    renderApp();
    await screen.findByRole('heading', { name: '刷脸就医' });
    expect(screen.getByRole('button', { name: '工作人员' }).closest('header')).not.toBeNull();
    expect(screen.getByRole('button', { name: '呼叫工作人员' }).closest('footer')).not.toBeNull();
  });

  it('a long press on the hidden corner opens it too', async () => {
    jest.useFakeTimers();
    try {
      renderApp();
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10);
      });
      fireEvent.pointerDown(screen.getByTestId('admin-corner'));
      await act(async () => {
        await jest.advanceTimersByTimeAsync(2100);
      });
      expect(screen.getByRole('heading', { name: '请输入管理密码' })).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the inpatient desk', () => {
  it('a stay number not among the patient’s stays is said so, with the number to correct, not sent on', async () => {
    const api = fakeApi({}, 'inpatient');
    await identified(api, { operatorId: 'OP001' });
    click('是我本人');
    await screen.findByRole('heading', { name: '请选择或录入住院号' });
    expect(await screen.findByText(/11月26日/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('住院号'), { target: { value: 'ZY999' } });
    click('办理出院结算');
    expect(await screen.findByText(/没有住院号 ZY999/)).toBeTruthy();
    expect(calls(api, 'prepareDischarge')).toHaveLength(0);
    expect(screen.getByRole('button', { name: '上一步' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '结束' })).toBeTruthy();
  });
});
