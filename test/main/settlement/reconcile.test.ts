import { join } from 'node:path';
import { DEMO_PERSONS, type DemoPerson } from '../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import type { JournalEntry } from '../../../electron/settlement/journal';
import { platformDate } from '../../../electron/settlement/time';
import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { exportDayCsv, reconcileDay } from '../../../electron/settlement/usecases/reconcile';
import { reverseOrphan } from '../../../electron/settlement/usecases/reverseOrphan';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import { fenToYuan, yuanToFen } from '../../../shared/money';
import type { SettlementReceipt } from '../../../shared/types/settlement';
import { OPERATOR, pharmacyConfig, startHarness, type Harness } from './harness';

/**
 * Two terminals of ONE pharmacy (same institution code, slots 01 and 02, their own journals)
 * settling in the same seconds against the real sandbox: 3201 counts the whole institution,
 * so each terminal's own verdict must come from the per-settlement check (9101/3202/9102).
 */
describe('day-end reconciliation a terminal can trust', () => {
  let h: Harness;
  let a: SettlementEngine;
  let b: SettlementEngine;
  const day = platformDate(new Date());
  const [p0, p1, p2, p3] = DEMO_PERSONS as [DemoPerson, DemoPerson, DemoPerson, DemoPerson];

  beforeAll(async () => {
    h = await startHarness(pharmacyConfig);
    const terminal = (id: string, slot: string) => ({ config: { ...pharmacyConfig, terminal: { ...pharmacyConfig.terminal, id, slot } } });
    a = h.engine({ ...terminal('PHARM-01', '01'), dbPath: join(h.dir, 'kiosk-a.db') });
    b = h.engine({ ...terminal('PHARM-02', '02'), dbPath: join(h.dir, 'kiosk-b.db') });
  });
  afterAll(() => h.close());

  async function buy(engine: SettlementEngine, person: DemoPerson, code: string, cnt: number): Promise<SettlementReceipt> {
    const id = await identifyByIdNumber(engine.ctx, { certno: person.certno });
    if (!id.ok) throw new Error(id.error.code);
    const quote = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: code, cnt }] });
    if (!quote.ok) throw new Error(quote.error.code);
    const settled = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    return settled.value.receipt;
  }

  async function report(engine: SettlementEngine) {
    const answer = await reconcileDay(engine.ctx, { day });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.value;
  }

  const own = (engine: SettlementEngine) => engine.ctx.journal.settledOn(day);

  it('each terminal balances its own settlements and counts the other terminal’s apart', async () => {
    await Promise.all([buy(a, p0, 'YP0001', 1), buy(b, p2, 'YP0002', 2)]);
    const [, settledB] = await Promise.all([buy(a, p1, 'YP0003', 1), buy(b, p3, 'YP0001', 2)]);
    const cancelled = await cancelSettlement(b.ctx, { setlId: settledB.setlId, ...OPERATOR });
    expect(cancelled).toMatchObject({ ok: true, value: { status: 'settled' } });
    expect(own(a).map((r) => r.msgid.slice(26, 28))).toEqual(['01', '01']);
    expect(own(b).map((r) => r.msgid.slice(26, 28))).toEqual(['02', '02', '02']);

    const [ra, rb] = [await report(a), await report(b)];
    for (const [r, mine, theirs] of [[ra, a, b], [rb, b, a]] as const) {
      expect(r).toMatchObject({ balanced: true, problems: [], orphans: [], pending: [] });
      expect(r.otherTerminals).toBe(own(theirs).length);
      expect(r.groups.reduce((n, g) => n + g.count, 0)).toBe(own(mine).length);
      // What the old check reported as the verdict: the institution's totals are not this terminal's.
      expect(r.groups.every((g) => g.verdict === 'balanced' && g.detailChecked && g.totals === 'platform-has-more')).toBe(true);
      expect(r.explanation).toContain(`其他终端/窗口的结算 ${own(theirs).length} 笔`);
    }
  });

  let orphan: { msgid: string; setlId: string; medfeeFen: number };

  it('finds an orphan carrying this terminal’s msgid on that terminal only, named and masked', async () => {
    const receipt = await buy(a, p0, 'YP0007', 1);
    orphan = { msgid: receipt.msgid, setlId: receipt.setlId, medfeeFen: receipt.totalFen };
    // The journal loses the row (a restored backup): the platform still has the settlement.
    a.db.prepare('DELETE FROM journal WHERE msgid = ?').run(receipt.msgid);

    const ra = await report(a);
    expect(ra.balanced).toBe(false);
    expect(ra.orphans).toEqual([
      expect.objectContaining({
        ...orphan,
        maskedPsnNo: `${p0.psnNo.slice(0, 4)}…${p0.psnNo.slice(-4)}`,
        maskedName: '欧*明',
        journalState: 'none',
        refund: false,
        time: expect.stringMatching(new RegExp(`^${day} \\d{2}:\\d{2}:\\d{2}$`)),
      }),
    ]);
    expect(ra.groups.some((g) => g.verdict === 'problems')).toBe(true);
    expect(ra.explanation).toContain('1 笔医保中心有、本终端流水中没有的结算');
    const shown = JSON.stringify(ra);
    for (const secret of [p0.psnNo, p0.name, p0.certno]) expect(shown).not.toContain(secret);

    const rb = await report(b);
    expect(rb).toMatchObject({ balanced: true, orphans: [], problems: [] });
    expect(rb.otherTerminals).toBe(own(a).length + 1);
  });

  it('reverses the orphan on the platform behind a staff PIN, with an audit line', async () => {
    const request = { msgid: orphan.msgid, operatorId: OPERATOR.operatorId, reason: '日终对账发现，核实为重复扣费' };
    expect(await reverseOrphan(a.ctx, { ...request, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await reverseOrphan(b.ctx, { ...request, pin: OPERATOR.pin })).toMatchObject({ ok: false, error: { code: 'SETTLEMENT_NOT_FOUND' } });
    expect(a.ctx.staff.lines(orphan.msgid)).toEqual([]);
    expect((await h.admin.settlements({ msgid: orphan.msgid }))[0]?.state).toBe('valid');
    const balanceBefore = await h.admin.balanceFen(p0.psnNo);

    const reversed = await reverseOrphan(a.ctx, { ...request, pin: OPERATOR.pin });
    expect(reversed).toMatchObject({ ok: true, value: { msgid: orphan.msgid, state: 'reversed' } });
    expect((await h.admin.settlements({ msgid: orphan.msgid }))[0]?.state).toBe('reversed');
    const [platformRecord] = await h.admin.settlements({ msgid: orphan.msgid });
    expect(await h.admin.balanceFen(p0.psnNo)).toBe(balanceBefore + Math.round(platformRecord!.acct_pay * 100));
    expect(a.ctx.staff.lines(orphan.msgid)).toEqual([
      expect.objectContaining({ operatorId: OPERATOR.operatorId, resolution: 'reopened-for-reversal', reason: request.reason }),
    ]);
    expect(a.ctx.journal.get(orphan.msgid)).toMatchObject({ state: 'reversed', psnNo: p0.psnNo, setlId: orphan.setlId });
    // Offered once: handed over, it is the journal's.
    expect(await reverseOrphan(a.ctx, { ...request, pin: OPERATOR.pin })).toMatchObject({ ok: false, error: { code: 'SETTLEMENT_NOT_FOUND' } });
    expect(await report(a)).toMatchObject({ balanced: true, orphans: [] });
  });

  it('reports a settlement recovery is still confirming as 确认中, not as an orphan', async () => {
    const [row] = own(a);
    a.db.prepare("UPDATE journal SET state = 'unknown' WHERE msgid = ?").run(row!.msgid);
    try {
      const ra = await report(a);
      expect(ra).toMatchObject({ balanced: true, orphans: [], pending: [expect.objectContaining({ msgid: row!.msgid, setlId: row!.setlId })] });
      expect(ra.explanation).toContain('仍在确认中');
    } finally {
      a.db.prepare("UPDATE journal SET state = 'done' WHERE msgid = ?").run(row!.msgid);
    }
  });

  it('names a settlement whose amounts differ from the platform’s', async () => {
    const row = own(a)[0]!;
    const amounts = { ...row.amounts!, medfeeSumamt: row.amounts!.medfeeSumamt + 100, psnCashPay: row.amounts!.psnCashPay + 100 };
    a.db.prepare('UPDATE journal SET amounts = ? WHERE msgid = ?').run(JSON.stringify(amounts), row.msgid);
    try {
      const ra = await report(a);
      expect(ra.balanced).toBe(false);
      expect(ra.problems).toEqual([
        expect.objectContaining({
          kind: 'amounts-differ',
          msgid: row.msgid,
          setlId: row.setlId,
          terminal: expect.objectContaining({ medfeeFen: amounts.medfeeSumamt }),
          platform: expect.objectContaining({ medfeeFen: row.amounts!.medfeeSumamt }),
        }),
      ]);
      expect(await report(b)).toMatchObject({ balanced: true, problems: [] });
    } finally {
      a.db.prepare('UPDATE journal SET amounts = ? WHERE msgid = ?').run(JSON.stringify(row.amounts), row.msgid);
    }
  });

  it('says a group is unchecked, not balanced, when the per-settlement check cannot be done', async () => {
    await h.admin.fault({ infno: '3202', mode: 'error', errMsg: '系统维护中', times: 2 });
    try {
      const ra = await report(a);
      expect(ra.balanced).toBe(false);
      expect(ra.groups.every((g) => g.verdict === 'unchecked' && !g.detailChecked && g.detailProblem?.includes('医保平台未受理'))).toBe(true);
      expect(ra.explanation).toContain('未能完成明细对账');
    } finally {
      await h.admin.clearFaults();
    }
    expect(await report(a)).toMatchObject({ balanced: true });
  });

  it('takes a refused 9102 as a refusal, not as a file', async () => {
    const input = { fsDownloadIn: { file_qury_no: '4212002026113000000000009999', filename: 'x.zip', fixmedins_code: pharmacyConfig.institution.code } };
    await expect(a.ctx.gateway.download('9102', input)).rejects.toMatchObject({ code: 'PLATFORM_REJECTED', refused: true });
  });

  it('exports the terminal’s day as CSV whose totals are the journal’s', async () => {
    for (const engine of [a, b]) {
      const rows: JournalEntry[] = own(engine);
      const answer = await exportDayCsv(engine.ctx, { day });
      if (!answer.ok) throw new Error(answer.error.code);
      const { csv, count } = answer.value;
      expect(csv.startsWith('\uFEFF结算时间,报文ID,结算ID')).toBe(true);
      expect(csv).not.toContain('"');
      const lines = csv.slice(1).split('\r\n').filter(Boolean).map((l) => l.split(','));
      const [header, ...body] = lines;
      const data = body.slice(0, -1);
      const total = body.at(-1)!;
      expect(count).toBe(rows.length);
      expect(data.map((l) => l[1])).toEqual(rows.map((r) => r.msgid));
      expect(total.slice(0, 2)).toEqual(['合计', `${rows.length}笔`]);
      const columns = { 医疗费总额: 'medfeeSumamt', 基金支付: 'fundPaySumamt', 个人账户支付: 'acctPay', 现金支付: 'psnCashPay' } as const;
      for (const [title, field] of Object.entries(columns)) {
        const at = header!.indexOf(title);
        const journal = rows.reduce((s, r) => s + r.amounts![field], 0);
        expect(total[at]).toBe(fenToYuan(journal));
        expect(data.reduce((s, l) => s + yuanToFen(l[at]!), 0)).toBe(journal);
      }
      for (const person of DEMO_PERSONS) expect(csv).not.toContain(person.name);
    }
  });
});
