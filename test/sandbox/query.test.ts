import { cstDate } from '../../sandbox/platform/wire';
import { EMPLOYEE, RESIDENT, outpatientSettlement } from './support/flows';
import { CJK, expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await t.hospital.signIn();
});
afterAll(() => t.stop());

describe('5203 settlement query', () => {
  test('answers the stored settlement, and its state after a cancel', async () => {
    const r = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: 'XC10AAA086B001010100', cnt: '1' }]);
    const query = { data: { psn_no: EMPLOYEE.psnNo, setl_id: r.settled.setlinfo.setl_id, mdtrt_id: r.mdtrtId } };
    const { output } = await t.hospital.ok('5203', query);
    expect(output.setlinfo).toEqual({ ...r.settled.setlinfo, vali_flag: '1', refd_setl_flag: '0' });
    expect(output.setldetail).toEqual(r.settled.setldetail);
    await t.hospital.ok('2208', { data: { setl_id: r.settled.setlinfo.setl_id, mdtrt_id: r.mdtrtId, psn_no: EMPLOYEE.psnNo } });
    expect((await t.hospital.ok('5203', query)).output.setlinfo.vali_flag).toBe('0');
  });

  test('refuses another person, another visit or an unknown setl_id', async () => {
    const r = await outpatientSettlement(t.hospital, RESIDENT, [{ code: '001102000010000', cnt: '1' }]);
    const setlId = r.settled.setlinfo.setl_id;
    expectRefusalOf(await t.hospital.refused('5203', { data: { psn_no: EMPLOYEE.psnNo, setl_id: setlId } }), 'input.data.setl_id');
    expectRefusalOf(await t.hospital.refused('5203', { data: { psn_no: RESIDENT.psnNo, setl_id: setlId, mdtrt_id: 'X' } }), 'input.data.mdtrt_id');
    await t.pharmacy.signIn();
    expectRefusalOf(await t.pharmacy.refused('5203', { data: { psn_no: RESIDENT.psnNo, setl_id: setlId } }), 'input.data.setl_id');
    // The settlement is there all along: the refusals are about who asks, not whether it exists.
    expect((await t.hospital.ok('5203', { data: { psn_no: RESIDENT.psnNo, setl_id: setlId } })).output.setlinfo.vali_flag).toBe('1');
  });
});

describe('3201 reconciliation against the platform totals', () => {
  test('stmt_rslt 0 balanced, 1 platform has more, 2 institution has more, 3 amounts differ', async () => {
    const a = await outpatientSettlement(t.hospital, RESIDENT, [{ code: 'XA02BCA076A001010100', cnt: '1' }]);
    const b = await outpatientSettlement(t.hospital, RESIDENT, [{ code: 'XJ01DCA064B002010100', cnt: '1' }]);
    await t.hospital.ok('2208', { data: { setl_id: b.settled.setlinfo.setl_id, mdtrt_id: b.mdtrtId, psn_no: RESIDENT.psnNo } });
    // The resident's 10.00 visit of the refusal test, then a (18.50), b (32.60) and b's cancel (-32.60).
    const today = cstDate(new Date());
    const hifp = (s: { hifp_pay: number }) => s.hifp_pay;
    const fund = Math.round((5 + hifp(a.settled.setlinfo)) * 100) / 100;
    const totals = { medfee_sumamt: 28.5, fund_pay_sumamt: fund, acct_pay: 0, fixmedins_setl_cnt: '4' };
    const reconcile = (over: Record<string, unknown> = {}) =>
      t.hospital.ok('3201', {
        data: { insutype: '390', clr_type: '11', setl_optins: '421200', stmt_begndate: today, stmt_enddate: today, ...totals, ...over },
      }).then((r) => r.output.stmtinfo);
    expect(await reconcile()).toEqual({ setl_optins: '421200', stmt_rslt: '0', stmt_rslt_dscr: '对平' });
    // The description is for people, in Chinese; the code is what a client acts on.
    for (const [over, rslt] of [[{ fixmedins_setl_cnt: 3 }, '1'], [{ fixmedins_setl_cnt: '5' }, '2'], [{ medfee_sumamt: 28.49 }, '3']] as const) {
      const stmt = await reconcile(over);
      expect(stmt.stmt_rslt).toBe(rslt);
      expect(stmt.stmt_rslt_dscr).toMatch(CJK);
      expect(stmt.stmt_rslt_dscr).not.toMatch(/[A-Za-z]/);
    }
    expect((await reconcile({ refd_setl_flag: '1', medfee_sumamt: -32.6, fund_pay_sumamt: -hifp(b.settled.setlinfo), fixmedins_setl_cnt: '1' })).stmt_rslt).toBe('0');
    expect((await reconcile({ stmt_begndate: '2000-01-01', stmt_enddate: '2000-01-31', medfee_sumamt: 0, fund_pay_sumamt: 0, fixmedins_setl_cnt: '0' })).stmt_rslt).toBe('0');
    expectRefusalOf(
      await t.hospital.refused('3201', { data: { insutype: '390', clr_type: '11', setl_optins: '421200', stmt_begndate: today, stmt_enddate: '2000-01-01', ...totals } }),
      'input.data.stmt_enddate',
    );
  });
});
