import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { buildHealthReport } from '../../../electron/core/health/healthReport';
import { DeviceReports, kioskProbes, type KioskProbeDeps } from '../../../electron/core/health/kioskProbes';
import { PinLockout } from '../../../electron/core/pinLockout';

const NOW = new Date('2026-11-30T06:00:00Z');
const identity = { version: '0.1.0', terminalId: 'KIOSK-01', mode: 'cashier' };

/** The probes of a kiosk whose platform answers and whose operator table is empty. */
function setup(extra: Partial<KioskProbeDeps> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'facesettle-voice-'));
  const db = new DatabaseSync(path.join(dataDir, 'kiosk.db'));
  db.exec('CREATE TABLE operator_session (operator TEXT, day TEXT, signed_at TEXT)');
  const devices = new DeviceReports(() => NOW);
  const deps: KioskProbeDeps = {
    platformUrl: 'http://127.0.0.1:9',
    fetch: async () => new Response(null, { status: 200 }),
    db,
    unresolved: () => [],
    dataDir,
    printerName: null,
    devices,
    clock: () => NOW,
    ...extra,
  };
  return { db, devices, report: () => buildHealthReport(kioskProbes(deps), identity, () => NOW) };
}

describe('the voice check', () => {
  it('is unknown until the page reports, warns without a zh-CN voice, and names the voice when there is one', async () => {
    const { devices, report } = setup();
    expect((await report()).checks.voice).toEqual({ status: 'unknown', detail: 'the kiosk page has not reported its voices yet' });

    expect(devices.report({ voice: { speechSynthesis: true, voices: 3, zhCN: false } })).toBe(true);
    const none = (await report()).checks.voice!;
    expect(none.status).toBe('warn');
    expect(none.detail).toMatch(/^no Chinese \(zh-CN\) voice among 3: .*speech-dispatcher and a Mandarin voice/);

    devices.report({ voice: { speechSynthesis: true, voices: 4, zhCN: true, name: 'Microsoft Xiaoxiao - Chinese (Simplified, PRC)' } });
    expect((await report()).checks.voice).toMatchObject({ status: 'ok', detail: 'zh-CN voice: Microsoft Xiaoxiao - Chinese (Simplified, PRC)' });

    devices.report({ voice: { speechSynthesis: false, voices: 0, zhCN: false } });
    expect((await report()).checks.voice).toMatchObject({ status: 'warn', detail: 'no speech synthesis in this shell: guidance is shown, not spoken' });
  });

  it('refuses a malformed voice report from the page', () => {
    const { devices } = setup();
    expect(devices.report({ voice: { speechSynthesis: true, voices: -1, zhCN: true } })).toBe(false);
    expect(devices.report({ voice: { speechSynthesis: true, voices: 1, zhCN: true, extra: 1 } })).toBe(false);
    expect(devices.voice).toBeNull();
  });
});

describe('the PIN lockout check', () => {
  it('says no PIN is locked, then which holder is locked until when', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-lock-health-'));
    const lockout = new PinLockout(new DatabaseSync(path.join(dir, 'kiosk.db')), () => NOW.getTime());
    const { report } = setup({ pinLockouts: () => lockout.locked() });
    expect((await report()).checks.pinLockout).toEqual({ status: 'ok', detail: 'no PIN locked', locked: [] });
    for (let i = 0; i < 5; i++) lockout.attempt('operator:OP001', () => false);
    const check = (await report()).checks.pinLockout!;
    expect(check).toMatchObject({ status: 'warn', locked: [{ holder: 'operator:OP001', lockedUntil: NOW.getTime() + 300_000 }] });
    expect(check.detail).toBe('locked after repeated wrong PINs: operator:OP001 until 2026-11-30T06:05:00.000Z');
  });

  it('is absent where the kiosk has no lockout store', async () => {
    const { report } = setup();
    expect((await report()).checks.pinLockout).toBeUndefined();
  });
});
