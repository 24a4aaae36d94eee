import { act, fireEvent, screen } from '@testing-library/react';
import { fail, ok } from '../../../shared/result';
import { PERSON, QUOTE, fakeApi, renderApp } from '../support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function faceThroughToYes() {
  click('同意，开始刷脸');
  fireEvent.click(await screen.findByRole('button', { name: '是我本人' }));
}

async function toQuote(api: ReturnType<typeof fakeApi>) {
  renderApp(api);
  fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
  await faceThroughToYes();
  fireEvent.click(await screen.findByRole('button', { name: '内科' }));
  click(/李医生/);
  await screen.findByRole('heading', { name: '请核对费用' });
}

describe('the personal account on the confirmation', () => {
  it('all in cash: the platform quotes again, the new split is shown and the new quote is the one settled', async () => {
    const api = fakeApi();
    await toQuote(api);
    expect(screen.getByRole('button', { name: '使用个人账户支付' }).getAttribute('aria-pressed')).toBe('true');
    await act(async () => click('不使用，全部付现金'));
    expect(api.calls).toContain(`requoteSettlement:${JSON.stringify({ quoteId: QUOTE.quoteId, useAccount: false })}`);
    expect(screen.getByRole('button', { name: '不使用，全部付现金' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('quote-account').textContent).toBe('¥0.00');
    expect(screen.getByTestId('quote-cash').textContent).toBe('¥4.00');
    expect(screen.getByTestId('quote-balance').textContent).toBe(`¥${(PERSON.balanceFen / 100).toFixed(2)}`);
    click('确认支付');
    expect(await screen.findByRole('heading', { name: '医保已支付' })).toBeTruthy();
    expect(api.calls.filter((c) => c.startsWith('confirmSettlement'))).toEqual([
      `confirmSettlement:${JSON.stringify({ quoteId: '1e7c9b2f-4a5d-4e6f-9a0b-ccddeeff0011' })}`,
    ]);
  });

  it('a choice the platform could not quote leaves the shown split standing', async () => {
    const api = fakeApi({ requoteSettlement: async () => fail('PLATFORM_UNREACHABLE', '暂时连不上医保平台，请稍后再试', { next: 'retry' }) });
    await toQuote(api);
    await act(async () => click('不使用，全部付现金'));
    expect(await screen.findByText('暂时无法更改支付方式，以上金额不变')).toBeTruthy();
    expect(screen.getByTestId('quote-account').textContent).toBe('¥3.00');
    expect(screen.getByRole('button', { name: '使用个人账户支付' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('is not offered to a patient without a personal account', async () => {
    const noAccount = { ...PERSON, balanceFen: 0 };
    const api = fakeApi({
      identifyByFace: async () => ok({ status: 'identified' as const, person: noAccount }),
      prepareRegistration: async () => ok({ ...QUOTE, accountFen: 0, cashFen: 400 }),
    });
    await toQuote(api);
    expect(screen.queryByRole('button', { name: '不使用，全部付现金' })).toBeNull();
  });
});

describe('the pharmacy prescription number', () => {
  it('goes with the cart when staff scan one, and not at all over the counter', async () => {
    const api = fakeApi({}, 'pharmacy');
    renderApp(api, { operatorId: 'OP001' });
    const scan = await screen.findByLabelText('扫描条码或输入药名');
    fireEvent.change(scan, { target: { value: '6901234560017' } });
    fireEvent.submit(scan);
    await screen.findByText('×1');
    type('处方号（处方药扫描或录入，非处方药不填）', ' RX2026 0042 ');
    expect((screen.getByLabelText('处方号（处方药扫描或录入，非处方药不填）') as HTMLInputElement).value).toBe('RX20260042');
    click('请患者刷脸支付');
    await faceThroughToYes();
    await screen.findByRole('heading', { name: '请核对费用' });
    expect(api.calls).toContain(
      `preparePharmacySettlement:${JSON.stringify({ personRef: PERSON.personRef, items: [{ medinsListCodg: 'YP0001', cnt: 1 }], rxno: 'RX20260042' })}`,
    );
  });
});

describe('the admission desk', () => {
  it('registers the admission with the hospital system’s diagnosis when nothing is typed', async () => {
    const api = fakeApi({}, 'inpatient');
    renderApp(api, { operatorId: 'OP001' });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    click('同意，开始刷脸');
    const yes = await screen.findByRole('button', { name: '是我本人' });
    // The desk's screen lists the stays as it opens.
    await act(async () => fireEvent.click(yes));
    fireEvent.click(await screen.findByRole('button', { name: /ZY001/ }));
    click('办理入院登记');
    expect(screen.getByText('入院诊断以医院系统为准；医院系统没有入院诊断时，才需录入')).toBeTruthy();
    // One field without the other is not sent.
    type('诊断编码', 'J18.9');
    click('确认入院登记');
    expect(api.calls.some((c) => c.startsWith('admitInpatient'))).toBe(false);
    type('诊断编码', '');
    click('确认入院登记');
    expect(await screen.findByRole('heading', { name: '入院登记完成' })).toBeTruthy();
    expect(api.calls).toContain(`admitInpatient:${JSON.stringify({ personRef: PERSON.personRef, stayNo: 'ZY001' })}`);
  });
});
