import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useKioskStore } from '../../renderer/store';
import { CORNER_TAPS } from '../../renderer/components/Layout';
import { fakeApi, renderApp } from './support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

describe('terminal administration', () => {
  it('opens from five taps on the hidden corner, not from four', async () => {
    renderApp();
    await screen.findByRole('heading', { name: '刷脸就医' });
    const corner = screen.getByTestId('admin-corner');
    for (let i = 0; i < CORNER_TAPS - 1; i++) fireEvent.pointerDown(corner);
    expect(screen.queryByRole('heading', { name: '请输入管理密码' })).toBeNull();
    fireEvent.pointerDown(corner);
    expect(screen.getByRole('heading', { name: '请输入管理密码' })).toBeTruthy();
  });

  it('says how many tries are left after a wrong PIN, and that it is locked after too many', async () => {
    let attempts = 0;
    renderApp(
      fakeApi({
        adminUnlock: async () => {
          attempts++;
          return attempts < 3
            ? { ok: false, error: { code: 'NOT_AUTHORISED', message: 'wrong PIN', attemptsLeft: 3 - attempts } as never }
            : { ok: false, error: { code: 'LOCKED_OUT', message: 'locked until later' } };
        },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: '工作人员' }));
    for (const expected of ['密码不正确，还可以试 2 次', '密码不正确，还可以试 1 次', '密码错误次数过多，已锁定，请稍后再试']) {
      fireEvent.change(screen.getByLabelText('管理密码'), { target: { value: '1111' } });
      click('进入管理');
      expect(await screen.findByText(expected)).toBeTruthy();
    }
    expect(screen.queryByRole('heading', { name: '终端管理' })).toBeNull();
  });

  it('signs an operator in, reconciles the day with its explanation, switches density, and locks on leaving', async () => {
    const api = fakeApi({}, 'cashier');
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '工作人员' }));
    fireEvent.change(screen.getByLabelText('管理密码'), { target: { value: '135790' } });
    click('进入管理');
    expect(await screen.findByRole('heading', { name: '终端管理' })).toBeTruthy();
    click('签到 OP001 演示收费员');
    fireEvent.change(screen.getByLabelText('操作员密码'), { target: { value: '246810' } });
    click('签到');
    expect(await screen.findByText('当前操作员：OP001')).toBeTruthy();
    click('日终对账');
    click('开始对账');
    expect(await screen.findByText('今日本终端没有结算记录。')).toBeTruthy();
    expect(api.calls).toContain(`reconcileDay:${JSON.stringify({ adminToken: 'admin-token-1' })}`);
    click('诊断');
    expect((await screen.findByTestId('diagnostics-facts')).textContent).toContain('待确认 0 笔，需人工 0 笔');
    click('终端配置');
    click('标准');
    expect(useKioskStore.getState().settings.density).toBe('standard');
    expect(document.querySelector('.layout--standard')).not.toBeNull();
    click('返回服务');
    await waitFor(() => expect(api.calls).toContain(`adminLock:${JSON.stringify({ adminToken: 'admin-token-1' })}`));
    // The counter is open now that an operator is signed in.
    expect(screen.getByRole('button', { name: '开始刷脸' })).toBeTruthy();
  });
});
