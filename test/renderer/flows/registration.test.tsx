import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { fail, ok } from '../../../shared/result';
import { useKioskStore } from '../../../renderer/store';
import { PENDING, QUOTE, fakeApi, recorder, renderApp, scriptedFace } from '../support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

/** Home → consent → face → "is this you?" → yes: where every registration begins. */
async function identified(api = fakeApi(), options: Parameters<typeof renderApp>[1] = {}) {
  renderApp(api, options);
  fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
  expect(screen.getByRole('heading', { name: '刷脸前，请您确认' })).toBeTruthy();
  click('同意，开始刷脸');
  expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
  return api;
}

async function toQuote(api = fakeApi(), options: Parameters<typeof renderApp>[1] = {}) {
  await identified(api, options);
  click('是我本人');
  fireEvent.click(await screen.findByRole('button', { name: '内科' }));
  fireEvent.click(screen.getByRole('button', { name: /李医生/ }));
  expect(await screen.findByRole('heading', { name: '请核对费用' })).toBeTruthy();
  return api;
}

describe('registration: the patient alone', () => {
  it('consent, face, is this you, department, doctor, confirm, slip', async () => {
    const voice = recorder();
    const api = await identified(fakeApi(), { voice });
    expect(screen.getByText('欧*明')).toBeTruthy();
    expect(screen.getByText('4212**********0017')).toBeTruthy();
    click('是我本人');
    // Full departments are not offered.
    expect(await screen.findByRole('button', { name: '内科' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '外科' })).toBeNull();
    click('内科');
    click(/李医生/);
    await screen.findByRole('heading', { name: '请核对费用' });
    expect(api.calls).toContain(`prepareRegistration:${JSON.stringify({ personRef: useKioskStore.getState().person!.personRef, slotId: 7 })}`);
    expect(screen.getByTestId('quote-total').textContent).toBe('¥10.00');
    expect(screen.getByTestId('quote-fund').textContent).toBe('¥6.00');
    expect(screen.getByTestId('quote-account').textContent).toBe('¥3.00');
    expect(screen.getByTestId('quote-cash').textContent).toBe('¥1.00');
    expect(screen.getByTestId('quote-balance').textContent).toBe('¥3517.00');
    expect(voice.said.at(-1)).toBe('费用总额 10.00 元，医保支付 6.00 元，个人账户支付 3.00 元，需要您付现金 1.00 元。请确认。');
    // Nothing settles before the confirmation.
    expect(api.calls.some((c) => c.startsWith('confirmSettlement'))).toBe(false);
    click('确认支付');
    // ¥1.00 is still owed in cash: the screen says who paid and where the rest is paid, not "paid".
    expect(await screen.findByRole('heading', { name: '医保已支付' })).toBeTruthy();
    expect(screen.getByTestId('receipt-lead').textContent).toBe('还需到收费窗口付现金 ¥1.00');
    expect(screen.getByRole('article', { name: '挂号凭条' })).toBeTruthy();
    expect(screen.getByTestId('slip-registration').textContent).toBe('内科 李医生 11月29日 上午 · R1');
    expect(screen.getByTestId('receipt-setl-id').textContent).toBe('SETL0001');
    click('打印凭条');
    // The fake main has no printer and keeps a PDF: the screen does not claim paper came out.
    expect(await screen.findByText('凭条已保存，需要纸质凭条请找工作人员')).toBeTruthy();
    click('完成');
    await waitFor(() => expect(api.calls).toContain(`endSession:${JSON.stringify({ personRef: '7f1c2a54-0a0b-4c3d-9e8f-001122334455' })}`));
    expect(useKioskStore.getState().receipt).toBeNull();
    expect(screen.queryByText(/欧\*明/)).toBeNull();
  });

  it('cancel on the confirmation declines the quote (the place is given back) and forgets the patient', async () => {
    const api = await toQuote();
    click('不支付，结束');
    // The patient hears that no money moved before the visit ends.
    expect(await screen.findByRole('heading', { name: '已取消，没有扣费' })).toBeTruthy();
    expect(api.calls.filter((c) => c.startsWith('declineQuote'))).toHaveLength(1);
    click('结束');
    await waitFor(() => expect(api.calls.some((c) => c.startsWith('endSession'))).toBe(true));
    expect(api.calls.filter((c) => c.startsWith('declineQuote'))).toHaveLength(1);
    expect(api.calls.some((c) => c.startsWith('confirmSettlement'))).toBe(false);
    expect(screen.getByRole('heading', { name: '刷脸就医' })).toBeTruthy();
  });

  it('"not me" forgets that identification and offers the other ways', async () => {
    const api = await identified();
    click('不是我');
    expect(await screen.findByRole('heading', { name: '请选择一种方式' })).toBeTruthy();
    expect(api.calls.some((c) => c.startsWith('endSession'))).toBe(true);
    expect(useKioskStore.getState().person).toBeNull();
  });

  it('a platform error during settlement shows its words, its reference and the next steps', async () => {
    const api = fakeApi({
      confirmSettlement: async () => ({
        ok: false,
        error: { code: 'PLATFORM_REJECTED', message: '医保平台未受理此次业务，请联系工作人员', next: 'call-staff', reference: 'H420000001' },
      }),
    });
    await toQuote(api);
    click('确认支付');
    expect(await screen.findByText('医保平台未受理此次业务，请联系工作人员')).toBeTruthy();
    expect(screen.getByText('参考号 H420000001')).toBeTruthy();
    expect(screen.getByRole('button', { name: '呼叫工作人员' })).toBeTruthy();
    expect(screen.getByText('这次支付没有成功，没有扣费。')).toBeTruthy();
    click('结束');
    await waitFor(() => expect(api.calls.some((c) => c.startsWith('endSession'))).toBe(true));
  });

  it('an unknown outcome ends in a "result pending" receipt with its reference', async () => {
    await toQuote(fakeApi({ confirmSettlement: async () => ok({ status: 'pending' as const, receipt: PENDING }) }));
    click('确认支付');
    expect(await screen.findByRole('heading', { name: '结算结果确认中' })).toBeTruthy();
    expect(screen.getByTestId('receipt-reference').textContent).toBe(PENDING.reference);
    expect(screen.getByText('支付结果还在确认中。系统会自动核实，不会重复扣费。')).toBeTruthy();
    // Nothing printed yet: the screen does not tell the patient to keep a slip they do not have
    // (the paper slip, laid out off screen for printing, does say so: it is the slip).
    expect(screen.getByTestId('receipt-lead').textContent).not.toMatch(/请保留凭条|请收好凭条/);
    expect(screen.getByTestId('next-step').textContent).toMatch(/^凭条还没有打印/);
  });

  it('an answer arriving after the patient left is dropped, not shown to the next one', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const api = fakeApi({ listRegistrationSlots: () => new Promise((resolve) => (answer = resolve as never)) });
    await identified(api);
    click('是我本人');
    await act(async () => {
      useKioskStore.getState().resetSession();
      answer(ok([]));
      await Promise.resolve();
    });
    expect(useKioskStore.getState().screen).toBe('home');
    expect(useKioskStore.getState().slots).toEqual([]);
  });

  it('the face service asking again counts a failed attempt in the pipeline', async () => {
    const face = scriptedFace();
    renderApp(fakeApi({ identifyByFace: async () => ok({ status: 'retry' as const, reason: 'no-face' as const }) }), { face });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    await waitFor(() => expect(face.retries).toEqual(['no-face']));
    expect(screen.getByRole('heading', { name: '请看向屏幕' })).toBeTruthy();
  });

  it('after the last attempt the pipeline opens the other ways, says why, and stops the camera', async () => {
    const voice = recorder();
    const face = scriptedFace([
      { type: 'camera', status: 'live' },
      { type: 'alternatives', key: 'face.attempt.alternatives' },
    ]);
    renderApp(fakeApi(), { face, voice });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    expect(await screen.findByRole('heading', { name: '请选择一种方式' })).toBeTruthy();
    expect(screen.getByText(/刷脸没有成功/)).toBeTruthy();
    expect(voice.said).toContain('刷脸没有成功。请用医保电子凭证二维码、社保卡，或请工作人员录入身份证号，也可以呼叫工作人员');
    expect(face.disposed).toBe(1);
  });

  it('a settlement refused for a reason the patient can fix offers to try again', async () => {
    let first = true;
    const api = fakeApi({
      prepareRegistration: async () => {
        if (!first) return ok(QUOTE);
        first = false;
        return fail('PLATFORM_UNREACHABLE', '暂时连不上医保平台，请稍后再试');
      },
    });
    await identified(api);
    click('是我本人');
    fireEvent.click(await screen.findByRole('button', { name: '内科' }));
    click(/李医生/);
    expect(await screen.findByText('暂时连不上医保平台，请稍后再试')).toBeTruthy();
    click('再试一次');
    click(/李医生/);
    expect(await screen.findByRole('heading', { name: '请核对费用' })).toBeTruthy();
  });
});
