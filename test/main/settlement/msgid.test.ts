import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { openKioskDb } from '../../../electron/settlement/db';
import { MsgIdGenerator, slotOf } from '../../../electron/settlement/nhsa/msgid';
import { compactStamp, parseCompactStamp } from '../../../electron/settlement/time';
import { seededRandom, testSeed } from '../../support/seed';

const INSTITUTION = 'H42120200001';
const stampOf = (msgid: string) => msgid.slice(12, 26);
const counterOf = (msgid: string) => msgid.slice(28);
const plusSeconds = (stamp: string, seconds: number) => compactStamp(new Date(parseCompactStamp(stamp).getTime() + seconds * 1000));

/** The table and row the pre-slot generator (4-digit per-second sequence) left behind. */
function writeOldFormatState(db: DatabaseSync, institution: string, lastSecond: string, lastSeq: number): void {
  db.exec(`CREATE TABLE msgid_state (
    institution TEXT PRIMARY KEY, last_second TEXT NOT NULL, last_seq INTEGER NOT NULL)`);
  db.prepare('INSERT INTO msgid_state (institution, last_second, last_seq) VALUES (?, ?, ?)').run(institution, lastSecond, lastSeq);
}

describe('msgid', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'msgid-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is institution code + China-time stamp + terminal slot + 2-digit counter, 30 characters', () => {
    const db = openKioskDb(join(dir, 'k.db'));
    const gen = new MsgIdGenerator(db, INSTITUTION, '07', () => new Date('2026-03-01T02:03:04.500Z'));
    expect(gen.next()).toBe('H42120200001202603011003040700');
    expect(gen.next()).toBe('H42120200001202603011003040701');
    db.close();
  });

  it('keeps two terminals of one institution apart in the same seconds', () => {
    const seed = testSeed('msgid two terminals');
    const random = seededRandom(seed);
    let now = Date.UTC(2026, 2, 1, 2, 0, 0);
    const clock = () => new Date(now);
    // One database each, as two kiosks have; in memory, as 20 000 fsyncs prove nothing more here.
    const dbs = [openKioskDb(':memory:'), openKioskDb(':memory:')];
    const gens = [new MsgIdGenerator(dbs[0]!, INSTITUTION, '03', clock), new MsgIdGenerator(dbs[1]!, INSTITUTION, '04', clock)];
    const issued: string[][] = [[], []];
    // Both terminals serve patients in the same seconds, in an order neither controls.
    while (issued[0]!.length < 10_000 || issued[1]!.length < 10_000) {
      const pick = issued[0]!.length === 10_000 ? 1 : issued[1]!.length === 10_000 ? 0 : random() < 0.5 ? 0 : 1;
      issued[pick]!.push(gens[pick]!.next());
      now += Math.floor(random() * 20);
    }
    const [a, b] = issued as [string[], string[]];
    const setA = new Set(a);
    const setB = new Set(b);
    expect(setA.size).toBe(10_000);
    expect(setB.size).toBe(10_000);
    expect(a.filter((id) => setB.has(id))).toEqual([]);
    for (const [ids, slot] of [[a, '03'], [b, '04']] as const) {
      expect(ids.every((id) => id.length === 30 && id.startsWith(INSTITUTION) && slotOf(id) === slot)).toBe(true);
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    }
    // The hazard was really there: same seconds, same counters; only the slot tells them apart.
    const withoutSlot = (id: string) => stampOf(id) + counterOf(id);
    const bare = new Set(b.map(withoutSlot));
    expect(a.filter((id) => bare.has(withoutSlot(id))).length).toBeGreaterThan(5_000);
    for (const db of dbs) db.close();
  });

  it('never repeats across restarts and a clock stepped backwards, continuing after the persisted second', () => {
    const path = join(dir, 'k.db');
    let now = new Date('2026-03-01T02:03:04Z').getTime();
    const issued: string[] = [];
    const take = (n: number) => {
      const db = openKioskDb(path);
      const gen = new MsgIdGenerator(db, INSTITUTION, '01', () => new Date(now));
      for (let i = 0; i < n; i++) issued.push(gen.next());
      db.close();
    };
    take(3);
    now -= 3_600_000; // NTP stepped the clock back an hour, then the kiosk restarted
    take(3);
    expect(issued.slice(3).map(stampOf)).toEqual(['20260301100304', '20260301100304', '20260301100304']);
    expect(issued.slice(3).map(counterOf)).toEqual(['03', '04', '05']);
    now += 7_200_000;
    take(2);
    expect(issued.slice(6).map(stampOf)).toEqual(['20260301110304', '20260301110304']);
    expect(new Set(issued).size).toBe(8);
    expect([...issued].sort()).toEqual(issued); // issued in increasing order
  });

  it('rolls the 101st msgid of a second over to the next second instead of reusing a counter', () => {
    const db = openKioskDb(join(dir, 'k.db'));
    const gen = new MsgIdGenerator(db, INSTITUTION, '05', () => new Date('2026-03-01T15:59:59Z'));
    const ids = Array.from({ length: 101 }, () => gen.next());
    expect(ids[99]).toBe('H42120200001202603012359590599');
    expect(ids[100]).toBe('H42120200001202603020000000500');
    expect(new Set(ids).size).toBe(101);
    db.close();
  });

  it('is strictly increasing for any sequence of clock readings', () => {
    const seed = testSeed('msgid monotonic');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 1, maxLength: 300 }), (steps) => {
        const db = openKioskDb(':memory:');
        let now = Date.UTC(2026, 0, 1);
        const gen = new MsgIdGenerator(db, INSTITUTION, '42', () => new Date(now));
        let previous = '';
        for (const step of steps) {
          now += step;
          const id = gen.next();
          expect(id.length).toBe(30);
          expect(id.startsWith(`${INSTITUTION}`)).toBe(true);
          expect(id > previous).toBe(true);
          previous = id;
        }
        db.close();
      }),
      { numRuns: 100, seed },
    );
  });

  describe('upgrade from the pre-slot format', () => {
    it('starts after the second the old generator last used, whatever it had spent in it', () => {
      const db = openKioskDb(join(dir, 'k.db'));
      writeOldFormatState(db, INSTITUTION, '20260301100304', 500);
      const gen = new MsgIdGenerator(db, INSTITUTION, '00', () => new Date('2026-03-01T02:03:04Z'));
      const first = gen.next();
      expect(first).toBe('H42120200001202603011003050000');
      // Every suffix the old code could have issued in its last second stays below.
      expect(first > `${INSTITUTION}202603011003049999`).toBe(true);
      db.close();
    });

    it('never issues a msgid at or below one the old generator issued, for any old state and clock', () => {
      const seed = testSeed('msgid migration');
      const base = Date.UTC(2026, 2, 1, 2, 0, 0);
      fc.assert(
        fc.property(
          fc.integer({ min: -7_200, max: 7_200 }),
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: -7_200_000, max: 7_200_000 }),
          fc.integer({ min: 0, max: 99 }),
          (oldOffset, oldSeq, clockOffset, slot) => {
            const db = openKioskDb(':memory:');
            const oldSecond = compactStamp(new Date(base + oldOffset * 1000));
            writeOldFormatState(db, INSTITUTION, oldSecond, oldSeq);
            const gen = new MsgIdGenerator(db, INSTITUTION, String(slot).padStart(2, '0'), () => new Date(base + clockOffset));
            const first = gen.next();
            expect(first > `${INSTITUTION}${oldSecond}9999`).toBe(true);
            expect(stampOf(first) >= compactStamp(new Date(base + clockOffset))).toBe(true);
            db.close();
          },
        ),
        { numRuns: 200, seed },
      );
    });

    it('seeds a slot once: a restart continues the counter instead of skipping a second', () => {
      const path = join(dir, 'k.db');
      const clock = () => new Date('2026-03-01T02:03:04Z');
      const db = openKioskDb(path);
      writeOldFormatState(db, INSTITUTION, '20260301100304', 12);
      expect(new MsgIdGenerator(db, INSTITUTION, '09', clock).next()).toBe('H42120200001202603011003050900');
      db.close();
      const again = openKioskDb(path);
      expect(new MsgIdGenerator(again, INSTITUTION, '09', clock).next()).toBe('H42120200001202603011003050901');
      again.close();
    });

    it("ignores another institution's old row", () => {
      const db = openKioskDb(':memory:');
      writeOldFormatState(db, 'P42120200001', '20260301100304', 9999);
      const gen = new MsgIdGenerator(db, INSTITUTION, '01', () => new Date('2026-03-01T02:03:04Z'));
      expect(gen.next()).toBe('H42120200001202603011003040100');
      db.close();
    });

    it('gives a terminal moved to another slot a later second than anything its database issued', () => {
      const db = openKioskDb(':memory:');
      const clock = () => new Date('2026-03-01T02:03:04Z');
      const before = new MsgIdGenerator(db, INSTITUTION, '02', clock);
      const last = Array.from({ length: 150 }, () => before.next()).at(-1)!;
      expect(stampOf(last)).toBe('20260301100305');
      const after = new MsgIdGenerator(db, INSTITUTION, '01', clock);
      const first = after.next();
      expect(first).toBe(`${INSTITUTION}${plusSeconds(stampOf(last), 1)}0100`);
      db.close();
    });
  });

  describe('whose msgid', () => {
    it('reads the slot out of a msgid, and nothing out of what is not one', () => {
      expect(slotOf('H42120200001202603011003040713')).toBe('07');
      expect(slotOf('P42120200001202603011003049900')).toBe('99');
      for (const bad of ['', 'H4212020000120260301100304071', 'H420120200001202603011003040713', 'H42120200001202603011003040a13', 'H42120200001-02603011003040713']) {
        expect(slotOf(bad)).toBeUndefined();
      }
    });

    it('owns exactly its own institution and slot', () => {
      const db = openKioskDb(':memory:');
      const clock = () => new Date('2026-03-01T02:03:04Z');
      const mine = new MsgIdGenerator(db, INSTITUTION, '07', clock);
      const other = new MsgIdGenerator(openKioskDb(':memory:'), INSTITUTION, '08', clock);
      const pharmacy = new MsgIdGenerator(openKioskDb(':memory:'), 'P42120200001', '07', clock);
      const own = mine.next();
      expect(mine.isOwn(own)).toBe(true);
      expect(mine.isOwn(other.next())).toBe(false);
      expect(mine.isOwn(pharmacy.next())).toBe(false);
      expect(other.isOwn(own)).toBe(false);
      expect(mine.isOwn(own.slice(0, 29))).toBe(false);
      db.close();
    });
  });

  it('refuses a slot that is not two digits', () => {
    const db = openKioskDb(':memory:');
    for (const slot of ['', '1', '100', 'ab', '0a', ' 1']) {
      expect(() => new MsgIdGenerator(db, INSTITUTION, slot, () => new Date())).toThrow(/slot/);
    }
    db.close();
  });
});
