import { fireEvent, screen, within } from '@testing-library/react';
import type { RequestOf } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/result';
import { QUOTE, RECEIPT, fakeApi, renderApp } from './support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

async function openReprint(api: ReturnType<typeof fakeApi>) {
  renderApp(api);
  fireEvent.click(await screen.findByRole('button', { name: '工作人员' }));
  fireEvent.change(screen.getByLabelText('管理密码'), { target: { value: '135790' } });
  click('进入管理');
  await screen.findByRole('heading', { name: '终端管理' });
  click('补打凭条');
}

describe('staff reprint a slip of today by its reference (admin → 补打凭条)', () => {
  it('looks the slip up by the typed reference, shows it marked as a reprint, and prints it on staff’s word', async () => {
    const printed: RequestOf<'printReceipt'>['receipt'][] = [];
    const api = fakeApi({
      findReceipt: async (request) => {
        api.calls.push(`findReceipt:${request.reference}`);
        return request.reference === RECEIPT.msgid
          ? ok({ status: 'found' as const, receipt: RECEIPT, registration: QUOTE.registration!, reprintedAt: '2026-11-29 15:30:00' })
          : fail('SETTLEMENT_NOT_FOUND', '没有找到这笔结算记录');
      },
      printReceipt: async ({ receipt }) => {
        printed.push(receipt);
        return ok({ via: 'printer' as const, detail: 'EPSON_TM_T82' });
      },
    });
    await openReprint(api);
    fireEvent.change(screen.getByLabelText('流水号或结算号'), { target: { value: 'NO-SUCH-REF' } });
    click('查找凭条');
    expect(await screen.findByText('没有成功：没有找到这笔结算记录')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '打印这张凭条' })).toBeNull();

    fireEvent.change(screen.getByLabelText('流水号或结算号'), { target: { value: RECEIPT.msgid } });
    click('查找凭条');
    const preview = await screen.findByTestId('reprint-preview');
    expect(api.calls).toContain(`findReceipt:${RECEIPT.msgid}`);
    // The slip as it prints: masked name, booked place, the figures, marked as a reprint.
    expect(within(preview).getByText('补打凭条 11月29日 15:30')).toBeTruthy();
    expect(within(preview).getByText('欧*明')).toBeTruthy();
    expect(within(preview).getByText('R1')).toBeTruthy();
    expect(within(preview).getByText(RECEIPT.msgid)).toBeTruthy();
    // The copy printing takes is the same slip.
    expect(document.getElementById('print-root')?.textContent).toContain('补打凭条 11月29日 15:30');
    expect(printed).toHaveLength(0);
    click('打印这张凭条');
    expect(await screen.findByText('已补打')).toBeTruthy();
    expect(printed).toEqual([RECEIPT]);
  });

  it('says when the reference is of a payment that never took effect', async () => {
    const api = fakeApi({
      findReceipt: async (request) => ok({ status: 'not-charged' as const, reference: request.reference, state: 'reversed' as const }),
    });
    await openReprint(api);
    fireEvent.change(screen.getByLabelText('流水号或结算号'), { target: { value: RECEIPT.msgid } });
    click('查找凭条');
    expect(await screen.findByText('这笔结算没有生效（已冲正），没有扣费，没有凭条可补打')).toBeTruthy();
    expect(screen.queryByTestId('reprint-preview')).toBeNull();
  });
});
