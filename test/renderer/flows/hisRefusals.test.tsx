import { act, fireEvent, screen } from '@testing-library/react';
import { fail } from '../../../shared/result';
import { fakeApi, renderApp } from '../support';

/**
 * Issue 13: the hospital system's reason reaches the patient in its own words, with the step that
 * helps: another doctor or session for a booking it refused, the stay number typed again (what
 * was typed kept) for a number it does not know.
 */
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function start(api: ReturnType<typeof fakeApi>, operatorId?: string) {
  renderApp(api, operatorId ? { operatorId } : {});
  fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
  click('同意，开始刷脸');
  const yes = await screen.findByRole('button', { name: '是我本人' });
  await act(async () => fireEvent.click(yes));
}

describe('a booking the hospital system refused, with its reason', () => {
  it.each([
    ['ALREADY_BOOKED', '您已经挂过这个号，不用再挂，没有扣费'],
    ['SLOT_FULL', '这个号已经挂满了，没有扣费，请选择其他医生或时段'],
    ['SLOT_CLOSED', '这个号已经停止挂号，没有扣费，请选择其他医生或时段'],
  ] as const)('%s: says so, offers 重新选择 and no 再试一次 of the same slot', async (code, words) => {
    let asked = 0;
    const api = fakeApi({ prepareRegistration: async () => (asked++, fail(code, words, { next: 'retry' })) });
    await start(api);
    fireEvent.click(await screen.findByRole('button', { name: '内科' }));
    click(/李医生/);
    expect(await screen.findByText(words)).toBeTruthy();
    expect(screen.getByText(/请按“重新选择”换一位医生或时段/)).toBeTruthy();
    expect(screen.queryByText(/可能|暂时无法访问/)).toBeNull();
    expect(screen.queryByRole('button', { name: '再试一次' })).toBeNull();
    click('重新选择');
    expect(screen.getByRole('heading', { name: '请选择医生' })).toBeTruthy();
    expect(asked).toBe(1);
  });

  it('a refusal without a reason names none, and points to the staffed counter', async () => {
    const words = '医院系统没有接受，没有扣费，请到人工窗口办理';
    const api = fakeApi({ prepareRegistration: async () => fail('HIS_REFUSED', words, { next: 'call-staff' }) });
    await start(api);
    fireEvent.click(await screen.findByRole('button', { name: '内科' }));
    click(/李医生/);
    expect(await screen.findByText('医院系统没有接受这个号，没有扣费。')).toBeTruthy();
    expect(screen.getByText(/如需帮助，请呼叫工作人员/)).toBeTruthy();
    expect(screen.queryByText(/已满|已挂过|可能/)).toBeNull();
  });
});

describe('a stay number the hospital system does not know', () => {
  it('says so, and 重新输入住院号 goes back to the number as it was typed', async () => {
    const words = '在您的名下没有找到这个住院号，请核对住院号后重新输入';
    // The list could not be had, so the typed number goes to the engine, which asks the hospital system.
    const api = fakeApi(
      {
        listInpatientStays: async () => fail('HIS_UNAVAILABLE', '医院系统暂时无法访问，请联系工作人员', { next: 'call-staff' }),
        prepareDischarge: async () => fail('STAY_NOT_FOUND', words, { next: 'retry' }),
      },
      'inpatient',
    );
    await start(api, 'OP001');
    await screen.findByRole('heading', { name: '请选择或录入住院号' });
    type('住院号', 'ZY00O12');
    await act(async () => click('办理出院结算'));
    expect(await screen.findByText(words)).toBeTruthy();
    expect(screen.queryByText(/暂时无法访问/)).toBeNull();
    expect(screen.queryByRole('button', { name: '用其他方式' })).toBeNull();
    await act(async () => click('重新输入住院号'));
    expect(screen.getByRole('heading', { name: '请选择或录入住院号' })).toBeTruthy();
    expect((screen.getByLabelText('住院号') as HTMLInputElement).value).toBe('ZY00O12');
  });
});
