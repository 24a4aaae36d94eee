import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UnresolvedAttemptView } from '../../shared/types/settlement';
import { ok } from '../../shared/result';
import { fakeApi, renderApp } from './support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

const STUCK: UnresolvedAttemptView = {
  msgid: 'H42120200001202611300815000103',
  what: '药店结算',
  maskedName: '欧*明',
  requestedFen: 1240,
  sentAt: '2026-11-30T00:15:00.000Z',
  decidableAt: '2026-11-30T00:20:31.000Z',
  needsStaff: true,
  platformSays: '医保平台有这笔结算且仍有效：结算号 S0001，总额 ¥12.40，个人账户 ¥12.40',
  platformHasRecord: true,
  attempts: 3,
  staffMayResolve: true,
};
const CHECKING: UnresolvedAttemptView = { ...STUCK, msgid: 'H42120200001202611300816000104', needsStaff: false, platformSays: null, platformHasRecord: false, staffMayResolve: false };

async function openUnresolved(api: ReturnType<typeof fakeApi>) {
  renderApp(api);
  fireEvent.click(await screen.findByRole('button', { name: '工作人员' }));
  fireEvent.change(screen.getByLabelText('管理密码'), { target: { value: '135790' } });
  click('进入管理');
  await screen.findByRole('heading', { name: '终端管理' });
  click('待确认结算');
}

describe('unconfirmed payments in administration', () => {
  it('lists what the platform showed, and lets staff resolve only what recovery cannot, with PIN and reason', async () => {
    let rows = [STUCK, CHECKING];
    const api = fakeApi({
      listUnresolved: async () => ok(rows),
      resolveUnresolved: async (request) => {
        api.calls.push(`resolveUnresolved:${JSON.stringify(request)}`);
        rows = rows.filter((r) => r.msgid !== request.msgid);
        return ok({ msgid: request.msgid, state: 'done' });
      },
    });
    await openUnresolved(api);
    const stuck = await screen.findByTestId(`unresolved-${STUCK.msgid}`);
    expect(within(stuck).getByText(/需人工处理/)).toBeTruthy();
    expect(within(stuck).getByText(STUCK.platformSays!)).toBeTruthy();
    const checking = screen.getByTestId(`unresolved-${CHECKING.msgid}`);
    expect(within(checking).getByText(/自动确认中/)).toBeTruthy();
    // Still being decided by recovery: no way for staff to take it over yet.
    expect(within(checking).queryByRole('button', { name: '人工处理' })).toBeNull();

    fireEvent.click(within(stuck).getByRole('button', { name: '人工处理' }));
    fireEvent.change(within(stuck).getByLabelText('操作员工号'), { target: { value: 'OP001' } });
    fireEvent.change(within(stuck).getByLabelText('操作员密码'), { target: { value: '246810' } });
    fireEvent.change(within(stuck).getByLabelText('处理说明（必填）'), { target: { value: '平台显示已结算' } });
    fireEvent.click(within(stuck).getByRole('button', { name: '按平台记录计为已结算' }));
    expect(await screen.findByText('已处理并记录')).toBeTruthy();
    expect(api.calls).toContain(
      `resolveUnresolved:${JSON.stringify({ adminToken: 'admin-token-1', msgid: STUCK.msgid, resolution: 'settled', operatorId: 'OP001', pin: '246810', reason: '平台显示已结算' })}`,
    );
    await waitFor(() => expect(screen.queryByTestId(`unresolved-${STUCK.msgid}`)).toBeNull());
  });

  it('cannot record as settled what the platform has no record of', async () => {
    const api = fakeApi({ listUnresolved: async () => ok([{ ...STUCK, platformHasRecord: false, platformSays: '医保平台的查询结果无法判断' }]) });
    await openUnresolved(api);
    const stuck = await screen.findByTestId(`unresolved-${STUCK.msgid}`);
    fireEvent.click(within(stuck).getByRole('button', { name: '人工处理' }));
    expect((within(stuck).getByRole('button', { name: '按平台记录计为已结算' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(stuck).getByRole('button', { name: '确认未发生' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
