import { act, fireEvent, screen } from '@testing-library/react';
import type { KioskApi, RequestOf } from '../../shared/ipc/contract';
import { ok } from '../../shared/result';
import { IDLE_ANSWER_MS } from '../../renderer/app/App';
import { useKioskStore } from '../../renderer/store';
import { RECEIPT, appInfo, fakeApi, recorder, renderApp } from './support';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const settle = () =>
  act(async () => {
    await jest.advanceTimersByTimeAsync(0);
  });

type Via = 'printer' | 'pdf' | 'browser';

/** The shell's print path, held until the test lets the job finish: what was sent, and when it ends. */
function heldPrinter(via: Via) {
  const jobs: RequestOf<'printReceipt'>['receipt'][] = [];
  let finishJob: (() => void) | undefined;
  const printReceipt: KioskApi['printReceipt'] = async ({ receipt }) => {
    jobs.push(receipt);
    await new Promise<void>((resolve) => (finishJob = resolve));
    return ok({ via, detail: via === 'printer' ? 'EPSON_TM_T82' : 'x' });
  };
  return { printReceipt, jobs, finish: () => act(async () => finishJob?.()) };
}

/** A registration kiosk whose terminal prints by itself (or not), paper and next steps as configured. */
function kiosk(auto: boolean, printReceipt: KioskApi['printReceipt']) {
  const info = { ...appInfo('registration'), printing: { ...appInfo('registration').printing, auto } };
  return fakeApi({ getAppInfo: async () => ok(info), printReceipt });
}

/** Home → consent → face → yes → department → doctor → confirm: the slip is on screen. */
async function register(api: KioskApi, voice = recorder()) {
  renderApp(api, { voice });
  await settle();
  click('开始刷脸');
  click('同意，开始刷脸');
  await settle();
  await settle();
  click('是我本人');
  await settle();
  click('内科');
  click(/李医生/);
  await settle();
  click('确认支付');
  await settle();
  expect(screen.getByRole('heading', { name: '医保已支付' })).toBeTruthy();
  return voice;
}

const printRoot = () => document.getElementById('print-root');
const statusText = () => screen.getByTestId('print-status').textContent;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('slips that print themselves', () => {
  it('a registration on a terminal with a printer prints its slip without a tap, then says where to go next', async () => {
    const printer = heldPrinter('printer');
    const voice = await register(kiosk(true, printer.printReceipt));
    // No button was pressed on this screen: the slip went to the printer as the result showed.
    expect(printer.jobs).toEqual([RECEIPT]);
    expect(statusText()).toBe('正在打印凭条…');
    expect(screen.queryByTestId('next-step')).toBeNull();
    expect(screen.queryByRole('button', { name: '打印凭条' })).toBeNull();
    // What the printer prints is the slip, in #print-root (print.css prints that alone).
    expect(printRoot()?.querySelector('.slip')?.getAttribute('data-paper')).toBe('80mm');
    expect(printRoot()?.textContent).toContain('R1');
    await printer.finish();
    expect(statusText()).toBe('凭条已打印');
    // The terminal's sentence for registration, the cash due filled in.
    expect(screen.getByTestId('next-step').textContent).toBe('请到一楼收费处付现金 ¥1.00');
    expect(voice.said.at(-1)).toBe('凭条已打印。请到一楼收费处付现金 ¥1.00');
    expect(printer.jobs).toHaveLength(1);
  });

  it('in the browser bridge the page prints itself (main answers "browser")', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    try {
      const printer = heldPrinter('browser');
      await register(kiosk(true, printer.printReceipt));
      expect(print).not.toHaveBeenCalled();
      await printer.finish();
      expect(print).toHaveBeenCalledTimes(1);
      expect(statusText()).toBe('凭条已打印');
    } finally {
      print.mockRestore();
    }
  });

  it('the idle timeout does not wipe a receipt whose slip is still printing; it wipes once the slip is out', async () => {
    const printer = heldPrinter('printer');
    const api = kiosk(true, printer.printReceipt);
    await register(api);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(60_000);
    });
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(IDLE_ANSWER_MS);
    });
    // Unanswered, but the slip is not out: the receipt stays, the printing goes on.
    expect(useKioskStore.getState()).toMatchObject({ screen: 'receipt', receipt: RECEIPT, idlePromptOpen: false });
    expect(screen.getByRole('article', { name: '挂号凭条' })).toBeTruthy();
    expect(statusText()).toBe('正在打印凭条… 凭条打印完就结束');
    expect(api.calls.some((c) => c.startsWith('endSession'))).toBe(false);
    await printer.finish();
    await settle();
    expect(useKioskStore.getState()).toMatchObject({ screen: 'home', receipt: null, slip: null });
    expect(api.calls.some((c) => c.startsWith('endSession'))).toBe(true);
    expect(printRoot()?.textContent ?? '').not.toContain('欧*明');
    expect(printer.jobs).toHaveLength(1);
  });

  it('without automatic printing, a patient who walked away still leaves with the slip printed, then is wiped', async () => {
    const printer = heldPrinter('pdf');
    const api = kiosk(false, printer.printReceipt);
    await register(api);
    expect(printer.jobs).toHaveLength(0);
    expect(screen.getByTestId('next-step').textContent).toBe('请到一楼收费处付现金 ¥1.00');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(60_000 + IDLE_ANSWER_MS);
    });
    expect(printer.jobs).toEqual([RECEIPT]);
    expect(useKioskStore.getState().receipt).toEqual(RECEIPT);
    await printer.finish();
    await settle();
    expect(useKioskStore.getState()).toMatchObject({ screen: 'home', receipt: null });
  });

  it('完成 without printing is the patient declining the slip: the session ends at once, nothing prints', async () => {
    const printer = heldPrinter('printer');
    const api = kiosk(false, printer.printReceipt);
    await register(api);
    click('完成');
    await settle();
    expect(useKioskStore.getState()).toMatchObject({ screen: 'home', receipt: null });
    expect(printer.jobs).toHaveLength(0);
  });

  it('完成 while the slip prints ends the session once it is out, not before', async () => {
    const printer = heldPrinter('printer');
    const api = kiosk(true, printer.printReceipt);
    await register(api);
    click('完成');
    await settle();
    expect(useKioskStore.getState().receipt).toEqual(RECEIPT);
    await printer.finish();
    await settle();
    expect(useKioskStore.getState()).toMatchObject({ screen: 'home', receipt: null });
  });

  it('at the cashier the slip prints once the cashier has the cash, and a cancel prints its own slip', async () => {
    const jobs: string[] = [];
    const info = { ...appInfo('cashier'), printing: { ...appInfo('cashier').printing, auto: true } };
    const api = fakeApi(
      {
        getAppInfo: async () => ok(info),
        printReceipt: async ({ receipt }) => {
          jobs.push(receipt.kind);
          return ok({ via: 'printer' as const, detail: 'EPSON_TM_T82' });
        },
      },
      'cashier',
    );
    renderApp(api, { operatorId: 'OP001' });
    await settle();
    click('开始刷脸');
    click('同意，开始刷脸');
    await settle();
    await settle();
    click('是我本人');
    await settle();
    click('缴这次的费用');
    await settle();
    click('确认支付');
    await settle();
    expect(screen.getByRole('heading', { name: '请向收费员支付现金' })).toBeTruthy();
    // The result is known but the cash part is not: nothing prints before the cashier says so.
    expect(jobs).toEqual([]);
    fireEvent.change(screen.getByLabelText('操作员密码'), { target: { value: '246810' } });
    click('收费员：已收到现金');
    await settle();
    expect(jobs).toEqual(['settlement']);
    expect(statusText()).toBe('凭条已打印');
    click('撤销这笔结算');
    fireEvent.change(screen.getByLabelText('工作人员密码'), { target: { value: '246810' } });
    click('确认撤销');
    await settle();
    expect(screen.getByRole('heading', { name: '医保结算撤销凭条' })).toBeTruthy();
    expect(jobs).toEqual(['settlement', 'cancel']);
    expect(screen.getByTestId('next-step').textContent).toBe('请收好撤销凭条');
  });
});
