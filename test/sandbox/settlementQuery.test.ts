import { cstDate } from '../../sandbox/platform/wire';
import { EMPLOYEE, RESIDENT, outpatientSettlement } from './support/flows';
import { purchaseInput } from './support/pharmacyFlows';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

// A fixed day, so the period queries below do not straddle a midnight.
const BASE = Date.parse('2026-11-28T02:00:00Z');
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));
const DAY = '2026-11-28';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ clock });
  await t.hospital.signIn();
  await t.pharmacy.signIn();
});
afterAll(() => t.stop());

const byPeriod = (extra: Record<string, unknown> = {}) =>
  t.hospital.ok('5203', { data: { psn_no: EMPLOYEE.psnNo, begntime: DAY, endtime: DAY, ...extra } }).then((r) => r.output.setlinfo as any[]);

describe('5203 by person and period', () => {
  const expected: Record<string, { medins_setl_id: string; vali_flag: string; refd_setl_flag: string }> = {};
  let cancelledVisit = '';

  beforeAll(async () => {
    const settled = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: 'XA02BCA076A001010100', cnt: '1' }]);
    const cancelled = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: 'XJ01DCA064B002010100', cnt: '1' }]);
    const cancel = await t.hospital.ok('2208', { data: { setl_id: cancelled.settled.setlinfo.setl_id, mdtrt_id: cancelled.mdtrtId, psn_no: EMPLOYEE.psnNo } });
    const reversed = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: '001102000010000', cnt: '1' }]);
    await t.hospital.ok('2601', { data: { psn_no: EMPLOYEE.psnNo, omsgid: reversed.msgid, oinfno: '2207' } });
    // Not the person's, and not at this institution: neither may be listed.
    await outpatientSettlement(t.hospital, RESIDENT, [{ code: 'XA02BCA076A001010100', cnt: '1' }]);
    await t.pharmacy.ok('2102', purchaseInput(EMPLOYEE, [{ code: 'XA10BAA053A001010100', cnt: '1' }]));

    expected[settled.settled.setlinfo.setl_id] = { medins_setl_id: settled.msgid, vali_flag: '1', refd_setl_flag: '0' };
    expected[cancelled.settled.setlinfo.setl_id] = { medins_setl_id: cancelled.msgid, vali_flag: '0', refd_setl_flag: '0' };
    expected[cancel.output.setlinfo.setl_id] = { medins_setl_id: cancel.msgid, vali_flag: '1', refd_setl_flag: '1' };
    expected[reversed.settled.setlinfo.setl_id] = { medins_setl_id: reversed.msgid, vali_flag: '0', refd_setl_flag: '0' };
    cancelledVisit = cancelled.mdtrtId;
  });

  test('lists the settlement, the cancelled one and its cancellation, and the reversed one, with their flags', async () => {
    const list = await byPeriod();
    expect(Object.fromEntries(list.map((s) => [s.setl_id, { medins_setl_id: s.medins_setl_id, vali_flag: s.vali_flag, refd_setl_flag: s.refd_setl_flag }]))).toEqual(expected);
    expect(list).toHaveLength(4);
    for (const s of list) {
      expect(s).toMatchObject({ psn_no: EMPLOYEE.psnNo, setl_time: expect.stringMatching(/^2026-11-28 /), clr_type: '11' });
      expect(s.refd_setl_flag === '1' ? s.medfee_sumamt < 0 : s.medfee_sumamt > 0).toBe(true);
    }
  });

  test('takes datetimes as well as dates, narrows by mdtrt_id, and answers an empty period with an empty list', async () => {
    expect(await byPeriod({ begntime: `${DAY} 00:00:00`, endtime: `${DAY} 23:59:59` })).toEqual(await byPeriod());
    const visit = await byPeriod({ mdtrt_id: cancelledVisit });
    expect(visit.map((s) => s.refd_setl_flag).sort()).toEqual(['0', '1']);
    const before = await t.hospital.send('5203', { data: { psn_no: EMPLOYEE.psnNo, begntime: '2026-11-27', endtime: '2026-11-27 23:59:59' } });
    expect(before.body).toMatchObject({ infcode: 0, output: { setlinfo: [] } });
    expect(cstDate(clock())).toBe(DAY);
  });

  test('a setl_id still answers the one settlement with its setldetail', async () => {
    const [first] = await byPeriod();
    const { output } = await t.hospital.ok('5203', { data: { psn_no: EMPLOYEE.psnNo, setl_id: first.setl_id } });
    expect(output.setlinfo).toEqual(first);
    expect(Array.isArray(output.setldetail)).toBe(true);
  });

  test('without setl_id the period is required and must not run backwards', async () => {
    expectRefusalOf(await t.hospital.refused('5203', { data: { psn_no: EMPLOYEE.psnNo } }), 'input.data.begntime');
    expectRefusalOf(await t.hospital.refused('5203', { data: { psn_no: EMPLOYEE.psnNo, begntime: DAY, endtime: '2026-11-27' } }), 'input.data.endtime');
    expectRefusalOf(await t.hospital.refused('5203', { data: { psn_no: EMPLOYEE.psnNo, begntime: '2026-11-31', endtime: DAY } }), 'input.data.begntime');
  });
});
