import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKioskDb } from '../../../electron/settlement/db';
import { SettlementFailure } from '../../../electron/settlement/errors';
import { Journal, type NewEntry } from '../../../electron/settlement/journal';
import { MsgIdGenerator } from '../../../electron/settlement/nhsa/msgid';

const entry = (subject = 'outpatient:42120000000000000001'): NewEntry => ({
  infno: '2207',
  subject,
  psnNo: '42120000000000000001',
  insuplcAdmdvs: '421200',
  maskedName: '欧*明',
  mdtrtId: 'MD1',
  requestedFen: 4_520,
  detail: { billIds: ['B1'] },
});

describe('journal', () => {
  let dir: string;
  let path: string;
  const clock = () => new Date('2026-03-01T02:00:00Z');
  const open = () => {
    const db = openKioskDb(path);
    return { db, journal: new Journal(db, new MsgIdGenerator(db, 'H42120200001', '01', clock), clock) };
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journal-'));
    path = join(dir, 'kiosk.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('commits the pending row durably before the caller can send: a second connection sees it', () => {
    const { db, journal } = open();
    const row = journal.begin(entry());
    const other = openKioskDb(path);
    const seen = other.prepare('SELECT state, psn_no, masked_name FROM journal WHERE msgid = ?').get(row.msgid);
    expect(seen).toEqual({ state: 'pending', psn_no: '42120000000000000001', masked_name: '欧*明' });
    other.close();
    db.close();
  });

  it('refuses a second attempt on a subject while one is unresolved, and allows it once final', () => {
    const { db, journal } = open();
    const first = journal.begin(entry());
    expect(() => journal.begin(entry())).toThrow(SettlementFailure);
    journal.markUnknown(first.msgid, 'timeout', clock());
    expect(() => journal.begin(entry())).toThrow(expect.objectContaining({ code: 'SETTLEMENT_PENDING', reference: first.msgid }));
    journal.markReversed(first.msgid);
    const second = journal.begin(entry());
    expect(second.msgid).not.toBe(first.msgid);
    expect(journal.begin(entry('outpatient:other')).state).toBe('pending');
    db.close();
  });

  it('allows only the transitions of the state machine', () => {
    const { db, journal } = open();
    const a = journal.begin(entry('a'));
    journal.markDone(a.msgid, { setlId: 'S1', hisOwed: true });
    expect(() => journal.markReversed(a.msgid)).toThrow(/done -> reversed/);
    expect(() => journal.markFailed(a.msgid, 'x')).toThrow(/done -> failed/);
    expect(() => journal.markUnknown(a.msgid, 'x', clock())).toThrow();
    const b = journal.begin(entry('b'));
    expect(() => journal.markReversed(b.msgid)).toThrow(/pending -> reversed/);
    journal.markFailed(b.msgid, 'refused');
    expect(() => journal.markDone(b.msgid, {})).toThrow(/failed -> done/);
    expect(journal.hisOwed().map((r) => r.msgid)).toEqual([a.msgid]);
    journal.markHisPaid(a.msgid);
    expect(journal.hisOwed()).toEqual([]);
    db.close();
  });

  it('adopts rows a dead process left pending as unknown, on the same file', () => {
    const first = open();
    const row = first.journal.begin(entry());
    first.db.close(); // the process died here, between journal and send
    const second = open();
    expect(second.journal.adoptOrphans()).toBe(1);
    expect(second.journal.get(row.msgid)?.state).toBe('unknown');
    expect(second.journal.unknown().map((r) => r.msgid)).toEqual([row.msgid]);
    second.db.close();
  });
});
