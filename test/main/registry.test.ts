import { registerIpc } from '../../electron/main/ipc/registry';
import { dispatch, DISPATCH_MESSAGES } from '../../electron/core/dispatch';
import { channelOf, KIOSK_METHODS } from '../../shared/ipc/methods';
import { KioskError } from '../../shared/result';
import { APP_INFO, stubHandlers } from './support/stubHandlers';

const handlers = stubHandlers({
  getAppInfo: async () => ({ ...APP_INFO, mode: 'pharmacy' }),
  getHealth: async () => {
    throw new Error('socket hang up at 10.0.0.1 with stack');
  },
  callStaff: async () => {
    throw new KioskError('CONFLICT', 'a call is already open');
  },
});

const trusted = { senderFrame: { url: 'app://kiosk/index.html', isDestroyed: () => false } };
const untrusted = { senderFrame: { url: 'https://evil.example/', isDestroyed: () => false } };

function register() {
  const ipcMain = { handle: jest.fn() };
  const log = { warn: jest.fn() };
  registerIpc(ipcMain, handlers, log);
  const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(
    ipcMain.handle.mock.calls.map(([channel, fn]) => [channel as string, fn]),
  );
  return { registered, log };
}

describe('IPC registry', () => {
  it('registers exactly one channel per contract method', () => {
    const { registered } = register();
    expect([...registered.keys()].sort()).toEqual(KIOSK_METHODS.map(channelOf).sort());
  });

  it('answers a trusted sender with the handler result', async () => {
    const { registered } = register();
    const result = await registered.get('kiosk:getAppInfo')!(trusted, {});
    expect(result).toMatchObject({ ok: true, value: { mode: 'pharmacy' } });
  });

  it('refuses an untrusted sender without running the handler', async () => {
    const spy = jest.spyOn(handlers, 'getAppInfo');
    const { registered, log } = register();
    const result = await registered.get('kiosk:getAppInfo')!(untrusted, {});
    expect(result).toEqual({ ok: false, error: { code: 'UNTRUSTED_SENDER', message: expect.any(String) } });
    expect(spy).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('evil.example'));
    spy.mockRestore();
  });

  it.each([
    ['a string', 'hello'],
    ['an array', [1, 2]],
    ['an unknown reason', { reason: 'free money', screen: 'home' }],
    ['a missing field', { reason: 'help' }],
    ['an extra field', { reason: 'help', screen: 'home', admin: true }],
    ['an over-long field', { reason: 'help', screen: 'x'.repeat(500) }],
  ])('answers a malformed payload (%s) with the validation code, not a crash', async (_name, payload) => {
    const { registered } = register();
    const result = (await registered.get('kiosk:callStaff')!(trusted, payload)) as { ok: boolean; error?: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('VALIDATION_FAILED');
  });

  it('turns a thrown error into INTERNAL without leaking its message', async () => {
    const log = { warn: jest.fn() };
    const result = await dispatch(handlers, 'getHealth', {}, log);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: DISPATCH_MESSAGES.internal } });
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('socket hang up'));
  });

  it('passes a KioskError code through', async () => {
    expect(await dispatch(handlers, 'callStaff', { reason: 'help', screen: 'home' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'a call is already open' },
    });
  });

  it('refuses unknown methods', async () => {
    expect(await dispatch(handlers, 'deleteEverything', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
