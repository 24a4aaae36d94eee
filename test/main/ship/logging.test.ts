import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, type LogEntry } from '../../../electron/core/logging/logger';
import { redact, redactText } from '../../../electron/core/logging/redact';
import { RotatingFile } from '../../../electron/core/logging/rotatingFile';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { scanForLeaks } from '../../support/leakScan';

const person = DEMO_PERSONS[0]!;
const ecToken = `421200ec${'A1B2C3D4E5'.repeat(3)}`;
const jpegBase64 = `/9j/4AAQSkZJRgABAQ${'AQEBLAEsAAD'.repeat(40)}`;
const descriptor = Array.from({ length: 1024 }, (_, i) => Math.sin(i) / 3);
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'facesettle-logs-'));
const readLines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

/** What a careless caller might hand the logger about one identification. */
const carelessPayload = () => ({
  psn_name: person.name,
  certno: person.certno,
  identity: { userName: person.name, idNo: person.certno, ecToken },
  note: `patient ${person.certno} matched with token ${ecToken}`,
  capture: `data:image/jpeg;base64,${jpegBase64}`,
  bestFrame: jpegBase64,
  descriptor,
  embedding: new Float32Array(descriptor),
  headers: { 'x-tif-signature': 'ab'.repeat(32), 'x-tif-paasid': 'facesettle-demo' },
});

describe('RotatingFile', () => {
  it('rotates by size, keeps N files and loses no line among those kept', () => {
    const dir = tempDir();
    const file = new RotatingFile({ dir, name: 'kiosk', maxBytes: 200, maxFiles: 3 });
    for (let i = 0; i < 40; i++) file.write(`line ${String(i).padStart(3, '0')} ${'x'.repeat(30)}`);
    file.close();
    const files = file.files();
    expect(files.map((f) => path.basename(f))).toEqual(['kiosk.log', 'kiosk.1.log', 'kiosk.2.log']);
    for (const f of files) expect(statSync(f).size).toBeLessThanOrEqual(200);
    const kept = [...files].reverse().flatMap(readLines).map((line) => Number(line.split(' ')[1]));
    expect(kept[kept.length - 1]).toBe(39);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 40 - kept.length + i));
  });

  it('counts what an earlier run left in the file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'kiosk.log'), 'x'.repeat(190) + '\n');
    const file = new RotatingFile({ dir, name: 'kiosk', maxBytes: 200, maxFiles: 2 });
    file.write('one more line');
    file.close();
    expect(readLines(path.join(dir, 'kiosk.log'))).toEqual(['one more line']);
    expect(statSync(path.join(dir, 'kiosk.1.log')).size).toBe(191);
  });

  it('keeps the files to the kiosk account', () => {
    const dir = tempDir();
    const file = new RotatingFile({ dir });
    file.write('x');
    file.close();
    if (process.platform !== 'win32') expect(statSync(path.join(dir, 'facesettle.log')).mode & 0o077).toBe(0);
  });
});

describe('logger', () => {
  const capture = () => {
    const lines: string[] = [];
    const clock = () => new Date('2026-11-29T01:02:03.000Z');
    return { lines, entries: () => lines.map((l) => JSON.parse(l) as LogEntry), sink: { write: (l: string) => lines.push(l) }, clock };
  };

  it('writes one JSON object per line with level, source, request id and data', () => {
    const c = capture();
    const log = createLogger({ sink: c.sink, clock: c.clock });
    const visit = log.forRequest();
    visit.info('identify started', { mode: 'cashier', attempt: 1 });
    log.forRequest('fixed-id').warn('slow platform', { latencyMs: 2400 });
    log.debug('dropped below info');
    expect(visit.requestId).toMatch(/^[0-9a-f]{12}$/);
    expect(c.entries()).toEqual([
      { time: '2026-11-29T01:02:03.000Z', level: 'info', source: 'main', requestId: visit.requestId, msg: 'identify started', data: { mode: 'cashier', attempt: 1 } },
      { time: '2026-11-29T01:02:03.000Z', level: 'warn', source: 'main', requestId: 'fixed-id', msg: 'slow platform', data: { latencyMs: 2400 } },
    ]);
    expect(log.forRequest().requestId).not.toBe(visit.requestId);
  });

  it('takes renderer lines through IPC only when well formed', () => {
    const c = capture();
    const log = createLogger({ sink: c.sink, clock: c.clock });
    expect(log.fromRenderer({ level: 'error', msg: 'camera lost', data: { psnName: person.name }, requestId: 'r-1' })).toBe(true);
    expect(log.fromRenderer({ level: 'fatal', msg: 'x' })).toBe(false);
    expect(log.fromRenderer({ level: 'info', msg: 'x', stack: 'injected' })).toBe(false);
    const [fromPage, rejected, rejectedToo] = c.entries();
    expect(fromPage).toMatchObject({ level: 'error', source: 'renderer', requestId: 'r-1', data: { psnName: '欧*明' } });
    expect(rejected).toMatchObject({ level: 'warn', source: 'main', msg: 'renderer log entry rejected' });
    expect(rejectedToo?.msg).toBe('renderer log entry rejected');
  });
});

describe('redaction', () => {
  it('masks names and ID numbers, removes tokens, secrets, images and descriptors', () => {
    const out = redact(carelessPayload()) as Record<string, any>;
    expect(out.psn_name).toBe('欧*明');
    expect(out.certno).toBe('4212**********0017');
    expect(out.identity).toEqual({ userName: '欧*明', idNo: '4212**********0017', ecToken: '[redacted]' });
    expect(out.note).toBe('patient 4212**********0017 matched with token [ecToken removed]');
    expect(out.capture).toBe('[image removed]');
    expect(out.bestFrame).toBe('[image removed]');
    expect(out.descriptor).toBe('[descriptor removed]');
    expect(out.embedding).toBe('[descriptor removed]');
    expect(out.headers).toEqual({ 'x-tif-signature': '[redacted]', 'x-tif-paasid': 'facesettle-demo' });
  });

  it('finds images and descriptors by shape whatever the field is called', () => {
    const out = redact({ blob: jpegBase64, scores: descriptor.slice(0, 128), amountsFen: [100, 250, 300], nested: { list: [new Float32Array(4), Buffer.from('abc')] } }) as Record<string, any>;
    expect(out.blob).toMatch(/^\[base64 \d+ chars removed\]$/);
    expect(out.scores).toBe('[descriptor 128 floats removed]');
    expect(out.amountsFen).toEqual([100, 250, 300]);
    expect(out.nested.list).toEqual(['[descriptor 4 floats removed]', '[binary 3 bytes removed]']);
    expect(redactText(`vector ${descriptor.slice(0, 20).join(', ')} end`)).toBe('vector [descriptor removed] end');
  });

  it('leaves what support needs: msgids, amounts, codes, and shorter or longer digit runs', () => {
    const text = 'msgid H4212020000120261129010203000 2207 settled 12345.67 psn 42120000000000000001';
    expect(redactText(text)).toBe(text);
  });

  it('redacts error messages and stacks, survives cycles and bounds what it writes', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const out = redact({ error: new Error(`no person for ${person.certno}`), cyclic, long: 'y'.repeat(5000) }) as Record<string, any>;
    expect(out.error.message).toBe('no person for 4212**********0017');
    expect(out.error.stack).not.toContain(person.certno);
    expect(out.cyclic.self).toBe('[circular]');
    expect(out.long.length).toBeLessThan(2100);
  });

  it('leaves nothing the leak scan finds in rotated log files, which the raw payload would fail', () => {
    const dir = tempDir();
    const file = new RotatingFile({ dir, maxBytes: 4096, maxFiles: 4 });
    const log = createLogger({ sink: file });
    for (let i = 0; i < 20; i++) {
      log.forRequest().info('identification', carelessPayload());
      log.fromRenderer({ level: 'warn', msg: `retry for ${person.certno}`, data: { name: person.name, frame: jpegBase64 } });
    }
    file.close();
    expect(file.files().length).toBe(4);
    const known = { knownNames: [person.name], knownIds: [person.certno] };
    expect(scanForLeaks(dir, known)).toEqual([]);

    const raw = tempDir();
    writeFileSync(path.join(raw, 'raw.log'), JSON.stringify(carelessPayload()));
    expect(new Set(scanForLeaks(raw, known).map((hit) => hit.kind))).toEqual(new Set(['name', 'id-number', 'token', 'base64-image', 'descriptor']));
  });
});
