import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fail, ok } from '../../shared/result';
import type { PasswordFreeView, QuoteView, SecondFactorResult } from '../../shared/types/settlement';
import { QUOTE, RECEIPT, fakeApi, renderApp } from './support';

/**
 * The password-free cap on the screens (issue 15): a quote above it goes to the second factor
 * before paying (the last four ID digits on the keypad, or a staff PIN), a miss offers the other
 * way, three misses leave only the staff PIN; a quote within it pays by face alone. Main decides
 * (passSecondFactor, confirmSettlement's SECOND_FACTOR_REQUIRED): faked here, real in
 * test/main/settlement/familyCap.test.ts and test/e2e/family.test.ts.
 */
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

const cap = (over: boolean): PasswordFreeView => ({ perTransactionFen: 500, perDayFen: 2000, usedTodayFen: 0, secondFactorRequired: over, secondFactor: null });

function capApi(quote: QuoteView, answers: Array<ReturnType<typeof ok<SecondFactorResult>> | ReturnType<typeof fail>>) {
  const sent: unknown[] = [];
  const api = fakeApi({
    prepareRegistration: async () => ok(quote),
    passSecondFactor: async (request) => {
      sent.push(request);
      return answers.shift() ?? fail('INTERNAL', 'no more answers');
    },
  });
  return { api, sent };
}

async function toQuote() {
  fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
  click('同意，开始刷脸');
  fireEvent.click(await screen.findByRole('button', { name: '是我本人' }));
  fireEvent.click(await screen.findByRole('button', { name: /内科/ }));
  fireEvent.click((await screen.findAllByRole('button', { name: /李医生/ }))[0]!);
  await screen.findByRole('heading', { name: '请核对费用' });
}

describe('the password-free cap', () => {
  it('within the cap: 确认支付 pays by face alone, and the confirmation shows the cap and today’s use', async () => {
    const { api, sent } = capApi({ ...QUOTE, passwordFree: cap(false) }, []);
    renderApp(api);
    await toQuote();
    expect(screen.getByTestId('quote-cap').textContent).toBe('免密支付：每笔 ¥5.00，今天已用 ¥0.00 / ¥20.00');
    click('确认支付');
    await screen.findByRole('article', { name: '挂号凭条' });
    expect(sent).toEqual([]);
    expect(api.calls.filter((c) => c.startsWith('confirmSettlement'))).toHaveLength(1);
  });

  it('above the cap: a wrong set of digits says the tries left, the staff PIN passes, then it pays', async () => {
    const { api, sent } = capApi({ ...QUOTE, passwordFree: cap(true) }, [
      ok({ passed: false, attemptsLeft: 2 }),
      fail('NOT_AUTHORISED', 'PIN not accepted', { next: 'call-staff' }),
      ok({ passed: true, via: 'staff-pin' as const }),
    ]);
    renderApp(api);
    await toQuote();
    expect(screen.getByTestId('quote-cap').getAttribute('data-cap-over')).toBe('true');
    click('确认支付');
    await screen.findByRole('heading', { name: '超过免密支付限额，请再验证一次' });
    expect(screen.getByTestId('cap-text').textContent).toBe('请输入您的身份证号码最后四位，或请工作人员输入工号和密码确认');
    expect(api.calls.some((c) => c.startsWith('confirmSettlement'))).toBe(false);

    type('身份证号后四位', '1234');
    click('确定');
    expect((await screen.findByRole('alert')).textContent).toBe('号码不对，还可以再试 2 次');
    expect(sent).toEqual([{ quoteId: QUOTE.quoteId, last4: '1234' }]);

    click('请工作人员确认');
    type('工作人员工号', 'OP001');
    type('工作人员密码', '000000');
    click('确定');
    await screen.findByText('工号或密码不对，还没有支付。请重新输入，或改用身份证号后四位');
    type('工作人员密码', '246810');
    click('确定');
    await screen.findByRole('article', { name: '挂号凭条' });
    expect(sent.slice(1)).toEqual([
      { quoteId: QUOTE.quoteId, operatorId: 'OP001', pin: '000000' },
      { quoteId: QUOTE.quoteId, operatorId: 'OP001', pin: '246810' },
    ]);
    expect(api.calls.filter((c) => c.startsWith('confirmSettlement'))).toHaveLength(1);
  });

  it('the digits pass: it pays at once; a relative acting is asked for their own digits', async () => {
    const quote: QuoteView = { ...QUOTE, passwordFree: cap(true), payer: { maskedName: '欧*明', relation: '子女' }, mutualAidFen: 300 };
    const { api, sent } = capApi(quote, [ok({ passed: true, via: 'id-digits' as const })]);
    renderApp(api);
    await toQuote();
    click('确认支付');
    expect((await screen.findByTestId('cap-text')).textContent).toBe('请办理人 欧*明 输入本人身份证号码最后四位，或请工作人员输入工号和密码确认');
    type('身份证号后四位', '0017');
    click('确定');
    await screen.findByRole('article', { name: '挂号凭条' });
    expect(sent).toEqual([{ quoteId: QUOTE.quoteId, last4: '0017' }]);
  });

  it('above the cap with the digits given at identification (main says so): pays at once, no keypad, the slip names the digits', async () => {
    const given: PasswordFreeView = { ...cap(true), secondFactor: 'id-digits' };
    const receipt = { ...RECEIPT, passwordFree: { perTransactionFen: 500, perDayFen: 2000, usedTodayFen: 0, secondFactor: 'id-digits' as const } };
    const settled: string[] = [];
    const api = fakeApi({
      prepareRegistration: async () => ok({ ...QUOTE, passwordFree: given }),
      confirmSettlement: async (request) => {
        settled.push(request.quoteId);
        return ok({ status: 'settled' as const, receipt });
      },
    });
    renderApp(api);
    await toQuote();
    expect(screen.getByTestId('quote-cap').getAttribute('data-cap-over')).toBe('false');
    click('确认支付');
    await screen.findByRole('article', { name: '挂号凭条' });
    expect(screen.queryByRole('heading', { name: '超过免密支付限额，请再验证一次' })).toBeNull();
    expect(api.calls.some((c) => c.startsWith('passSecondFactor'))).toBe(false);
    expect(settled).toEqual([QUOTE.quoteId]);
    expect(screen.getByTestId('receipt-cap-factor').textContent).toBe('身份证号后四位');
  });

  it('three misses: the digits are no longer offered, only the staff PIN (or not paying)', async () => {
    const { api } = capApi({ ...QUOTE, passwordFree: cap(true) }, [ok({ passed: false, attemptsLeft: 0 })]);
    renderApp(api);
    await toQuote();
    click('确认支付');
    await screen.findByLabelText('身份证号后四位');
    type('身份证号后四位', '9999');
    click('确定');
    await screen.findByText(/号码已输错 3 次/);
    expect(screen.queryByLabelText('身份证号后四位')).toBeNull();
    expect(screen.queryByRole('button', { name: '输入身份证号后四位' })).toBeNull();
    expect(screen.getByLabelText('工作人员密码')).toBeTruthy();
    // 上一步 goes back to the amounts, the quote still open.
    click('上一步');
    await waitFor(() => expect(screen.getByRole('heading', { name: '请核对费用' })).toBeTruthy());
    expect(api.calls.some((c) => c.startsWith('declineQuote'))).toBe(false);
  });
});
