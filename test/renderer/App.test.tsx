import { act, fireEvent, screen } from '@testing-library/react';
import { fail } from '../../shared/result';
import { useKioskStore } from '../../renderer/store';
import { IDLE_ANSWER_MS } from '../../renderer/app/App';
import { fakeApi, recorder, renderApp, scriptedFace } from './support';

describe('kiosk shell', () => {
  it('shows the home screen in Chinese with the terminal mode, a staff call and the other ways', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { name: '刷脸就医' })).toBeTruthy();
    expect(screen.getByText('自助挂号缴费')).toBeTruthy();
    expect(screen.getByText('咸宁市演示医院')).toBeTruthy();
    expect(screen.getByRole('button', { name: '呼叫工作人员' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '开始刷脸' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '不刷脸，用其他方式' })).toBeTruthy();
  });

  it('raises a staff call from any screen: a tone, a banner, the number, and the screen it came from', async () => {
    const api = fakeApi();
    const voice = recorder();
    renderApp(api, { voice });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    fireEvent.click(screen.getByRole('button', { name: '呼叫工作人员' }));
    expect(await screen.findByText(/工作人员马上就到/)).toBeTruthy();
    expect(screen.getAllByText(/S042/).length).toBeGreaterThan(0);
    expect(voice.tones).toBe(1);
    expect(api.calls).toContain('callStaff:help:consent');
  });

  it('tells the patient to go to the counter when the staff call fails', async () => {
    renderApp(fakeApi({ callStaff: async () => fail('PLATFORM_UNREACHABLE', 'down') }));
    fireEvent.click(await screen.findByRole('button', { name: '呼叫工作人员' }));
    expect(await screen.findByText('呼叫没有成功，请直接到窗口找工作人员')).toBeTruthy();
  });

  it('switches to English and back, and speaks in the language shown', async () => {
    const voice = recorder();
    renderApp(fakeApi(), { voice });
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Pay by face' })).toBeTruthy();
    expect(voice.said.at(-1)).toMatch(/No card/);
    expect(document.documentElement.lang).toBe('en');
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByRole('heading', { name: '刷脸就医' })).toBeTruthy();
  });

  it('shows an out-of-service message when the kiosk service is missing', async () => {
    renderApp(fakeApi({ getAppInfo: async () => fail('PLATFORM_UNREACHABLE', 'kiosk service not available') }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('终端暂时无法使用，请到人工窗口办理')).toBeTruthy();
  });

  it('reports a camera that cannot be opened and offers the other ways instead of waiting', async () => {
    renderApp(fakeApi(), { face: scriptedFace([{ type: 'camera', status: 'denied' }]) });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    fireEvent.click(screen.getByRole('button', { name: '同意，开始刷脸' }));
    expect(await screen.findByRole('heading', { name: '摄像头不可用，请使用其他方式或呼叫工作人员' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '医保电子凭证二维码' }));
    expect(screen.getByRole('heading', { name: '请出示医保码' })).toBeTruthy();
  });

  it('staff-run counters stay closed until an operator is signed in', async () => {
    renderApp(fakeApi({}, 'cashier'));
    expect(await screen.findByRole('heading', { name: '本窗口暂未开放' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '开始刷脸' })).toBeNull();
  });
});

describe('idle timeout', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settle = () =>
    act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });

  /** Into the middle of a flow: identified, looking at "is this you?". */
  async function startFlow(api = fakeApi()) {
    renderApp(api);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    fireEvent.click(screen.getByRole('button', { name: '同意，开始刷脸' }));
    await settle();
    await settle();
    expect(screen.getByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    return api;
  }

  it('asks before ending, and keeps the session when the person wants more time', async () => {
    await startFlow();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(60_000);
    });
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '需要，继续办理' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(useKioskStore.getState().screen).toBe('is-this-you');
    expect(useKioskStore.getState().person).not.toBeNull();
  });

  it('wipes the patient (store, screen, engine) when the question goes unanswered', async () => {
    const api = await startFlow();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(60_000);
    });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(IDLE_ANSWER_MS);
    });
    const state = useKioskStore.getState();
    expect(state.screen).toBe('home');
    expect(state.person).toBeNull();
    expect(state.idlePromptOpen).toBe(false);
    expect(state.appInfo).not.toBeNull(); // the terminal's own state survives
    expect(api.calls.some((c) => c.startsWith('endSession'))).toBe(true);
    expect(screen.queryByText('欧*明')).toBeNull();
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
