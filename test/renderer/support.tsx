import { render } from '@testing-library/react';
import type { KioskApi } from '../../shared/ipc/contract';
import { ok } from '../../shared/result';
import { ApiProvider } from '../../renderer/app/apiContext';
import { App } from '../../renderer/app/App';
import { useKioskStore } from '../../renderer/store';

/**
 * A kiosk API answering like the main process would. The real transports (preload, bridge)
 * are tested in the main project and end to end; here the subject is the screens.
 */
export function fakeApi(overrides: Partial<KioskApi> = {}): KioskApi & { calls: string[] } {
  const calls: string[] = [];
  const api: KioskApi = {
    getAppInfo: async () => {
      calls.push('getAppInfo');
      return ok({
        version: '1.0.0',
        mode: 'registration',
        institutionCode: 'H42120200001',
        institutionName: '咸宁市演示医院',
        terminalId: 'KIOSK-01',
        defaultLocale: 'zh-CN',
        idleTimeoutSeconds: 60,
        shell: 'browser-bridge',
      });
    },
    getHealth: async () => ok({ platform: { url: 'x', reachable: true, latencyMs: 1, detail: 'ok' } }),
    callStaff: async (request) => {
      calls.push(`callStaff:${request.reason}:${request.screen}`);
      return ok({ ticket: 'S042', raisedAt: '2026-11-29T08:00:00.000Z' });
    },
    ...overrides,
  };
  return Object.assign(api, { calls });
}

export function renderApp(api: KioskApi = fakeApi()) {
  useKioskStore.setState(useKioskStore.getInitialState(), true);
  return render(
    <ApiProvider api={api}>
      <App />
    </ApiProvider>,
  );
}
