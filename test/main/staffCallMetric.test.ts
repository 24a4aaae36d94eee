import { DatabaseSync } from 'node:sqlite';
import { dispatch } from '../../electron/core/dispatch';
import { appHandlers } from '../../electron/core/handlers/app';
import type { CoreDeps } from '../../electron/core/handlers/deps';
import { MetricsStore } from '../../electron/core/metrics/metricsStore';
import type { KioskHandlers } from '../../shared/ipc/contract';
import { STAFF_CALL_SCREENS } from '../../shared/staffCalls';
import { IDENTIFYING_SCREENS } from '../../shared/metrics/events';
import { SANDBOX_DEFAULTS } from '../../shared/config/terminalConfig';

/** A call for staff while being identified is one of the ways in the inclusion metrics count (其他方式：呼叫工作人员). */
describe('staff calls in the inclusion metrics', () => {
  it('counts a call from an identification screen as the staff way in, and no other call', async () => {
    const metrics = new MetricsStore(new DatabaseSync(':memory:'), { terminalId: 'KIOSK-01' });
    const handlers = appHandlers({
      config: SANDBOX_DEFAULTS,
      clock: () => new Date(),
      raiseStaffCall: () => undefined,
      // Delivery is the webhook's business (test/main/staffCalls); here only the counting.
      staffCalls: { raise: async () => false },
      metrics,
    } as unknown as CoreDeps) as unknown as KioskHandlers;
    const call = (screen: string) => dispatch(handlers, 'callStaff', { reason: 'help', screen }, { warn: () => undefined });

    for (const screen of STAFF_CALL_SCREENS) expect(await call(screen)).toMatchObject({ ok: true });
    await call('张三 421202199001010017');
    expect(metrics.summary(metrics.today()).fallbacks.staff).toBe(IDENTIFYING_SCREENS.length);
    expect(IDENTIFYING_SCREENS.every((s) => (STAFF_CALL_SCREENS as readonly string[]).includes(s))).toBe(true);
  });
});
