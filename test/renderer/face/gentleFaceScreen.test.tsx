import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { FaceEngine, FaceEvent } from '../../../renderer/screens/identify/faceEngine';
import { ok } from '../../../shared/result';
import { fakeApi, renderApp } from '../support';

/**
 * The face screen's gentle step, with a face engine the test drives event by event (jsdom has no
 * camera; the loop itself is tested with real Human in test/sandbox/facePipeline).
 */
function drivenFace() {
  let emit: (event: FaceEvent) => void = () => undefined;
  const engine: FaceEngine & { waived: number } = {
    waived: 0,
    preload: () => undefined,
    start(_video, _face, onEvent) {
      emit = onEvent;
      return { retry: async () => undefined, waiveMotion: () => void engine.waived++, dispose: () => undefined };
    },
  };
  const send = (event: FaceEvent) => act(() => emit(event));
  return { engine, send };
}

const capture = (challenge?: 'blink-or-nod') => ({
  jpegBase64: 'x'.repeat(200),
  width: 10,
  height: 10,
  passive: { real: 0.9, live: 0.9 },
  ...(challenge ? { challenge: { kind: challenge, measured: { frames: 30, progress: 1 } } } : {}),
});

async function toFace(api: ReturnType<typeof fakeApi>, engine: FaceEngine) {
  renderApp(api, { face: engine });
  fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
  fireEvent.click(screen.getByRole('button', { name: '同意，开始刷脸' }));
}

describe('the gentle face step on screen', () => {
  it('shows the challenge with its demonstration and ring; the ring follows the gesture; a passed gesture goes as motion', async () => {
    const api = fakeApi();
    const { engine, send } = drivenFace();
    await toFace(api, engine);
    send({ type: 'camera', status: 'live' });
    send({ type: 'challenge', challenge: 'blink-or-nod', key: 'face.challenge.blinkOrNod' });
    expect(screen.getByText('请慢慢眨一下眼睛，或者轻轻点一下头')).toBeTruthy();
    expect(screen.getByText('请照这样做')).toBeTruthy();
    const ring = screen.getByRole('progressbar');
    expect(ring.getAttribute('aria-valuenow')).toBe('0');
    send({ type: 'progress', progress: 0.45 });
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('45');
    expect(screen.getByRole('progressbar').getAttribute('aria-label')).toBe('动作完成 45%');
    // No offer before a miss.
    expect(screen.queryByRole('button', { name: '输入身份证号后四位' })).toBeNull();
    send({ type: 'captured', capture: capture('blink-or-nod') });
    await waitFor(() => expect(api.calls.some((c) => c.startsWith('identifyByFace:'))).toBe(true));
    expect(JSON.parse(api.calls.find((c) => c.startsWith('identifyByFace:'))!.slice('identifyByFace:'.length))).toMatchObject({ liveness: 'motion' });
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
  });

  it('after the first miss offers the digits and staff; the digits waive motion and the capture goes as none; the service, not the page, asks for them', async () => {
    const api = fakeApi({
      identifyByFace: async (request) => {
        api.calls.push(`identifyByFace:${JSON.stringify({ ...request, photo: '…' })}`);
        return ok({ status: 'second-factor' as const, authNo: 'AUTH9', attemptsLeft: 3, why: 'no-motion' as const });
      },
    });
    const { engine, send } = drivenFace();
    await toFace(api, engine);
    send({ type: 'camera', status: 'live' });
    send({ type: 'challenge', challenge: 'blink-or-nod', key: 'face.challenge.blinkOrNod' });
    send({ type: 'offer', key: 'face.offer.text' });
    expect(screen.getByText('做不了动作也没关系：可以输入身份证号后四位，或请工作人员来帮您')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '请工作人员来帮忙' }));
    await waitFor(() => expect(api.calls).toContain('callStaff:face-failed:face'));
    fireEvent.click(screen.getByRole('button', { name: '输入身份证号后四位' }));
    expect(engine.waived).toBe(1);
    send({ type: 'captured', capture: capture() });
    expect(await screen.findByRole('heading', { name: '请输入身份证号码最后四位' })).toBeTruthy();
    expect(api.calls).toContain('identifyByFace:{"photo":"…","liveness":"none"}');
    expect(screen.getByText('不用做动作：输入身份证号码的最后四位，确认是您本人')).toBeTruthy();
  });

  it('sends the pharmacy cart total as the amount (the region\'s password-free cap is main\'s to apply)', async () => {
    const api = fakeApi({}, 'pharmacy');
    const { engine, send } = drivenFace();
    renderApp(api, { face: engine });
    await screen.findByRole('button', { name: '开始刷脸' }).catch(() => undefined);
    const { useKioskStore } = await import('../../../renderer/store');
    act(() => {
      const product = { medListCodg: 'X1', medinsListCodg: 'M1', barcode: null, name: '药', unit: '盒', priceFen: 2350 };
      useKioskStore.getState().addToCart(product);
      useKioskStore.getState().addToCart(product);
      useKioskStore.getState().goTo('face');
    });
    send({ type: 'camera', status: 'live' });
    send({ type: 'captured', capture: capture('blink-or-nod') });
    await waitFor(() => expect(api.calls.some((c) => c.startsWith('identifyByFace:'))).toBe(true));
    expect(JSON.parse(api.calls.find((c) => c.startsWith('identifyByFace:'))!.slice('identifyByFace:'.length))).toMatchObject({ liveness: 'motion', amountFen: 4700 });
  });

  it('after three wrong digits says the digits did not match, never "not found", and offers the other ways and staff', async () => {
    let tries = 0;
    const api = fakeApi({
      identifyByFace: async () => ok({ status: 'second-factor' as const, authNo: 'AUTH1', attemptsLeft: 3, why: 'no-motion' as const }),
      confirmSecondFactor: async () => {
        tries++;
        return tries < 3 ? ok({ status: 'wrong-digits' as const, authNo: 'AUTH1', attemptsLeft: 3 - tries }) : ok({ status: 'digits-locked' as const });
      },
    });
    const { engine, send } = drivenFace();
    await toFace(api, engine);
    send({ type: 'camera', status: 'live' });
    send({ type: 'captured', capture: capture() });
    await screen.findByRole('heading', { name: '请输入身份证号码最后四位' });
    for (const guess of ['1111', '2222', '3333']) {
      fireEvent.change(screen.getByLabelText('身份证号后四位'), { target: { value: guess } });
      fireEvent.click(screen.getByRole('button', { name: '确定' }));
      await waitFor(() => expect(tries).toBeGreaterThanOrEqual(Number(guess[0])));
    }
    expect(await screen.findByRole('heading', { name: '身份证号后四位不对' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('没有找到您的医保信息');
    for (const name of ['医保电子凭证二维码', '社保卡', '身份证号（工作人员录入）', '请工作人员来帮忙']) expect(screen.getByRole('button', { name })).toBeTruthy();
  });
});
