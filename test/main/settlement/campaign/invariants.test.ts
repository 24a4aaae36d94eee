import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { TerminalConfig } from '../../../../shared/config/terminalConfig';
import { DEMO_PERSONS } from '../../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../../electron/settlement/engine';
import { journalPath, TEST_WINDOW_SECONDS } from '../engineOptions';
import { pharmacyConfig, startHarness, type Harness } from '../harness';
import { FLOWS } from './flows';
import { checkIntegrity } from './invariants';

/** The campaign's check must fail when the claim is broken, or its passing proves nothing. */
describe('integrity check', () => {
  const second: TerminalConfig = { ...pharmacyConfig, terminal: { ...pharmacyConfig.terminal, id: 'PHARM-09', name: '药房终端09', slot: '09' } };
  const terminals = [pharmacyConfig, second];
  const [a, c] = [DEMO_PERSONS[0]!, DEMO_PERSONS[2]!];
  const initial = new Map(DEMO_PERSONS.map((p) => [p.psnNo, p.accountBalanceFen]));
  let h: Harness;
  let one: SettlementEngine;
  let two: SettlementEngine;
  let msgid: string;
  let row: Record<string, unknown>;

  const check = () =>
    checkIntegrity({
      platformDb: join(h.dir, 'sandbox', 'sandbox.db'),
      journals: terminals.map((t) => ({ path: journalPath(h.dir, t), terminalId: t.terminal.id, institution: t.institution.code, slot: t.terminal.slot })),
      initialBalanceFen: initial,
      windowSeconds: TEST_WINDOW_SECONDS,
      skewSeconds: 1,
    });
  const insert = (db: DatabaseSync, values: Record<string, unknown>) =>
    db.prepare(`INSERT INTO journal (${Object.keys(values).join(', ')}) VALUES (${Object.keys(values).map(() => '?').join(', ')})`).run(...(Object.values(values) as string[]));
  const restore = () => {
    for (const engine of [one, two]) engine.db.prepare('DELETE FROM journal WHERE msgid = ?').run(msgid);
    insert(one.db, row);
  };

  beforeAll(async () => {
    h = await startHarness(pharmacyConfig);
    one = h.engine();
    two = h.engine({ config: second });
    // Both terminals of the institution at once, on different patients.
    await Promise.all([FLOWS.pharmacy!.run(one, a.certno, {}), FLOWS.pharmacy!.run(two, c.certno, {})]);
    row = one.db.prepare('SELECT * FROM journal').get() as Record<string, unknown>;
    msgid = String(row.msgid);
  });
  afterAll(() => h.close());
  afterEach(() => {
    restore();
    expect(check()).toEqual([]);
  });

  it('passes on honest work of two terminals', () => {
    expect(check()).toEqual([]);
    expect(msgid.slice(26, 28)).toBe('01');
    expect(String((two.db.prepare('SELECT msgid FROM journal').get() as { msgid: string }).msgid).slice(26, 28)).toBe('09');
  });

  it('names a row left unknown, and one waiting for staff, as stuck', () => {
    one.db.prepare("UPDATE journal SET state = 'unknown' WHERE msgid = ?").run(msgid);
    expect(check()).toEqual([
      `stuck: journal PHARM-01 2102 ${msgid} is unknown, not final`,
      `orphan: platform did 2102 ${msgid}, journal says unknown`,
      expect.stringMatching(new RegExp(`^money: balance of ${a.psnNo}: platform \\d+, journals imply ${a.accountBalanceFen}$`)),
    ]);
    one.db.prepare('UPDATE journal SET needs_staff = 1 WHERE msgid = ?').run(msgid);
    expect(check()).toContain(`stuck: journal PHARM-01 2102 ${msgid} is waiting for staff`);
  });

  it('names a msgid held by both journals, and by a terminal whose slot it does not carry', () => {
    insert(two.db, row);
    expect(check()).toEqual([
      `double: msgid ${msgid} is in 2 journals: PHARM-01, PHARM-09`,
      `double: journal PHARM-09 2102 ${msgid} is not a msgid of P42120200001 slot 09`,
      expect.stringMatching(/^money: balance of 42120000000000000001: platform \d+, journals imply \d+$/),
    ]);
    one.db.prepare('DELETE FROM journal WHERE msgid = ?').run(msgid);
    expect(check()).toEqual([
      `double: journal PHARM-09 2102 ${msgid} is not a msgid of P42120200001 slot 09`,
      expect.stringMatching(new RegExp(`^orphan: platform settlement \\S+ \\(msgid ${msgid}\\) is not in the journal of PHARM-01, whose slot it carries$`)),
    ]);
  });

  it('names what the platform did with no journal row (an orphan)', () => {
    one.db.prepare('DELETE FROM journal WHERE msgid = ?').run(msgid);
    expect(check()).toEqual([
      expect.stringMatching(new RegExp(`^orphan: platform settlement \\S+ \\(msgid ${msgid}\\) is not in the journal of PHARM-01`)),
      `orphan: platform did 2102 ${msgid} with no journal entry`,
      expect.stringMatching(new RegExp(`^money: balance of ${a.psnNo}: platform \\d+, journals imply ${a.accountBalanceFen}$`)),
    ]);
  });

  it('names a settlement a journal holds as done that the platform never made', () => {
    const invented = `${msgid.slice(0, 28)}${String((Number(msgid.slice(28)) + 50) % 100).padStart(2, '0')}`;
    insert(one.db, { ...row, msgid: invented, subject: 'invented', setl_id: 'S-INVENTED' });
    expect(check()).toEqual([
      `orphan: journal PHARM-01 2102 ${invented} done but the platform did not do it`,
      `orphan: journal PHARM-01 2102 ${invented} done but no platform settlement`,
      expect.stringMatching(/^money: balance of 42120000000000000001: platform \d+, journals imply \d+$/),
    ]);
    one.db.prepare('DELETE FROM journal WHERE msgid = ?').run(invented);
  });

  it('names a 共济 settlement whose journal forgets the relative who paid (issue 15)', async () => {
    const child = DEMO_PERSONS.find((p) => p.name === '欧阳乐乐')!;
    await FLOWS['pharmacy-family']!.run(one, child.certno, {});
    const family = one.db.prepare('SELECT msgid, payer_psn_no, amounts FROM journal WHERE psn_no = ?').get(child.psnNo) as { msgid: string; payer_psn_no: string; amounts: string };
    expect(family.payer_psn_no).toBe(a.psnNo);
    expect((JSON.parse(family.amounts) as { acctMulaidPay: number }).acctMulaidPay).toBeGreaterThan(0);
    expect(check()).toEqual([]);
    one.db.prepare('UPDATE journal SET payer_psn_no = NULL WHERE msgid = ?').run(family.msgid);
    expect(check()).toEqual([
      `money: journal PHARM-01 2102 ${family.msgid} amounts differ from the platform's`,
      expect.stringMatching(new RegExp(`^money: balance of ${a.psnNo}: platform \\d+, journals imply \\d+$`)),
    ]);
    one.db.prepare('UPDATE journal SET payer_psn_no = ? WHERE msgid = ?').run(a.psnNo, family.msgid);
  });

  it('names "never happened" concluded before the window closed, and a failed row the platform did', () => {
    const early = new Date(Date.parse(String(row.created_at)) + 1_500).toISOString();
    one.db.prepare("UPDATE journal SET state = 'failed', resolved_by = 'time', updated_at = ? WHERE msgid = ?").run(early, msgid);
    expect(check()).toEqual([
      `time: journal PHARM-01 2102 ${msgid} concluded never happened 1500 ms after it was written, before the window closed (${(TEST_WINDOW_SECONDS + 2) * 1000} ms)`,
      `orphan: journal PHARM-01 2102 ${msgid} failed in the journal but done on the platform`,
      `orphan: platform did 2102 ${msgid}, journal says failed`,
      expect.stringMatching(/^money: balance of 42120000000000000001/),
    ]);
  });
});
