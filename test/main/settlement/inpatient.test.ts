import axios from 'axios';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { admitInpatient, prepareDischarge } from '../../../electron/settlement/usecases/inpatient';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { OPERATOR, startHarness, type Harness } from './harness';

const employee = DEMO_PERSONS[0]!;

describe('inpatient desk end to end (2401; 2301 → 2402 → 2303 → confirm → 2304; 2305)', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());

  it('admits, discharges at the confirmed split, marks the stay paid, and cancels', async () => {
    const engine = h.engine();
    const stays = (await axios.get(`${h.sandbox.url}/his/persons/${employee.psnNo}/stays`, { proxy: false })).data.stays as { stayNo: string }[];
    const stayNo = stays[0]!.stayNo;
    const id = await identifyByIdNumber(engine.ctx, { certno: employee.certno });
    if (!id.ok) throw new Error(id.error.code);
    const personRef = id.value.personRef;

    expect(await prepareDischarge(engine.ctx, { personRef, stayNo })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_SETTLE' } });
    const admitted = await admitInpatient(engine.ctx, { personRef, stayNo, diagCode: 'J18.900', diagName: '肺炎' });
    expect(admitted).toMatchObject({ ok: true, value: { status: 'admitted', stayNo, bed: '3-12' } });
    const mdtrtId = engine.ctx.journal.doneFor(`admit:${stayNo}`)!.mdtrtId!;
    expect((await h.admin.visit(mdtrtId)).state).toBe('admitted');

    const before = await h.admin.balanceFen(employee.psnNo);
    const quote = await prepareDischarge(engine.ctx, { personRef, stayNo });
    if (!quote.ok) throw new Error(quote.error.code);
    const stay = (await axios.get(`${h.sandbox.url}/his/stays/${stayNo}`, { proxy: false })).data as { totalFen: number; status: string };
    expect(quote.value.totalFen).toBe(stay.totalFen);
    const settled = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    expect(settled.value.receipt.totalFen).toBe(stay.totalFen);
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(before - settled.value.receipt.accountFen);
    expect((await axios.get(`${h.sandbox.url}/his/stays/${stayNo}`, { proxy: false })).data.status).toBe('paid');
    expect((await h.admin.visit(mdtrtId)).state).toBe('settled');

    const cancelled = await cancelSettlement(engine.ctx, { setlId: settled.value.receipt.setlId, ...OPERATOR });
    expect(cancelled).toMatchObject({ ok: true, value: { receipt: { kind: 'cancel', totalFen: -stay.totalFen } } });
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(before);
    // The HIS is told too: the stay is owed again, not left marked paid by a cancelled settlement.
    expect((await axios.get(`${h.sandbox.url}/his/stays/${stayNo}`, { proxy: false })).data.status).not.toBe('paid');
  });
});
