import { fireEvent, screen } from '@testing-library/react';
import { useKioskStore } from '../../renderer/store';
import { loadSettings, SETTINGS_KEY } from '../../renderer/store/terminalSettings';
import { DEMO_OPERATOR, fakeApi, renderApp } from './support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

async function openOperatorSection() {
  fireEvent.click(await screen.findByRole('button', { name: '工作人员' }));
  fireEvent.change(screen.getByLabelText('管理密码'), { target: { value: '135790' } });
  click('进入管理');
  expect(await screen.findByRole('heading', { name: '终端管理' })).toBeTruthy();
}

describe("the counter's operator, signed in with their own PIN and kept by main", () => {
  it('refuses a wrong PIN, signs in with the right one, and the counter opens', async () => {
    const api = fakeApi({}, 'cashier');
    renderApp(api);
    expect(await screen.findByText('本窗口暂未开放')).toBeTruthy();
    await openOperatorSection();
    click(`签到 ${DEMO_OPERATOR.id} ${DEMO_OPERATOR.name}`);
    fireEvent.change(screen.getByLabelText('操作员密码'), { target: { value: '111111' } });
    click('签到');
    expect(await screen.findByText('工号或密码不正确，未签到')).toBeTruthy();
    expect(screen.getByText('尚未签到')).toBeTruthy();
    expect(api.counter.operator).toBeNull();
    expect(useKioskStore.getState().operator).toBeNull();

    fireEvent.change(screen.getByLabelText('操作员密码'), { target: { value: DEMO_OPERATOR.pin } });
    click('签到');
    expect(await screen.findByText(`当前操作员：${DEMO_OPERATOR.id}`)).toBeTruthy();
    expect(api.counter.operator?.id).toBe(DEMO_OPERATOR.id);
    expect(api.calls.filter((c) => c.startsWith('signInOperator'))).toEqual(['signInOperator:OP001', 'signInOperator:OP001']);
    // The PIN is main's to check and is never kept by the page.
    expect(localStorage.getItem(SETTINGS_KEY) ?? '').not.toContain(DEMO_OPERATOR.pin);
    expect(localStorage.getItem(SETTINGS_KEY) ?? '').not.toContain(DEMO_OPERATOR.id);

    click('返回服务');
    expect(await screen.findByRole('button', { name: '开始刷脸' })).toBeTruthy();
  });

  it('after a reload, shows whom main has signed in; the page keeps no operator of its own', async () => {
    // What an earlier version of the page left in localStorage is not a sign-in.
    const stored = new Map([[SETTINGS_KEY, JSON.stringify({ density: 'standard', operatorId: 'OP999' })]]);
    expect(loadSettings({ getItem: (k) => stored.get(k) ?? null, setItem: () => undefined })).toEqual({ density: 'standard' });

    const api = fakeApi({}, 'cashier');
    api.counter.operator = { id: DEMO_OPERATOR.id, name: DEMO_OPERATOR.name, since: '2026-11-29T00:00:00.000Z' };
    renderApp(api);
    expect(await screen.findByRole('button', { name: '开始刷脸' })).toBeTruthy();
    expect(useKioskStore.getState().operator?.id).toBe(DEMO_OPERATOR.id);
  });

  it('closes the counter when main has nobody signed in (the platform day turned), whatever the page last saw', async () => {
    const api = fakeApi({}, 'cashier');
    renderApp(api, { operatorId: DEMO_OPERATOR.id });
    expect(await screen.findByRole('button', { name: '开始刷脸' })).toBeTruthy();
    api.counter.operator = null;
    await openOperatorSection();
    expect(await screen.findByText('尚未签到')).toBeTruthy();
    click('返回服务');
    expect(await screen.findByText('本窗口暂未开放')).toBeTruthy();
  });

  it('signs out in main, and the counter closes', async () => {
    const api = fakeApi({}, 'cashier');
    renderApp(api, { operatorId: DEMO_OPERATOR.id });
    await openOperatorSection();
    expect(await screen.findByText(`当前操作员：${DEMO_OPERATOR.id}`)).toBeTruthy();
    click('签退');
    expect(await screen.findByText('尚未签到')).toBeTruthy();
    expect(api.calls).toContain(`signOutOperator:${JSON.stringify({ adminToken: 'admin-token-1' })}`);
    expect(api.counter.operator).toBeNull();
    click('返回服务');
    expect(await screen.findByText('本窗口暂未开放')).toBeTruthy();
  });
});
