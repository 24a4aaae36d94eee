import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { expectNoLeaks, looksLikeIdNumber, scanForLeaks } from '../../support/leakScan';

const [a, b] = DEMO_PERSONS;
const known = { knownNames: DEMO_PERSONS.map((p) => p.name), knownIds: DEMO_PERSONS.map((p) => p.certno) };
const tree = (files: Record<string, string>) => {
  const root = mkdtempSync(path.join(tmpdir(), 'facesettle-leak-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
};

describe('leak scan', () => {
  it('recognises ID numbers by their shape and birth date, whatever their check character', () => {
    for (const person of DEMO_PERSONS) expect(looksLikeIdNumber(person.certno)).toBe(true);
    expect(looksLikeIdNumber('11010519491231002x')).toBe(true);
    expect(looksLikeIdNumber('421202195813150017')).toBe(false);
    expect(looksLikeIdNumber('421202000003150017')).toBe(false);
    expect(looksLikeIdNumber('42120219580315001')).toBe(false);
  });

  it('passes masked values, msgids, person numbers and amounts', () => {
    const root = tree({
      'logs/facesettle.log': `${JSON.stringify({ msg: 'settled', name: '欧*明', id: '4212**********0017', msgid: 'H4212020000120261129010203000', psnNo: a!.psnNo, fen: 35200 })}\n`,
    });
    expect(scanForLeaks(root, known)).toEqual([]);
  });

  it('finds each kind of leak in nested files and reports it masked', () => {
    const root = tree({
      'logs/a.log': `patient ${a!.certno} ${b!.name}\n`,
      'logs/old/b.1.log': `{"t":"421200ec${'0F'.repeat(15)}","img":"data:image/png;base64,iVBOR"}\n`,
      'data/c.json': JSON.stringify({ crop: `/9j/${'Q'.repeat(200)}`, d: Array.from({ length: 64 }, (_, i) => i / 7) }),
      'data/escaped.json': JSON.stringify(a!.name).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    });
    const hits = scanForLeaks(root, known);
    expect(hits.map((h) => [h.file, h.kind])).toEqual([
      ['data/c.json', 'base64-image'],
      ['data/c.json', 'descriptor'],
      [path.join('data', 'escaped.json'), 'name'],
      [path.join('logs', 'a.log'), 'id-number'],
      [path.join('logs', 'a.log'), 'name'],
      [path.join('logs', 'old', 'b.1.log'), 'token'],
      [path.join('logs', 'old', 'b.1.log'), 'base64-image'],
    ]);
    for (const hit of hits) expect(hit.found).not.toContain(a!.certno);
    expect(() => expectNoLeaks([root], known)).toThrow(/personal data at rest \(7 hits\)/);
  });

  it('finds names and ID numbers inside a SQLite database and its WAL, also between other digits', () => {
    const root = tree({});
    const db = new DatabaseSync(path.join(root, 'journal.db'));
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('CREATE TABLE visits (psn_no TEXT, certno TEXT, name TEXT)');
    db.prepare('INSERT INTO visits VALUES (?, ?, ?)').run(b!.psnNo, b!.certno, b!.name);
    const hits = scanForLeaks(root, known);
    db.close();
    expect(hits.filter((h) => h.kind === 'id-number').length).toBeGreaterThan(0);
    expect(hits.filter((h) => h.kind === 'name').length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.file))).toEqual(new Set(['journal.db-wal']));
  });

  it("leaves out what the caller ignores, such as the sandbox platform's own database", () => {
    const root = tree({ 'sandbox/platform.json': a!.certno, 'logs/x.log': 'clean' });
    expect(scanForLeaks(root, { ...known, ignore: (file) => file.startsWith('sandbox') })).toEqual([]);
    expect(scanForLeaks(root, known)).toHaveLength(1);
  });
});
