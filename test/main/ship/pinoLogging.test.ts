import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, type LogEntry } from '../../../electron/core/logging/logger';
import { REDACT_PATHS, spellings } from '../../../electron/core/logging/redactPaths';
import { RotatingFile } from '../../../electron/core/logging/rotatingFile';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';

const person = DEMO_PERSONS[0]!;
const capture = () => {
  const lines: string[] = [];
  const log = createLogger({ sink: { write: (l) => lines.push(l) }, clock: () => new Date('2026-11-30T01:02:03.000Z') });
  return { log, lines, entries: () => lines.map((l) => JSON.parse(l) as LogEntry & { data: any }) };
};

describe('the logger on pino', () => {
  it('writes one JSON object a line, nothing but the envelope, with the level by name', () => {
    const { log, lines } = capture();
    log.forRequest('r-1').error('platform refused', { infno: '2207' });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(false);
    expect(JSON.parse(lines[0]!)).toEqual({ level: 'error', time: '2026-11-30T01:02:03.000Z', source: 'main', requestId: 'r-1', msg: 'platform refused', data: { infno: '2207' } });
  });

  it('masks named fields by redaction path in the spellings the kiosk meets, and any other spelling by the value walk', () => {
    const { log, entries } = capture();
    log.info('identified', {
      psnName: person.name,
      psn_name: person.name,
      PSN_NAME: person.name,
      'mdtrt-cert-no': person.certno,
      headers: { authorization: 'Bearer abc', Authorization: 'Bearer abc', 'x-tif-signature': 'ab' },
      people: [{ name: person.name, certno: person.certno }],
    });
    const { data } = entries()[0]!;
    expect(data).toEqual({
      psnName: '欧*明',
      psn_name: '欧*明',
      PSN_NAME: '欧*明',
      'mdtrt-cert-no': '4212**********0017',
      headers: { authorization: '[redacted]', Authorization: '[redacted]', 'x-tif-signature': '[redacted]' },
      people: [{ name: '欧*明', certno: '4212**********0017' }],
    });
  });

  it('has a path at every depth the value walk writes, and writes nothing deeper', () => {
    expect(spellings('psnName')).toEqual(['psnName', 'psn_name', 'psn-name']);
    expect(REDACT_PATHS).toContain('data.*.*.*.*.psnName');
    const { log, entries } = capture();
    log.info('nested', { a: { b: { c: { d: { psnName: person.name } } } }, w: { x: { y: { z: { deeper: { psnName: person.name } } } } } });
    const { data } = entries()[0]!;
    expect(data.a.b.c.d.psnName).toBe('欧*明');
    expect(data.w.x.y.z.deeper).toBe('[too deep]');
  });

  it("masks Chinese in the page's free text, message and fields, where a name cannot be told from words", () => {
    const { log, entries, lines } = capture();
    expect(log.fromRenderer({ level: 'warn', msg: `顾客${person.name}说相机看不清 camera dark`, data: { note: `${person.name} 要找人工`, count: 2 } })).toBe(true);
    const entry = entries()[0]!;
    expect(entry).toMatchObject({ source: 'renderer', level: 'warn' });
    expect(entry.msg).toMatch(/^顾\*+清 camera dark$/);
    expect(entry.data).toEqual({ note: '欧*明 要**工', count: 2 });
    expect(lines.join('\n')).not.toContain(person.name);
  });

  it('never writes a token, an image or a descriptor from the page', () => {
    const { log, lines } = capture();
    log.fromRenderer({ level: 'info', msg: `token 421200ec${'A1B2C3D4'.repeat(3)}`, data: { frame: `/9j/${'A'.repeat(400)}`, v: Array.from({ length: 128 }, (_, i) => i / 7) } });
    const text = lines.join('\n');
    expect(text).toContain('[ecToken removed]');
    expect(text).toContain('[image removed]');
    expect(text).not.toMatch(/\/9j\/A{100}/);
    expect(text).toContain('[descriptor 128 floats removed]');
  });
});

describe('RotatingFile by day', () => {
  it('starts a new file when the China day turns, and keeps the size rule', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-day-'));
    let now = new Date('2026-11-30T15:59:00.000Z'); // 23:59 in China
    const file = new RotatingFile({ dir, clock: () => now });
    file.write('late on the 30th');
    now = new Date('2026-11-30T16:00:00.000Z'); // 00:00 on 1 December in China
    file.write('first of December');
    file.write('second of December');
    file.close();
    expect(readFileSync(path.join(dir, 'facesettle.1.log'), 'utf8')).toBe('late on the 30th\n');
    expect(readFileSync(path.join(dir, 'facesettle.log'), 'utf8')).toBe('first of December\nsecond of December\n');
  });

  it("rotates a file an earlier run last wrote yesterday before today's first line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-day-'));
    writeFileSync(path.join(dir, 'facesettle.log'), 'from yesterday\n');
    const yesterday = new Date('2026-11-29T04:00:00.000Z');
    utimesSync(path.join(dir, 'facesettle.log'), yesterday, yesterday);
    const file = new RotatingFile({ dir, clock: () => new Date('2026-11-30T04:00:00.000Z') });
    file.write('today');
    file.close();
    expect(file.files().map((f) => readFileSync(f, 'utf8'))).toEqual(['today\n', 'from yesterday\n']);
  });

  it('can be told not to rotate by day', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-day-'));
    let now = new Date('2026-11-30T15:59:00.000Z');
    const file = new RotatingFile({ dir, daily: false, clock: () => now });
    file.write('a');
    now = new Date('2026-12-01T15:59:00.000Z');
    file.write('b');
    file.close();
    expect(file.files()).toHaveLength(1);
  });
});
