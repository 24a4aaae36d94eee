import { act, fireEvent, screen } from '@testing-library/react';
import type { FaceEvent } from '../../renderer/screens/identify/faceEngine';
import { humanFaceEngine } from '../../renderer/screens/identify/humanEngine';
import { fakeApi, recorder, renderApp, scriptedFace } from './support';

// Records whether the face models were asked for; a class Human cannot use fails the load.
const mockHumanImported = jest.fn();
jest.mock('@vladmandic/human', () => {
  mockHumanImported();
  return { Human: class {} };
});

const OTHER_WAYS = ['医保电子凭证二维码', '社保卡', '身份证号（工作人员录入）'];

async function toFaceScreen() {
  fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
  // The scripted camera events follow in microtasks: let them land inside act.
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '同意，开始刷脸' }));
  });
}

describe('face screen without a camera', () => {
  it('says no camera was found, offers every other way at once and says them aloud', async () => {
    const voice = recorder();
    renderApp(fakeApi(), { voice, face: scriptedFace([{ type: 'camera', status: 'starting' }, { type: 'camera', status: 'unavailable' }]) });
    await toFaceScreen();
    expect(await screen.findByRole('heading', { name: '没有找到摄像头，请用其他方式' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '请看向屏幕' })).toBeNull();
    for (const name of OTHER_WAYS) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('button', { name: '呼叫工作人员' })).toBeTruthy();
    expect(voice.said.at(-1)).toBe('没有找到摄像头，请用其他方式。可以扫医保电子凭证二维码、用社保卡，或请工作人员录入身份证号，也可以按“呼叫工作人员”');
    fireEvent.click(screen.getByRole('button', { name: '身份证号（工作人员录入）' }));
    expect(screen.getByRole('heading', { name: '请工作人员录入身份证号' })).toBeTruthy();
  });

  it('a camera that is there keeps the face screen as it was', async () => {
    renderApp(fakeApi(), { face: scriptedFace([{ type: 'camera', status: 'live' }]) });
    await toFaceScreen();
    expect(await screen.findByText('请把脸放在框内，保持不动')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '请看向屏幕' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '社保卡' })).toBeNull();
  });
});

describe('the real engine finds no camera before loading the models', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
  const withDevices = (kinds: MediaDeviceKind[] | null) => {
    const value = kinds && { enumerateDevices: async () => kinds.map((kind) => ({ kind, deviceId: '', groupId: '', label: '' })), getUserMedia: async () => { throw new DOMException('none', 'NotFoundError'); } };
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value });
  };
  const run = async () => {
    const events: FaceEvent[] = [];
    const session = humanFaceEngine().start(document.createElement('video'), { policy: 'passive-only', maxAttempts: 3 }, (event) => events.push(event));
    const settled = () => events.some((e) => e.type === 'camera' && e.status !== 'starting');
    for (let i = 0; i < 200 && !settled(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    session.dispose();
    return events;
  };
  beforeEach(() => mockHumanImported.mockClear());
  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'mediaDevices', original);
    else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
  });

  it.each([
    ['no media devices at all', null],
    ['only a microphone', ['audioinput'] as MediaDeviceKind[]],
  ])('%s: camera unavailable, models never loaded', async (_label, kinds) => {
    withDevices(kinds);
    expect(await run()).toEqual([{ type: 'camera', status: 'starting' }, { type: 'camera', status: 'unavailable' }]);
    expect(mockHumanImported).not.toHaveBeenCalled();
  });

  it('a camera in the list goes on to load the models', async () => {
    withDevices(['videoinput']);
    const events = await run();
    expect(mockHumanImported).toHaveBeenCalled();
    expect(events.at(-1)).toEqual({ type: 'camera', status: 'unavailable' }); // this Human cannot load
  });
});
