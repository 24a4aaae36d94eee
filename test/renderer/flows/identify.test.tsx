import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fail, ok } from '../../../shared/result';
import { PERSON, appInfo, fakeApi, renderApp, scriptedFace } from '../support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('identification: face with a second factor, and always another way', () => {
  it('asks for the last four digits when the match is not clear, says how many tries are left, then goes on', async () => {
    let tries = 0;
    const api = fakeApi({
      identifyByFace: async () => ok({ status: 'second-factor' as const, authNo: 'AUTH1', attemptsLeft: 3 }),
      confirmSecondFactor: async ({ authNo, last4 }) => {
        api.calls.push(`confirmSecondFactor:${authNo}:${last4}`);
        tries++;
        return tries === 1
          ? ok({ status: 'wrong-digits' as const, authNo: 'AUTH1', attemptsLeft: 2 })
          : ok({ status: 'identified' as const, person: PERSON });
      },
    });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    expect(await screen.findByRole('heading', { name: '请输入身份证号码最后四位' })).toBeTruthy();
    type('身份证号后四位', '1234');
    click('确定');
    expect(await screen.findByText('号码不对，还可以再试 2 次')).toBeTruthy();
    type('身份证号后四位', '0017');
    click('确定');
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls).toEqual(expect.arrayContaining(['confirmSecondFactor:AUTH1:1234', 'confirmSecondFactor:AUTH1:0017']));
  });

  it('declining consent never starts the camera, and staff complete it by ID number with their PIN', async () => {
    const face = scriptedFace();
    const api = fakeApi();
    renderApp(api, { face });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('不同意，用其他方式');
    expect(screen.getByRole('heading', { name: '请选择一种方式' })).toBeTruthy();
    click('身份证号（工作人员录入）');
    type('身份证号码', '421202195803150017');
    type('工作人员工号', 'OP001');
    type('工作人员密码', '246810');
    click('确定');
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls).toContain(`identifyByIdNumber:${JSON.stringify({ certno: '421202195803150017', operatorId: 'OP001', pin: '246810' })}`);
    expect(face.started).toBe(0);
  });

  it('reads the e-voucher QR code the scanner types, Enter included', async () => {
    const api = fakeApi();
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    click('医保电子凭证二维码');
    const input = screen.getByLabelText('扫码结果');
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: '421200qr0123456789abcdef0123456789abcd' } });
    fireEvent.submit(input);
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls).toContain(`identifyByQr:${JSON.stringify({ payload: '421200qr0123456789abcdef0123456789abcd' })}`);
  });

  it('an expired QR code says to refresh it and lets the patient scan again', async () => {
    renderApp(fakeApi({ identifyByQr: async () => ok({ status: 'qr-expired' as const }) }));
    fireEvent.click(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    click('医保电子凭证二维码');
    fireEvent.change(screen.getByLabelText('扫码结果'), { target: { value: 'abcdefgh' } });
    fireEvent.submit(screen.getByLabelText('扫码结果'));
    expect(await screen.findByText('这个二维码不能用了，请在手机上刷新医保码再扫')).toBeTruthy();
    click('再试一次');
    expect(screen.getByRole('heading', { name: '请出示医保码' })).toBeTruthy();
  });

  it('a social-security card the platform does not know sends the patient to another way', async () => {
    renderApp(
      fakeApi({
        getAppInfo: async () => ok({ ...appInfo(), cardReader: true }),
        identifyByCardReader: async () => ({ ok: false, error: { code: 'PERSON_NOT_FOUND', message: '没有找到您的医保信息，请换一种方式识别', next: 'other-id' } }),
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    click('社保卡');
    click('读卡');
    expect(await screen.findByText('没有找到您的医保信息，请换一种方式识别')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '再试一次' })).toBeNull();
    click('用其他方式');
    expect(screen.getByRole('heading', { name: '请选择一种方式' })).toBeTruthy();
  });

  it('a staff PIN that is not accepted is said plainly', async () => {
    renderApp(fakeApi({ identifyByIdNumber: async () => fail('NOT_AUTHORISED', '需要工作人员授权') }));
    fireEvent.click(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    click('身份证号（工作人员录入）');
    type('身份证号码', '421202195803150017');
    type('工作人员工号', 'OP001');
    type('工作人员密码', '0000');
    click('确定');
    await waitFor(() => expect(screen.getByText('需要工作人员授权')).toBeTruthy());
  });
});

describe('inclusion metrics: what happened, never to whom', () => {
  // Time on a screen (renderer/app/stepTimes.ts) is tested on its own: here, what the screens count.
  const metrics = (calls: string[]) =>
    calls.filter((c) => c.startsWith('recordMetric:')).map((c) => JSON.parse(c.slice('recordMetric:'.length))).filter((e) => !(e.type === 'step-time' && ['consent', 'confirm', 'receipt', 'visit'].includes(e.step)));

  it('counts a declined consent and the fallback used', async () => {
    const api = fakeApi();
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('不同意，用其他方式');
    click('社保卡');
    // No reader here: staff type the number printed on the card.
    type('卡面上的社会保障号码', '421202195803150017');
    type('工作人员工号', 'OP001');
    type('工作人员密码', '246810');
    click('确定');
    fireEvent.click(await screen.findByRole('button', { name: '是我本人' }));
    fireEvent.click(await screen.findByRole('button', { name: '内科' }));
    click(/李医生/);
    fireEvent.click(await screen.findByRole('button', { name: '确认支付' }));
    await screen.findByRole('heading', { name: '医保已支付' });
    expect(metrics(api.calls)).toEqual([
      { type: 'consent-declined' },
      { type: 'fallback', via: 'card' },
      // The settlement's outcome is counted by main, where it is known for sure.
    ]);
  });

  it('counts the face attempt, the identification outcome and the second factor', async () => {
    const api = fakeApi({ identifyByFace: async () => ok({ status: 'second-factor' as const, authNo: 'A1', attemptsLeft: 3 }) });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    await screen.findByRole('heading', { name: '请输入身份证号码最后四位' });
    type('身份证号后四位', '0017');
    click('确定');
    await screen.findByRole('heading', { name: '请确认是您本人' });
    expect(metrics(api.calls)).toEqual([
      { type: 'face-attempt' },
      { type: 'step-time', step: 'face-capture', ms: expect.any(Number) },
      { type: 'identification', outcome: 'second-factor' },
      { type: 'second-factor', outcome: 'passed' },
    ]);
  });
});
