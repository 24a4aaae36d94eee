import { act, fireEvent, screen } from '@testing-library/react';
import { fail } from '../../shared/result';
import { useKioskStore } from '../../renderer/store';
import { IDLE_ANSWER_MS } from '../../renderer/app/App';
import { fakeApi, renderApp } from './support';

// jsdom has no camera; the face screen must say so instead of hanging.
Object.defineProperty(window.HTMLMediaElement.prototype, 'play', { value: () => Promise.resolve(), configurable: true });

describe('kiosk shell', () => {
  it('shows the home screen in Chinese with the terminal mode and a staff call', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { name: '刷脸就医' })).toBeTruthy();
    expect(screen.getByText('自助挂号缴费')).toBeTruthy();
    expect(screen.getByText('咸宁市演示医院')).toBeTruthy();
    expect(screen.getByRole('button', { name: '呼叫工作人员' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '开始刷脸' })).toBeTruthy();
  });

  it('raises a staff call from any screen and shows its number', async () => {
    const api = fakeApi();
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    fireEvent.click(screen.getByRole('button', { name: '呼叫工作人员' }));
    expect(await screen.findByText(/S042/)).toBeTruthy();
    expect(api.calls).toContain('callStaff:help:face');
  });

  it('tells the patient to go to the counter when the staff call fails', async () => {
    renderApp(fakeApi({ callStaff: async () => fail('PLATFORM_UNREACHABLE', 'down') }));
    fireEvent.click(await screen.findByRole('button', { name: '呼叫工作人员' }));
    expect(await screen.findByText('呼叫没有成功，请直接到窗口找工作人员')).toBeTruthy();
  });

  it('switches to English and back', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Pay by face' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByRole('heading', { name: '刷脸就医' })).toBeTruthy();
  });

  it('shows an out-of-service message when the kiosk service is missing', async () => {
    renderApp(fakeApi({ getAppInfo: async () => fail('PLATFORM_UNREACHABLE', 'kiosk service not available') }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('终端暂时无法使用，请到人工窗口办理')).toBeTruthy();
  });

  it('reports a camera that cannot be opened instead of waiting forever', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    expect(await screen.findByText('摄像头不可用，请使用其他方式或呼叫工作人员')).toBeTruthy();
  });
});

describe('idle timeout', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function startFlow() {
    renderApp();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    fireEvent.click(screen.getByRole('button', { name: '呼叫工作人员' }));
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(useKioskStore.getState().staffCall).not.toBeNull();
  }

  it('asks before ending, and keeps the session when the person wants more time', async () => {
    await startFlow();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(60_000);
    });
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '需要，继续办理' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(useKioskStore.getState().screen).toBe('face');
  });

  it('wipes the session and returns home when the question goes unanswered', async () => {
    await startFlow();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(60_000);
    });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(IDLE_ANSWER_MS);
    });
    const state = useKioskStore.getState();
    expect(state.screen).toBe('home');
    expect(state.staffCall).toBeNull();
    expect(state.idlePromptOpen).toBe(false);
    expect(state.appInfo).not.toBeNull(); // the terminal's own state survives
    expect(screen.getByRole('heading', { name: '刷脸就医' })).toBeTruthy();
  });

  it('does not time out while the person keeps touching the screen', async () => {
    await startFlow();
    for (let i = 0; i < 5; i += 1) {
      await act(async () => {
        await jest.advanceTimersByTimeAsync(50_000);
      });
      fireEvent.pointerDown(window);
    }
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
