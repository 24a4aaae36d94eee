import type { KioskHandlers } from '../../../shared/ipc/contract';
import { KIOSK_METHODS } from '../../../shared/ipc/methods';
import { KioskError } from '../../../shared/result';

/**
 * Handlers for transport tests (registry, bridge): the methods a test names, and every other
 * method answering NOT_AVAILABLE, so the transport is exercised without a platform behind it.
 */
export function stubHandlers(some: Partial<KioskHandlers>): KioskHandlers {
  const all = Object.fromEntries(
    KIOSK_METHODS.map((method) => [
      method,
      async () => {
        throw new KioskError('NOT_AVAILABLE', `${method} is not part of this test`);
      },
    ]),
  );
  return { ...all, ...some } as KioskHandlers;
}

export const APP_INFO = {
  version: '9.9.9',
  mode: 'registration' as const,
  institutionCode: 'H42120200001',
  institutionName: '咸宁市演示医院',
  terminalId: 'KIOSK-01',
  defaultLocale: 'zh-CN' as const,
  idleTimeoutSeconds: 120,
  shell: 'browser-bridge' as const,
  face: { policy: 'active-always' as const, maxAttempts: 3 },
  operators: [{ id: 'OP001', name: '演示收费员' }],
  demo: true,
  printing: { auto: false, paper: '80mm' as const, nextStep: { cashDue: '请付现金 {cash}', paid: '请候诊', pending: '请收好凭条', cancel: '已撤销' } },
};
