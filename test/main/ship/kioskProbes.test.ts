import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { buildHealthReport } from '../../../electron/core/health/healthReport';
import { DeviceReports, kioskProbes, type KioskProbeDeps } from '../../../electron/core/health/kioskProbes';
import { OperatorSession } from '../../../electron/settlement/session';

// 01:00 on 29 November, China time.
const NOW = new Date('2026-11-28T17:00:00Z');
const clock = () => NOW;

let platform: Server;
let platformUrl: string;
beforeAll(async () => {
  platform = createServer((req, res) => {
    res.writeHead(req.url === '/health' ? 200 : 404).end();
  });
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  platformUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => platform.close(() => resolve())));

const setup = (overrides: Partial<KioskProbeDeps> = {}) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'facesettle-probes-'));
  const db = new DatabaseSync(path.join(dataDir, 'kiosk.db'));
  // The real session class creates its table; it never calls the platform here.
  new OperatorSession(db, {} as any, {} as any, clock, () => ({ mac: '', ip: '' }), () => {
    throw new Error('no sign-out here');
  });
  const devices = new DeviceReports(clock);
  const deps: KioskProbeDeps = {
    platformUrl,
    fetch: (url, init) => fetch(url, init),
    db,
    unresolved: () => [],
    dataDir,
    printerName: 'EPSON TM-T82',
    listPrinters: async () => [{ name: 'EPSON TM-T82' }, { name: 'PDF' }],
    devices,
    clock,
    ...overrides,
  };
  return { db, devices, deps };
};
const identity = { version: '0.1.0', terminalId: 'KIOSK-01', mode: 'cashier' };

describe('the kiosk health probes', () => {
  it('report a healthy kiosk from the page reports, the database, the platform and the disk', async () => {
    const { db, devices, deps } = setup();
    expect(devices.report({ camera: { available: true, label: 'USB Camera' }, faceBackend: { backend: 'wasm', msPerFrame: 36 } })).toBe(true);
    expect(devices.report({ voice: { speechSynthesis: true, voices: 2, zhCN: true, name: 'Tingting' } })).toBe(true);
    db.prepare('INSERT INTO operator_session (operator, day, sign_no, signed_at) VALUES (?, ?, ?, ?)').run('OP001', '2026-11-29', 'S1', '2026-11-28T16:40:00.000Z');
    const report = await buildHealthReport(kioskProbes(deps), identity, clock);
    // Every check but the disk, whose free space is this machine's business.
    expect(Object.entries(report.checks).filter(([name, check]) => name !== 'disk' && check.status !== 'ok')).toEqual([]);
    expect(report.checks.camera).toMatchObject({ status: 'ok', label: 'USB Camera', reportedAt: NOW.toISOString() });
    expect(report.checks.operator).toMatchObject({ status: 'ok', operator: 'OP001' });
    expect(report.checks.platform).toMatchObject({ status: 'ok', reachable: true });
    expect(report.checks.printer).toMatchObject({ status: 'ok', name: 'EPSON TM-T82' });
    expect(report.checks.disk.status).not.toBe('unknown');
  });

  it('see a sign-in from the day before, unresolved journal rows, a missing printer and a shell that cannot list printers', async () => {
    const { db, deps } = setup({ unresolved: () => [{ createdAt: '2026-11-28T16:00:00.000Z' }, { createdAt: '2026-11-28T16:30:00.000Z' }] });
    db.prepare('INSERT INTO operator_session (operator, day, sign_no, signed_at) VALUES (?, ?, ?, ?)').run('OP001', '2026-11-28', 'S0', '2026-11-28T01:00:00.000Z');
    const probes = kioskProbes(deps);
    expect(await probes.operator()).toEqual({ signedIn: false });
    expect(await probes.journal()).toEqual({ awaitingResolution: 2, oldestAt: '2026-11-28T16:00:00.000Z' });
    expect(await kioskProbes({ ...deps, listPrinters: async () => [{ name: 'PDF' }] }).printer()).toEqual({ name: 'EPSON TM-T82', available: false });
    await expect(kioskProbes({ ...deps, listPrinters: undefined }).printer()).rejects.toThrow(/cannot be listed/);
    expect(await kioskProbes({ ...deps, printerName: null }).printer()).toEqual({ name: null, available: false });
  });

  it('take device reports from the page only when well formed, and keep the last of each', () => {
    const devices = new DeviceReports(clock);
    expect(devices.report({ camera: { available: true, label: 'x', deviceId: 'abc' } })).toBe(false);
    expect(devices.report({ faceBackend: { backend: 'cpu', msPerFrame: 1 } })).toBe(false);
    expect(devices.report({ faceBackend: { backend: 'webgl', msPerFrame: 20 } })).toBe(true);
    expect(devices.report({ camera: { available: false } })).toBe(true);
    expect(devices.camera).toEqual({ available: false, reportedAt: NOW.toISOString() });
    expect(devices.faceBackend).toEqual({ backend: 'webgl', msPerFrame: 20, reportedAt: NOW.toISOString() });
  });
});
