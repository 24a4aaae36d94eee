import { fireEvent, screen, within } from '@testing-library/react';
import { ok } from '../../shared/result';
import { key, tap } from './browserInput';
import { PERSON, fakeApi, recorder, renderApp } from './support';

/** A valid resident ID number whose check digit is X (GB 11643). */
const ID_WITH_X = '42120219580315005X';

const keypad = (field: string) => screen.getByRole('group', { name: `数字键盘：${field}` });
const keyOf = (field: string, name: string) => within(keypad(field)).getByRole('button', { name });
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

/**
 * Touches keys one by one, as a finger would. A key never takes the focus: it stays where it was
 * (确认 may hand it on to the next field, for a physical keyboard to go on there).
 */
function tapKeys(field: string, keys: string[]): void {
  for (const name of keys) {
    const before = document.activeElement;
    tap(keyOf(field, name));
    expect(document.activeElement?.closest('[role="group"]')).toBeNull();
    if (name !== '确认') expect(document.activeElement).toBe(before);
  }
}

async function toSecondFactor(voice = recorder()) {
  const api = fakeApi({
    identifyByFace: async () => ok({ status: 'second-factor' as const, authNo: 'AUTH1', attemptsLeft: 3 }),
    confirmSecondFactor: async ({ authNo, last4 }) => {
      api.calls.push(`confirmSecondFactor:${authNo}:${last4}`);
      return ok({ status: 'identified' as const, person: PERSON });
    },
  });
  renderApp(api, { voice });
  tap(await screen.findByRole('button', { name: '开始刷脸' }));
  tap(screen.getByRole('button', { name: '同意，开始刷脸' }));
  await screen.findByRole('heading', { name: '请输入身份证号码最后四位' });
  return api;
}

describe('the on-screen keypad', () => {
  it('a patient with only the touchscreen completes the second factor, each digit spoken', async () => {
    const voice = recorder();
    const api = await toSecondFactor(voice);
    const field = input('身份证号后四位');
    expect(field.inputMode).toBe('none');
    const saidBefore = voice.said.length;
    tapKeys('身份证号后四位', ['0', '0', '1', '7']);
    expect(field.value).toBe('0017');
    expect(voice.said.slice(saidBefore)).toEqual(['0', '0', '1', '7']);
    tap(keyOf('身份证号后四位', '确认'));
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls).toContain('confirmSecondFactor:AUTH1:0017');
  });

  it('offers X only as the last character of an ID number', async () => {
    const voice = recorder();
    await toSecondFactor(voice);
    const x = () => keyOf('身份证号后四位', 'X') as HTMLButtonElement;
    for (const digit of ['0', '0', '1']) {
      expect(x().disabled).toBe(true);
      tapKeys('身份证号后四位', [digit]);
    }
    expect(x().disabled).toBe(false);
    tapKeys('身份证号后四位', ['X']);
    expect(input('身份证号后四位').value).toBe('001X');
    expect(x().disabled).toBe(true);
    // Full: a fifth key adds nothing, and says so.
    tapKeys('身份证号后四位', ['5']);
    expect(input('身份证号后四位').value).toBe('001X');
    expect(voice.said.at(-1)).toBe('已经输满了');
  });

  it('backspace takes off the last character, clear empties the field, confirm submits', async () => {
    const voice = recorder();
    const api = await toSecondFactor(voice);
    tapKeys('身份证号后四位', ['1', '2', '3', '退格']);
    expect(input('身份证号后四位').value).toBe('12');
    expect(voice.said.at(-1)).toBe('删除一位');
    tapKeys('身份证号后四位', ['清空']);
    expect(input('身份证号后四位').value).toBe('');
    expect(voice.said.at(-1)).toBe('已清空');
    // Confirm with too few digits sends nothing: the form's own button is not ready either.
    tapKeys('身份证号后四位', ['9', '确认']);
    expect(api.calls.some((c) => c.startsWith('confirmSecondFactor'))).toBe(false);
    tapKeys('身份证号后四位', ['0', '1', '7', '确认']);
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls).toContain('confirmSecondFactor:AUTH1:9017');
  });

  it('a PIN is spoken only as how many digits are in, and its keypad has no X', async () => {
    const voice = recorder();
    const api = fakeApi();
    renderApp(api, { voice });
    tap(await screen.findByRole('button', { name: '工作人员' }));
    const pin = input('管理密码');
    expect(pin.type).toBe('password');
    expect(within(keypad('管理密码')).queryByRole('button', { name: 'X' })).toBeNull();
    expect(within(keypad('管理密码')).queryByRole('button', { name: '字母' })).toBeNull();
    const saidBefore = voice.said.length;
    tapKeys('管理密码', ['1', '3', '5', '7', '9', '0']);
    const said = voice.said.slice(saidBefore);
    expect(said).toEqual(['已输入1位', '已输入2位', '已输入3位', '已输入4位', '已输入5位', '已输入6位']);
    tapKeys('管理密码', ['退格']);
    expect(voice.said.at(-1)).toBe('已输入5位');
    tapKeys('管理密码', ['0', '确认']);
    expect(await screen.findByRole('heading', { name: '终端管理' })).toBeTruthy();
    expect(api.calls).toContain(`adminUnlock:${JSON.stringify({ pin: '135790' })}`);
  });

  it('staff enter an ID number ending in X, their operator number and PIN with the keypad; 确认 moves on, then submits', async () => {
    const api = fakeApi();
    renderApp(api);
    tap(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    tap(screen.getByRole('button', { name: '身份证号（工作人员录入）' }));
    tapKeys('身份证号码', [...ID_WITH_X.slice(0, 17)]);
    tapKeys('身份证号码', ['X', '确认']);
    expect(input('身份证号码').value).toBe(ID_WITH_X);
    // One keypad at a time, under the field being typed.
    expect(screen.queryByRole('group', { name: '数字键盘：身份证号码' })).toBeNull();
    tapKeys('工作人员工号', ['字母', 'O', 'P', '数字', '0', '0', '1', '确认']);
    expect(input('工作人员工号').value).toBe('OP001');
    tapKeys('工作人员密码', ['2', '4', '6', '8', '1', '0', '确认']);
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls).toContain(`identifyByIdNumber:${JSON.stringify({ certno: ID_WITH_X, operatorId: 'OP001', pin: '246810' })}`);
  });

  it('a touch on another field moves the keypad there; a staff number takes letters (the card typed by staff)', async () => {
    const api = fakeApi();
    renderApp(api);
    tap(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    tap(screen.getByRole('button', { name: '社保卡' }));
    // No reader: staff type the 社会保障号码 printed on the card; no card identification code is asked.
    expect(screen.queryByLabelText('卡识别码')).toBeNull();
    tap(input('工作人员工号'));
    expect(screen.queryByRole('group', { name: '数字键盘：卡面上的社会保障号码' })).toBeNull();
    tapKeys('工作人员工号', ['字母', 'O', 'P', '数字', '0', '0', '1']);
    tap(input('卡面上的社会保障号码'));
    tapKeys('卡面上的社会保障号码', [...ID_WITH_X.slice(0, 17), 'X', '确认']);
    tapKeys('工作人员密码', ['2', '4', '6', '8', '1', '0', '确认']);
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls).toContain(`identifyByIdNumber:${JSON.stringify({ certno: ID_WITH_X, operatorId: 'OP001', pin: '246810' })}`);
  });

  it('a physical keyboard still types into the field, kept to what the field takes', async () => {
    renderApp(fakeApi());
    tap(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    tap(screen.getByRole('button', { name: '身份证号（工作人员录入）' }));
    const certno = input('身份证号码');
    expect(document.activeElement).toBe(certno);
    let at = 1_000;
    for (const c of `${ID_WITH_X.slice(0, 17)}x`) {
      key(c, at);
      at += 150;
    }
    expect(certno.value).toBe(ID_WITH_X);
    fireEvent.change(input('工作人员密码'), { target: { value: '24a68-10' } });
    expect(input('工作人员密码').value).toBe('246810');
  });
});
