import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fail, ok } from '../../shared/result';
import type { IdentifiedPerson, PasswordFreeView, QuoteView } from '../../shared/types/settlement';
import { PERSON, QUOTE, RECEIPT, fakeApi, renderApp } from './support';

/**
 * 由家人刷脸付款 (issue 15) on the screens: a patient identified by a staff-typed ID number (a child
 * with no face template) is paid for by a relative's own face; main's attachPayer decides (faked
 * here; real in test/main/settlement/familyAttach.test.ts and test/e2e/familyRecovery.test.ts).
 * And a stray SECOND_FACTOR_REQUIRED at confirmation leads to the keypad, not the problem screen.
 */
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

const CHILD: IdentifiedPerson = { personRef: '9b2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', maskedName: '欧**乐', maskedCertno: '4212**********0049', gender: '2', age: 14, insutype: '390', balanceFen: 0 };
const CHILD_PAID: IdentifiedPerson = { ...CHILD, payer: { maskedName: '欧*明', relation: '子女', mutualAidAvailable: true } };
const CHILD_ID = '421202201206010049';

/** Staff type the child's number: "is this you?" shows the child. */
async function childByIdNumber() {
  fireEvent.click(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
  click('身份证号（工作人员录入）');
  type('身份证号码', CHILD_ID);
  type('工作人员工号', 'OP001');
  type('工作人员密码', '246810');
  click('确定');
  await screen.findByRole('heading', { name: '请确认是您本人' });
}

describe('由家人刷脸付款', () => {
  it('the father’s face pays for the child typed in by ID number: main attaches him, and the usual family check follows', async () => {
    const attached: unknown[] = [];
    const api = fakeApi({ identifyByIdNumber: async () => ok(CHILD), attachPayer: async (request) => (attached.push(request), ok(CHILD_PAID)) });
    renderApp(api);
    await childByIdNumber();
    // 为家人办理 asks the channel for the identified person's family: not for a typed number.
    expect(screen.queryByRole('button', { name: '为家人办理' })).toBeNull();
    click('由家人刷脸付款');
    await screen.findByRole('heading', { name: '刷脸前，请您确认' });
    expect(screen.getByTestId('relative-banner').textContent).toContain('为 欧**乐 付款的家人请刷脸');
    click('同意，开始刷脸');
    await screen.findByRole('heading', { name: '请确认为这位家人办理' });
    expect(attached).toEqual([{ personRef: CHILD.personRef, payerRef: PERSON.personRef }]);
    expect(screen.getByTestId('family-banner').textContent).toBe('为 欧**乐（子女）办理');
    expect(screen.getByTestId('family-patient').textContent).toContain('子女');
    // The father's session was not ended: he pays, and it ends with the visit.
    expect(api.calls.filter((c) => c.startsWith('endSession'))).toEqual([]);
  });

  it('an unbound relative: back on the patient with main’s reason and what to do instead; the relative’s session ends', async () => {
    const why = '这位家人没有与患者绑定亲情账户，不能为患者付款。可以由患者本人付款（本人医保或现金），或请工作人员帮助';
    const api = fakeApi({ identifyByIdNumber: async () => ok(CHILD), attachPayer: async () => fail('FAMILY_NOT_BOUND', why, { next: 'retry' }) });
    renderApp(api);
    await childByIdNumber();
    click('由家人刷脸付款');
    await screen.findByRole('heading', { name: '刷脸前，请您确认' });
    click('同意，开始刷脸');
    expect((await screen.findByTestId('relative-refusal')).textContent).toBe(`没能由这位家人付款：${why}`);
    expect(screen.getByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(screen.getByText('欧**乐')).toBeTruthy();
    expect(screen.queryByTestId('relative-banner')).toBeNull();
    await waitFor(() => expect(api.calls).toContain(`endSession:${JSON.stringify({ personRef: PERSON.personRef })}`));
    // The patient pays themselves, or another relative tries.
    expect(screen.getByRole('button', { name: '是我本人' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '由家人刷脸付款' })).toBeTruthy();
  });

  it('the relative gives up: 不用家人付款 brings the patient back, nothing asked of main', async () => {
    const api = fakeApi({ identifyByIdNumber: async () => ok(CHILD) });
    renderApp(api);
    await childByIdNumber();
    click('由家人刷脸付款');
    await screen.findByRole('heading', { name: '刷脸前，请您确认' });
    click('不用家人付款');
    await screen.findByRole('heading', { name: '请确认是您本人' });
    expect(screen.queryByTestId('relative-banner')).toBeNull();
    expect(api.calls.some((c) => c.startsWith('attachPayer'))).toBe(false);
  });

  it('back home from the relative’s consent: nobody waits any more, the next face is a patient’s own', async () => {
    const api = fakeApi({ identifyByIdNumber: async () => ok(CHILD) });
    renderApp(api);
    await childByIdNumber();
    click('由家人刷脸付款');
    await screen.findByRole('heading', { name: '刷脸前，请您确认' });
    click('上一步');
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    expect(screen.queryByTestId('relative-banner')).toBeNull();
    click('同意，开始刷脸');
    await screen.findByRole('heading', { name: '请确认是您本人' });
    expect(screen.getByText(PERSON.maskedName)).toBeTruthy();
    expect(api.calls.some((c) => c.startsWith('attachPayer'))).toBe(false);
  });

  it('a patient identified by face is offered 为家人办理, not 由家人刷脸付款', async () => {
    renderApp(fakeApi());
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    await screen.findByRole('heading', { name: '请确认是您本人' });
    expect(screen.getByRole('button', { name: '为家人办理' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '由家人刷脸付款' })).toBeNull();
  });
});

describe('a stray SECOND_FACTOR_REQUIRED', () => {
  const within: PasswordFreeView = { perTransactionFen: 5000, perDayFen: 2000, usedTodayFen: 1500, secondFactorRequired: false, secondFactor: null };

  it('the quote said within the cap, main says above it (the day’s use grew): the keypad, then it pays', async () => {
    let confirmations = 0;
    const api = fakeApi({
      prepareRegistration: async () => ok<QuoteView>({ ...QUOTE, passwordFree: within }),
      confirmSettlement: async () => {
        confirmations += 1;
        return confirmations === 1 ? fail('SECOND_FACTOR_REQUIRED', '本笔金额超过免密支付限额', { next: 'retry' }) : ok({ status: 'settled' as const, receipt: RECEIPT });
      },
      passSecondFactor: async () => ok({ passed: true as const, via: 'id-digits' as const }),
    });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    fireEvent.click(await screen.findByRole('button', { name: '是我本人' }));
    fireEvent.click(await screen.findByRole('button', { name: /内科/ }));
    fireEvent.click((await screen.findAllByRole('button', { name: /李医生/ }))[0]!);
    await screen.findByRole('heading', { name: '请核对费用' });
    expect(screen.getByTestId('quote-cap').getAttribute('data-cap-over')).toBe('false');
    click('确认支付');
    await screen.findByRole('heading', { name: '超过免密支付限额，请再验证一次' });
    expect(screen.getByTestId('cap-stray').textContent).toBe('今天的免密支付额度在核对费用后有了变化，这一笔需要再验证一次，还没有扣费');
    // Back on the amounts, the confirmation now says it is above the cap.
    click('上一步');
    await screen.findByRole('heading', { name: '请核对费用' });
    expect(screen.getByTestId('quote-cap').getAttribute('data-cap-over')).toBe('true');
    click('确认支付');
    await screen.findByRole('heading', { name: '超过免密支付限额，请再验证一次' });
    expect(confirmations).toBe(1);
    type('身份证号后四位', '0017');
    click('确定');
    await screen.findByRole('article', { name: '挂号凭条' });
    expect(confirmations).toBe(2);
  });
});
