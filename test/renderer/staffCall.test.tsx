import { fireEvent, screen } from '@testing-library/react';
import { ok } from '../../shared/result';
import { fakeApi, recorder, renderApp } from './support';

describe('what the patient is told after calling staff', () => {
  it('says staff were notified only when the call was delivered', async () => {
    const voice = recorder();
    renderApp(fakeApi(), { voice });
    fireEvent.click(await screen.findByRole('button', { name: '呼叫工作人员' }));
    expect(await screen.findByText('已通知工作人员，请稍候。号码 S042')).toBeTruthy();
    expect(screen.queryByText(/请到人工窗口/)).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/工作人员马上就到/);
    expect(voice.tones).toBe(1);
  });

  it('sends the patient to the staffed counter when the call was not delivered, with the same tone and banner', async () => {
    const voice = recorder();
    renderApp(fakeApi({ callStaff: async () => ok({ ticket: 'S043', raisedAt: '2026-11-30T08:00:00.000Z', delivered: false }) }), { voice });
    fireEvent.click(await screen.findByRole('button', { name: '呼叫工作人员' }));
    expect(await screen.findByText('请到人工窗口找工作人员。号码 S043')).toBeTruthy();
    expect(screen.queryByText(/已通知工作人员/)).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/工作人员马上就到/);
    expect(voice.tones).toBe(1);
    expect(voice.said.at(-1)).toBe('请到人工窗口找工作人员。号码 S043');
  });
});
