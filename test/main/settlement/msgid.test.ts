import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { openKioskDb } from '../../../electron/settlement/db';
import { MsgIdGenerator } from '../../../electron/settlement/nhsa/msgid';

const INSTITUTION = 'H42120200001';

describe('msgid', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'msgid-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is institution code + China-time stamp + 4-digit sequence, 30 characters', () => {
    const db = openKioskDb(join(dir, 'k.db'));
    const gen = new MsgIdGenerator(db, INSTITUTION, () => new Date('2026-03-01T02:03:04.500Z'));
    expect(gen.next()).toBe('H42120200001202603011003040000');
    expect(gen.next()).toBe('H42120200001202603011003040001');
    db.close();
  });

  it('never repeats across restarts and a clock stepped backwards', () => {
    const path = join(dir, 'k.db');
    let now = new Date('2026-03-01T02:03:04Z').getTime();
    const seen = new Set<string>();
    const take = (n: number) => {
      const db = openKioskDb(path);
      const gen = new MsgIdGenerator(db, INSTITUTION, () => new Date(now));
      for (let i = 0; i < n; i++) {
        const id = gen.next();
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      db.close();
    };
    take(3);
    now -= 3_600_000; // NTP stepped the clock back an hour, then the kiosk restarted
    take(3);
    now += 7_200_000;
    take(2);
    expect(seen.size).toBe(8);
    const sorted = [...seen].sort();
    expect(sorted).toEqual([...seen]); // issued in increasing order
  });

  it('rolls a full second over to the next one instead of reusing a sequence', () => {
    const db = openKioskDb(join(dir, 'k.db'));
    const gen = new MsgIdGenerator(db, INSTITUTION, () => new Date('2026-03-01T15:59:59Z'));
    let last = '';
    for (let i = 0; i < 10_001; i++) last = gen.next();
    expect(last).toBe('H42120200001202603020000000000');
    db.close();
  });

  it('is strictly increasing for any sequence of clock readings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 1, maxLength: 60 }), (steps) => {
        const db = openKioskDb(':memory:');
        let now = Date.UTC(2026, 0, 1);
        const gen = new MsgIdGenerator(db, INSTITUTION, () => new Date(now));
        let previous = '';
        for (const step of steps) {
          now += step;
          const id = gen.next();
          expect(id.length).toBe(30);
          expect(id > previous).toBe(true);
          previous = id;
        }
        db.close();
      }),
      { numRuns: 100 },
    );
  });
});
