import { render } from '@testing-library/react';
import type { KioskApi, ResponseOf } from '../../shared/ipc/contract';
import { KIOSK_METHODS } from '../../shared/ipc/methods';
import type { CounterMode } from '../../shared/config/terminalConfig';
import { fail, ok } from '../../shared/result';
import type { PendingReceipt, QuoteView, SettlementReceipt } from '../../shared/types/settlement';
import type { TodaySettlement } from '../../shared/types/staffDesk';
import { ApiProvider } from '../../renderer/app/apiContext';
import { App } from '../../renderer/app/App';
import { FaceEngineContext, type FaceEngine, type FaceEvent } from '../../renderer/screens/identify/faceEngine';
import type { Speech } from '../../renderer/speech/speech';
import type { Tone } from '../../renderer/speech/tone';
import { VoiceProvider } from '../../renderer/speech/voiceContext';
import { useKioskStore } from '../../renderer/store';
import { SETTINGS_KEY } from '../../renderer/store/terminalSettings';

export const PERSON = {
  personRef: '7f1c2a54-0a0b-4c3d-9e8f-001122334455',
  maskedName: '欧*明',
  maskedCertno: '4212**********0017',
  gender: '1',
  age: 68,
  insutype: '310',
  balanceFen: 352_000,
};

export const QUOTE: QuoteView = {
  quoteId: '0d6b8a1e-3f4c-4d5e-8a9b-aabbccddeeff',
  kind: 'registration',
  items: [{ name: '普通门诊诊查费', cnt: '1', amountFen: 1000 }],
  totalFen: 1000,
  fundFen: 600,
  accountFen: 300,
  cashFen: 100,
  hospitalFen: 0,
  useAccount: true,
  registration: { regNo: 'R1', deptName: '内科', doctorName: '李医生', date: '2026-11-29', period: 'AM' },
};

export const RECEIPT: SettlementReceipt = {
  kind: 'settlement',
  institutionCode: 'H42120200001',
  institutionName: '咸宁市演示医院',
  terminalId: 'KIOSK-01',
  patientName: '欧*明',
  items: QUOTE.items,
  totalFen: 1000,
  fundFen: 600,
  accountFen: 300,
  cashFen: 100,
  hospitalFen: 0,
  balanceAfterFen: 351_700,
  setlId: 'SETL0001',
  msgid: 'H42120200001202611290800000001',
  time: '2026-11-29 08:00:00',
};

export const PENDING: PendingReceipt = {
  kind: 'pending',
  institutionCode: 'H42120200001',
  institutionName: '咸宁市演示医院',
  terminalId: 'KIOSK-01',
  patientName: '欧*明',
  items: QUOTE.items,
  requestedFen: 1000,
  reference: 'H42120200001202611290800000002',
  time: '2026-11-29 08:00:00',
  confirmBy: '2026-11-29 08:05:31',
  note: '结算结果确认中',
};

/** A settlement paid at this counter today at 09:30, as the staff desk's 今日结算 lists it (todayRow). */
export const PAID_TODAY: SettlementReceipt = { ...RECEIPT, setlId: 'SETL0100', msgid: 'H42120200001202611290930000101', time: '2026-11-29 09:30:00' };
export const todayRow = (over: Partial<TodaySettlement> = {}): TodaySettlement => ({
  msgid: PAID_TODAY.msgid,
  kind: 'settlement',
  state: 'settled',
  at: '2026-11-29 09:30:00',
  maskedName: '欧*明',
  totalFen: PAID_TODAY.totalFen,
  cashFen: PAID_TODAY.cashFen,
  setlId: PAID_TODAY.setlId,
  cancelledBy: null,
  cancels: null,
  cashTaken: null,
  slip: { receipt: PAID_TODAY, registration: null },
  ...over,
});

export function appInfo(mode: CounterMode = 'registration'): ResponseOf<'getAppInfo'> {
  return {
    version: '1.0.0',
    mode,
    institutionCode: mode === 'pharmacy' ? 'P42120200001' : 'H42120200001',
    institutionName: '咸宁市演示医院',
    terminalId: 'KIOSK-01',
    defaultLocale: 'zh-CN',
    idleTimeoutSeconds: 60,
    shell: 'browser-bridge',
    face: { policy: 'passive-only', maxAttempts: 3 },
    operators: [{ id: 'OP001', name: '演示收费员' }],
    demo: true,
    printing: { auto: false, paper: '80mm', nextStep: { cashDue: '请到一楼收费处付现金 {cash}', paid: '请到诊室候诊', pending: '请收好凭条', cancel: '请收好撤销凭条' } },
  };
}

/** The counter's operator as main keeps it; the demo operator's PIN is the one main would take. */
export interface FakeCounter {
  operator: { id: string; name: string; since: string } | null;
}
export const DEMO_OPERATOR = { id: 'OP001', name: '演示收费员', pin: '246810' };

/**
 * A kiosk API answering like the main process would, recording each call as `method` or
 * `method:detail`. The real transports are tested in the main project and end to end; here
 * the subject is the screens.
 */
export function fakeApi(overrides: Partial<KioskApi> = {}, mode: CounterMode = 'registration'): KioskApi & { calls: string[]; counter: FakeCounter } {
  const calls: string[] = [];
  const counter: FakeCounter = { operator: null };
  const rec =
    <T,>(name: string, value: T) =>
    async (request?: unknown) => {
      calls.push(request && typeof request === 'object' && Object.keys(request).length ? `${name}:${JSON.stringify(request)}` : name);
      return ok(value);
    };
  const known: Partial<KioskApi> = {
    getAppInfo: rec('getAppInfo', appInfo(mode)),
    getHealth: async () => ok({ platform: { url: 'x', reachable: true, latencyMs: 1, detail: 'ok' } }),
    callStaff: async (request) => {
      calls.push(`callStaff:${request.reason}:${request.screen}`);
      return ok({ ticket: 'S042', raisedAt: '2026-11-29T08:00:00.000Z', delivered: true });
    },
    printReceipt: rec('printReceipt', { via: 'pdf' as const, detail: 'saved' }),
    identifyByFace: rec('identifyByFace', { status: 'identified' as const, person: PERSON }),
    confirmSecondFactor: rec('confirmSecondFactor', { status: 'identified' as const, person: PERSON }),
    identifyByQr: rec('identifyByQr', { status: 'identified' as const, person: PERSON }),
    identifyByCard: rec('identifyByCard', PERSON),
    identifyByIdNumber: rec('identifyByIdNumber', PERSON),
    endSession: rec('endSession', { forgotten: true as const }),
    listRegistrationSlots: rec('listRegistrationSlots', [
      { slotId: 7, date: '2026-11-29', period: 'AM' as const, deptCode: 'D01', deptName: '内科', caty: 'A03', doctorCode: 'DR001', doctorName: '李医生', doctorTitle: '主治医师', feeFen: 1000, remaining: 12 },
      { slotId: 8, date: '2026-11-29', period: 'PM' as const, deptCode: 'D02', deptName: '外科', caty: 'A04', doctorCode: 'DR002', doctorName: '王医生', doctorTitle: '副主任医师', feeFen: 2500, remaining: 0 },
    ]),
    prepareRegistration: rec('prepareRegistration', QUOTE),
    listPendingBills: rec('listPendingBills', [
      { billId: 'B1', visitNo: 'V1', kind: 'outpatient' as const, deptName: '内科', doctorName: '李医生', totalFen: 8180, items: [{ name: '奥美拉唑', cnt: '2', amountFen: 3700 }] },
    ]),
    prepareOutpatientSettlement: rec('prepareOutpatientSettlement', { ...QUOTE, kind: 'outpatient' as const, registration: undefined }),
    lookupCatalogue: rec('lookupCatalogue', [
      { medListCodg: 'X', medinsListCodg: 'YP0001', barcode: '6901234560017', name: '奥美拉唑肠溶胶囊', unit: '盒', priceFen: 1850 },
    ]),
    preparePharmacySettlement: rec('preparePharmacySettlement', { ...QUOTE, kind: 'pharmacy' as const, registration: undefined }),
    listInpatientStays: rec('listInpatientStays', [
      { stayNo: 'ZY001', deptName: '内科', doctorName: '李医生', bed: '3-12', admittedOn: '2026-11-26', status: 'admitted' as const, totalFen: 18600 },
    ]),
    admitInpatient: rec('admitInpatient', { status: 'admitted' as const, stayNo: 'ZY001', deptName: '内科', bed: '3-12', reference: 'M1' }),
    prepareDischarge: rec('prepareDischarge', { ...QUOTE, kind: 'discharge' as const, registration: undefined }),
    confirmSettlement: rec('confirmSettlement', { status: 'settled' as const, receipt: RECEIPT }),
    declineQuote: rec('declineQuote', { declined: true as const }),
    // Cash only: the platform's split moves the account's part to cash.
    requoteSettlement: async (request) => {
      calls.push(`requoteSettlement:${JSON.stringify(request)}`);
      const moved = request.useAccount ? 0 : QUOTE.accountFen;
      return ok({ ...QUOTE, quoteId: request.useAccount ? QUOTE.quoteId : '1e7c9b2f-4a5d-4e6f-9a0b-ccddeeff0011', useAccount: request.useAccount, accountFen: QUOTE.accountFen - moved, cashFen: QUOTE.cashFen + moved });
    },
    cancelSettlement: rec('cancelSettlement', { status: 'settled' as const, receipt: { ...RECEIPT, kind: 'cancel' as const } }),
    adminUnlock: rec('adminUnlock', { adminToken: 'admin-token-1', expiresAt: 0 }),
    adminLock: rec('adminLock', { locked: true as const }),
    getDiagnostics: rec('getDiagnostics', {
      version: '1',
      shell: 'browser-bridge' as const,
      configSource: 'defaults',
      mode,
      institution: 'x',
      terminalId: 'KIOSK-01',
      journal: { unresolved: 0, needStaff: 0, hisOwed: 0 },
      printer: 'PDF',
      health: { status: 'ok' as const, generatedAt: '2026-11-29T08:00:00.000Z', checks: { platform: { status: 'ok' as const, detail: '1 ms' } } },
    }),
    reconcileDay: rec('reconcileDay', {
      day: '2026-11-29',
      groups: [],
      balanced: true,
      otherTerminals: 0,
      problems: [],
      orphans: [],
      pending: [],
      unresolved: 0,
      explanation: '今日本终端没有结算记录。',
    }),
    getOperator: async () => ok({ operator: counter.operator }),
    signInOperator: async (request) => {
      calls.push(`signInOperator:${request.operatorId}`);
      if (request.operatorId !== DEMO_OPERATOR.id || request.pin !== DEMO_OPERATOR.pin) {
        return fail('NOT_AUTHORISED', 'operator ID or PIN not accepted', { next: 'retry' });
      }
      counter.operator = { id: DEMO_OPERATOR.id, name: DEMO_OPERATOR.name, since: '2026-11-29T00:00:00.000Z' };
      return ok({ operator: counter.operator });
    },
    signOutOperator: async (request) => {
      calls.push(`signOutOperator:${JSON.stringify(request)}`);
      counter.operator = null;
      return ok({ signedOut: true as const });
    },
    exitKiosk: rec('exitKiosk', { exiting: true }),
    ...overrides,
  };
  // Methods the screens do not use (logging, metrics…) answer an empty success.
  const api = Object.fromEntries(KIOSK_METHODS.map((m) => [m, known[m] ?? rec(m, {})])) as unknown as KioskApi;
  return Object.assign(api, { calls, counter });
}

/** A face engine that plays the events given (by default: a face, then one capture). */
export function scriptedFace(
  events: FaceEvent[] = [
    { type: 'camera', status: 'live' },
    { type: 'guidance', key: 'face.guide.holdStill', reason: null, speak: true },
    { type: 'captured', capture: { jpegBase64: 'x'.repeat(200), width: 10, height: 10, passive: { real: 1, live: 1 } } },
  ],
): FaceEngine & { started: number; disposed: number; retries: string[] } {
  const engine = {
    started: 0,
    disposed: 0,
    retries: [] as string[],
    preload: () => undefined,
    start(_video: HTMLVideoElement, _face: unknown, onEvent: (e: FaceEvent) => void) {
      engine.started++;
      let live = true;
      void (async () => {
        for (const event of events) {
          await Promise.resolve();
          if (live) onEvent(event);
        }
      })();
      return {
        retry: async (reason: string) => {
          engine.retries.push(reason);
        },
        dispose: () => {
          live = false;
          engine.disposed++;
        },
      };
    },
  };
  return engine;
}

export function recorder(): Speech & Tone & { said: string[]; tones: number } {
  const r = {
    said: [] as string[],
    tones: 0,
    say: (text: string) => void r.said.push(text),
    cancel: () => undefined,
    staffCall: () => void r.tones++,
  };
  return r;
}

export function renderApp(api: KioskApi = fakeApi(), options: { face?: FaceEngine; voice?: ReturnType<typeof recorder>; operatorId?: string } = {}) {
  localStorage.removeItem(SETTINGS_KEY);
  useKioskStore.setState(useKioskStore.getInitialState(), true);
  if (options.operatorId) {
    // Signed in on main's side: the page learns it from getOperator, as after a reload.
    if ('counter' in api) (api as { counter: FakeCounter }).counter.operator = { id: options.operatorId, name: '', since: '2026-11-29T00:00:00.000Z' };
    useKioskStore.getState().setOperatorFromMain({ id: options.operatorId, name: '', since: '2026-11-29T00:00:00.000Z' });
  }
  const voice = options.voice ?? recorder();
  return render(
    <ApiProvider api={api}>
      <VoiceProvider speech={voice} tone={voice}>
        <FaceEngineContext.Provider value={options.face ?? scriptedFace()}>
          <App />
        </FaceEngineContext.Provider>
      </VoiceProvider>
    </ApiProvider>,
  );
}
