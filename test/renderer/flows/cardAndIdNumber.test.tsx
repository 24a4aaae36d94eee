import { act, fireEvent, screen } from '@testing-library/react';
import { fail, ok } from '../../../shared/result';
import { useKioskStore } from '../../../renderer/store';
import { checkCharacterOf, residentIdProblem } from '../../../renderer/screens/identify/residentId';
import { PERSON, appInfo, fakeApi, recorder, renderApp } from '../support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const metrics = (calls: string[]) => calls.filter((c) => c.startsWith('recordMetric:')).map((c) => JSON.parse(c.slice('recordMetric:'.length)) as { type: string; via?: string });

/** A valid number (its check character is 7) and the same with one digit slipped. */
const VALID = '421202195803150017';
const SLIPPED = '421202195803510017';

async function toIdNumber(api = fakeApi(), voice = recorder()) {
  renderApp(api, { voice });
  fireEvent.click(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
  click('身份证号（工作人员录入）');
  return api;
}

describe('the ID number staff type (GB 11643 check character)', () => {
  it('knows the check character of real numbers, X included', () => {
    expect(checkCharacterOf(VALID.slice(0, 17))).toBe('7');
    expect(residentIdProblem('42120219580315005X')).toBeNull();
    expect(residentIdProblem(SLIPPED)).toBe('check-digit');
    expect(residentIdProblem('4212021958')).toBe('incomplete');
  });

  it('says a mistyped number is wrong before sending it, and keeps it to be corrected', async () => {
    const voice = recorder();
    const api = await toIdNumber(fakeApi(), voice);
    type('身份证号码', SLIPPED);
    expect(screen.getByRole('alert').textContent).toBe('身份证号码有误，请核对后重新输入');
    expect(voice.said).toContain('身份证号码有误，请核对后重新输入');
    type('工作人员工号', 'OP001');
    type('工作人员密码', '246810');
    click('确定');
    expect(api.calls.some((c) => c.startsWith('identifyByIdNumber'))).toBe(false);
    expect(valueOf('身份证号码')).toBe(SLIPPED);
    expect(screen.getByRole('alert').textContent).toBe('身份证号码有误，请核对后重新输入');
    // Corrected in place: sent, and the patient is asked to confirm who they are.
    type('身份证号码', VALID);
    expect(screen.queryByRole('alert')).toBeNull();
    click('确定');
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls).toContain(`identifyByIdNumber:${JSON.stringify({ certno: VALID, operatorId: 'OP001', pin: '246810' })}`);
  });

  it('an incomplete number is asked to be finished, not sent', async () => {
    const api = await toIdNumber();
    type('身份证号码', '42120219');
    type('工作人员工号', 'OP001');
    type('工作人员密码', '246810');
    click('确定');
    expect(screen.getByRole('alert').textContent).toBe('身份证号码是18位，请输完整');
    expect(api.calls.some((c) => c.startsWith('identifyByIdNumber'))).toBe(false);
  });

  it('a well-formed number the platform does not know: says what was checked, keeps it, offers retry, another way and staff', async () => {
    let tries = 0;
    const api = fakeApi({
      identifyByIdNumber: async (request) => {
        api.calls.push(`identifyByIdNumber:${request.certno}:${request.pin}`);
        tries++;
        return tries === 1 ? fail('PERSON_NOT_FOUND', '没有找到您的医保信息，请换一种方式识别', { next: 'other-id' }) : ok(PERSON);
      },
    });
    await toIdNumber(api);
    type('身份证号码', '42120219580315005X');
    type('工作人员工号', 'OP001');
    type('工作人员密码', '246810');
    click('确定');
    const said = await screen.findByRole('alert');
    expect(said.textContent).toBe('医保中心没有查到这个身份证号码的参保信息。请核对号码，按“改正号码”重新输入；也可以用其他方式，或呼叫工作人员');
    expect(screen.getByRole('heading', { name: '请工作人员录入身份证号' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '用其他方式' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '呼叫工作人员' })).toBeTruthy();
    click('改正号码');
    expect(valueOf('身份证号码')).toBe('42120219580315005X');
    // The PIN vouched for that lookup only.
    expect(valueOf('工作人员密码')).toBe('');
    type('身份证号码', VALID);
    type('工作人员密码', '246810');
    click('确定');
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls).toEqual(expect.arrayContaining([`identifyByIdNumber:42120219580315005X:246810`, `identifyByIdNumber:${VALID}:246810`]));
  });
});

describe('the social-security card', () => {
  const withReader = (overrides: Parameters<typeof fakeApi>[0] = {}) => fakeApi({ getAppInfo: async () => ok({ ...appInfo(), cardReader: true }), ...overrides });

  it('with a reader: the patient inserts it and touches 读卡; nobody types a number, least of all a 卡识别码', async () => {
    let reads = 0;
    const api = withReader({
      identifyByCardReader: async () => {
        api.calls.push('identifyByCardReader');
        reads++;
        return ok(reads === 1 ? { status: 'no-card' as const } : { status: 'identified' as const, person: PERSON });
      },
    });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    click('社保卡');
    expect(screen.getByRole('heading', { name: '请把社保卡插入读卡器' })).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.body.textContent).not.toContain('卡识别码');
    click('读卡');
    expect((await screen.findByRole('alert')).textContent).toBe('没有读到社保卡。请把卡插好（芯片朝里），再按“读卡”');
    click('读卡');
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls.filter((c) => c === 'identifyByCardReader')).toHaveLength(2);
    expect(metrics(api.calls)).toContainEqual({ type: 'fallback', via: 'card' });
  });

  it('a card the reader cannot read: staff type the 社会保障号码 printed on it', async () => {
    const api = withReader({ identifyByCardReader: async () => ok({ status: 'unreadable' as const }) });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    click('社保卡');
    click('读卡');
    expect((await screen.findByRole('alert')).textContent).toBe('这张卡读不出来。可以请工作人员输入卡面上的社会保障号码，或换一种方式');
    click('读不出来？请工作人员输入卡上号码');
    expect(screen.getByRole('heading', { name: '请把社保卡交给工作人员' })).toBeTruthy();
    type('卡面上的社会保障号码', VALID);
    type('工作人员工号', 'OP001');
    type('工作人员密码', '246810');
    click('确定');
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls).toContain(`identifyByIdNumber:${JSON.stringify({ certno: VALID, operatorId: 'OP001', pin: '246810' })}`);
  });

  it('without a reader: says so, and staff type the printed number, checked like an ID number', async () => {
    const api = fakeApi();
    const voice = recorder();
    renderApp(api, { voice });
    fireEvent.click(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    click('社保卡');
    expect(screen.getByRole('heading', { name: '请把社保卡交给工作人员' })).toBeTruthy();
    expect(voice.said).toContain('本机没有读卡器，工作人员输入卡面上的社会保障号码，就是身份证号码。请把社保卡交给工作人员');
    expect(screen.queryByLabelText('卡识别码')).toBeNull();
    expect(screen.queryByLabelText('社保卡号')).toBeNull();
    type('卡面上的社会保障号码', SLIPPED);
    expect(screen.getByRole('alert').textContent).toBe('社会保障号码有误，请核对后重新输入');
    type('卡面上的社会保障号码', VALID);
    type('工作人员工号', 'OP001');
    type('工作人员密码', '246810');
    click('确定');
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls.some((c) => c.startsWith('identifyByCard'))).toBe(false);
    expect(metrics(api.calls)).toContainEqual({ type: 'fallback', via: 'card' });
  });
});

it('after the face fails, the other-ways words name what each button does', async () => {
  renderApp(fakeApi());
  await screen.findByRole('button', { name: '不刷脸，用其他方式' });
  act(() => {
    useKioskStore.getState().setFaceGuidance('face.attempt.alternatives');
    useKioskStore.getState().goTo('other-ways');
  });
  const words = screen.getByText(/刷脸没有成功/).textContent ?? '';
  for (const [button, named] of [
    ['医保电子凭证二维码', '医保电子凭证二维码'],
    ['社保卡', '社保卡'],
    ['身份证号（工作人员录入）', '工作人员录入身份证号'],
  ] as const) {
    expect(screen.getByRole('button', { name: button })).toBeTruthy();
    expect(words).toContain(named);
  }
  // Not "use your ID card": no ID-card reader is offered, staff type the number.
  expect(words).not.toMatch(/使用身份证|用身份证、/);
});
