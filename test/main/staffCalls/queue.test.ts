import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { defaultStaffCallBackoff, StaffCallQueue } from '../../../electron/core/staffCalls/queue';

const T0 = new Date('2026-11-30T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('the staff-call queue', () => {
  it('backs off 5 s doubling, capped at 5 minutes', () => {
    expect([1, 2, 3, 4, 6, 7, 20].map(defaultStaffCallBackoff)).toEqual([5_000, 10_000, 20_000, 40_000, 160_000, 300_000, 300_000]);
  });

  it('holds a failed call back until its back-off has passed, then offers it again', () => {
    const queue = new StaffCallQueue(new DatabaseSync(':memory:'), (attempt) => attempt * 1_000);
    const id = queue.add('S001', '{"ticket":"S001"}', T0);
    expect(queue.due(T0).map((c) => c.id)).toEqual([id]);
    queue.failed(id, T0, 'ECONNREFUSED');
    expect(queue.due(at(999))).toEqual([]);
    expect(queue.due(at(1_000))).toMatchObject([{ id, attempts: 1, body: '{"ticket":"S001"}' }]);
    queue.failed(id, at(1_000), 'HTTP 503');
    expect(queue.nextDueAt()).toBe(at(3_000).getTime());
    queue.delivered(id, at(3_000));
    expect(queue.isDelivered(id)).toBe(true);
    expect(queue.due(at(1_000_000))).toEqual([]);
    expect(queue.nextDueAt()).toBeUndefined();
  });

  it('keeps an undelivered call across a restart (a reopened database file)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'facesettle-staffq-')), 'kiosk.db');
    const before = new DatabaseSync(file);
    const q1 = new StaffCallQueue(before);
    const kept = q1.add('S002', '{"ticket":"S002"}', T0);
    const done = q1.add('S003', '{"ticket":"S003"}', T0);
    q1.failed(kept, T0, 'ECONNREFUSED');
    q1.delivered(done, T0);
    before.close();

    const q2 = new StaffCallQueue(new DatabaseSync(file));
    expect(q2.pending()).toBe(1);
    expect(q2.due(at(defaultStaffCallBackoff(1)))).toMatchObject([{ id: kept, ticket: 'S002', attempts: 1 }]);
    expect(q2.isDelivered(done)).toBe(true);
  });
});
