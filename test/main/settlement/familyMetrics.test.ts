import { DatabaseSync } from 'node:sqlite';
import { failure } from '../../../electron/settlement/errors';
import { countCapUse } from '../../../electron/core/handlers/family';
import { MetricsStore } from '../../../electron/core/metrics/metricsStore';
import type { SettleResult, SettlementReceipt } from '../../../shared/types/settlement';

/** The password-free cap in the inclusion metrics (issue 15): counts only, in the day's summary and the CSV. */
const slip = (extra: Partial<SettlementReceipt>): { ok: true; value: SettleResult } => ({
  ok: true,
  value: {
    status: 'settled',
    receipt: {
      kind: 'settlement', institutionCode: 'P42120200001', institutionName: '咸宁市演示大药房', terminalId: 'PHARM-01', patientName: '欧**乐',
      items: [], totalFen: 1850, fundFen: 925, accountFen: 0, cashFen: 0, hospitalFen: 0, balanceAfterFen: null, setlId: 'S1', msgid: 'M1',
      time: '2026-11-30 10:00:00', ...extra,
    },
  },
});

test('asked above the cap, paid within it; a settlement outside any cap is not counted', () => {
  const store = new MetricsStore(new DatabaseSync(':memory:'), { terminalId: 'PHARM-01', clock: () => new Date('2026-11-30T02:00:00Z') });
  const cap = { perTransactionFen: 3000, perDayFen: 5000, usedTodayFen: 1850 };
  countCapUse(store, failure('SECOND_FACTOR_REQUIRED', 'zh-CN'));
  countCapUse(store, failure('PLATFORM_REJECTED', 'zh-CN'));
  countCapUse(store, slip({ passwordFree: { ...cap, secondFactor: null } }));
  countCapUse(store, slip({ passwordFree: { ...cap, secondFactor: 'id-digits' } }));
  countCapUse(store, slip({}));
  store.record({ type: 'password-free', outcome: 'staff-pin' });
  expect(store.summary('2026-11-30').passwordFree).toEqual({ 'within-cap': 1, asked: 1, 'id-digits': 0, 'staff-pin': 1, 'digits-wrong': 0 });
  const [header, row] = store.exportCsv().slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
  const column = header!.indexOf('免密限额：超限额需二次验证');
  expect(column).toBeGreaterThan(0);
  expect(row![column]).toBe('1');
});
