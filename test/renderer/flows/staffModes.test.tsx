import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { ok } from '../../../shared/result';
import { useKioskStore } from '../../../renderer/store';
import { PERSON, RECEIPT, fakeApi, renderApp } from '../support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function faceThroughToYes() {
  click('同意，开始刷脸');
  fireEvent.click(await screen.findByRole('button', { name: '是我本人' }));
}

describe('cashier', () => {
  it('pending bills, the split, settle, the cashier confirms the cash, receipt', async () => {
    const api = fakeApi({}, 'cashier');
    renderApp(api, { operatorId: 'OP001' });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    await faceThroughToYes();
    expect(await screen.findByRole('heading', { name: '请选择要缴费的就诊' })).toBeTruthy();
    expect(screen.getByText('¥81.80')).toBeTruthy();
    click('缴这次的费用');
    await screen.findByRole('heading', { name: '请核对费用' });
    expect(api.calls).toContain(`prepareOutpatientSettlement:${JSON.stringify({ personRef: PERSON.personRef, billIds: ['B1'] })}`);
    click('确认支付');
    expect(await screen.findByRole('heading', { name: '请向收费员支付现金' })).toBeTruthy();
    expect(screen.getByTestId('cash-due').textContent).toBe('现金 ¥1.00');
    // The cashier's word, with the signed-in operator's PIN (renderer/screens/settle/CashTakenScreen.tsx).
    type('操作员密码', '246810');
    click('收费员：已收到现金');
    expect(await screen.findByRole('heading', { name: '支付成功' })).toBeTruthy();
    expect(screen.getByRole('article', { name: '医保结算凭条' })).toBeTruthy();
  });

  it('cancels a settlement with a staff member’s authorisation and shows the cancel receipt', async () => {
    const api = fakeApi({ confirmSettlement: async () => ok({ status: 'settled' as const, receipt: { ...RECEIPT, cashFen: 0 } }) }, 'cashier');
    renderApp(api, { operatorId: 'OP001' });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    await faceThroughToYes();
    fireEvent.click(await screen.findByRole('button', { name: '缴这次的费用' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认支付' }));
    fireEvent.click(await screen.findByRole('button', { name: '撤销这笔结算' }));
    expect(screen.getByLabelText('工作人员工号')).toHaveProperty('value', 'OP001');
    type('工作人员密码', '246810');
    click('确认撤销');
    expect(await screen.findByRole('heading', { name: '医保结算撤销凭条' })).toBeTruthy();
    expect(api.calls).toContain(`cancelSettlement:${JSON.stringify({ setlId: 'SETL0001', operatorId: 'OP001', pin: '246810' })}`);
  });
});

describe('pharmacy', () => {
  it('staff scan the cart, the patient identifies and confirms; the engine prices the cart', async () => {
    const api = fakeApi({}, 'pharmacy');
    renderApp(api, { operatorId: 'OP001' });
    const scan = await screen.findByLabelText('扫描条码或输入药名');
    for (let i = 0; i < 2; i++) {
      fireEvent.change(scan, { target: { value: '6901234560017' } });
      fireEvent.submit(scan);
      await screen.findByText('×' + (i + 1));
    }
    expect(screen.getByTestId('cart-total').textContent).toBe('合计 ¥37.00');
    expect(api.calls).toContain(`lookupCatalogue:${JSON.stringify({ barcode: '6901234560017' })}`);
    click('请患者刷脸支付');
    await faceThroughToYes();
    expect(await screen.findByRole('heading', { name: '请核对费用' })).toBeTruthy();
    expect(api.calls).toContain(`preparePharmacySettlement:${JSON.stringify({ personRef: PERSON.personRef, items: [{ medinsListCodg: 'YP0001', cnt: 2 }] })}`);
    click('确认支付');
    expect(await screen.findByRole('heading', { name: '医保已支付' })).toBeTruthy();
    expect(screen.getByTestId('receipt-lead').textContent).toBe('还需向药师付现金 ¥1.00');
    click('完成');
    await waitFor(() => expect(useKioskStore.getState().cart).toEqual([]));
  });

  it('a search by name offers the matches to pick from', async () => {
    const two = [
      { medListCodg: 'A', medinsListCodg: 'YP0001', barcode: null, name: '奥美拉唑', unit: '盒', priceFen: 1850 },
      { medListCodg: 'B', medinsListCodg: 'YP0003', barcode: null, name: '二甲双胍', unit: '盒', priceFen: 1290 },
    ];
    renderApp(fakeApi({ lookupCatalogue: async () => ok(two) }, 'pharmacy'), { operatorId: 'OP001' });
    const scan = await screen.findByLabelText('扫描条码或输入药名');
    fireEvent.change(scan, { target: { value: '片' } });
    fireEvent.submit(scan);
    const add = await screen.findAllByRole('button', { name: '加入' });
    fireEvent.click(add[1]!);
    expect(screen.getByTestId('cart-total').textContent).toBe('合计 ¥12.90');
  });
});

describe('inpatient desk', () => {
  it('admission with the diagnosis the desk enters', async () => {
    const api = fakeApi({}, 'inpatient');
    renderApp(api, { operatorId: 'OP001' });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    await faceThroughToYes();
    // The stay the hospital system lists for this patient, picked instead of typed.
    fireEvent.click(await screen.findByRole('button', { name: /ZY001/ }));
    expect((screen.getByLabelText('住院号') as HTMLInputElement).value).toBe('ZY001');
    click('办理入院登记');
    type('诊断编码', 'J18.9');
    type('诊断名称', '肺炎');
    click('确认入院登记');
    expect(await screen.findByRole('heading', { name: '入院登记完成' })).toBeTruthy();
    expect(api.calls).toContain(
      `admitInpatient:${JSON.stringify({ personRef: PERSON.personRef, stayNo: 'ZY001', diagCode: 'J18.9', diagName: '肺炎' })}`,
    );
  });

  it('discharge settlement goes through the same confirmation', async () => {
    const api = fakeApi({}, 'inpatient');
    renderApp(api, { operatorId: 'OP001' });
    fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
    await faceThroughToYes();
    await screen.findByRole('button', { name: /ZY001/ });
    type('住院号', 'ZY001');
    await act(async () => click('办理出院结算'));
    expect(await screen.findByRole('heading', { name: '请核对费用' })).toBeTruthy();
    expect(api.calls).toContain(`prepareDischarge:${JSON.stringify({ personRef: PERSON.personRef, stayNo: 'ZY001' })}`);
  });
});
