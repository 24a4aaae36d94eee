import axios from 'axios';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { identifyByIdNumber, identifyByVoucher } from '../../../electron/settlement/usecases/identify';
import { listPendingBills, prepareOutpatientSettlement } from '../../../electron/settlement/usecases/outpatient';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import { hospitalConfig, OPERATOR, pharmacyConfig, startHarness, type Harness } from './harness';
import { profileCases, recordingHttp, wireFacts, withRegion } from './gatewaySupport';

const employee = DEMO_PERSONS[0]!;
const VOUCHER = '421200ec000000000000000000000000000001';

describe.each(profileCases())('gateway profile: $name', (profile) => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(withRegion(hospitalConfig, profile.region), undefined, { gateway: profile.sandbox })));
  afterAll(() => h.close());

  const engineFor = (config: typeof hospitalConfig) => {
    const wire = recordingHttp();
    const engine = h.engine({ config: withRegion(config, profile.region), credentials: profile.credentials(h.sandbox), http: wire.http });
    return { engine, sent: wire.sent };
  };

  it('settles a pharmacy sale and cancels it', async () => {
    const { engine, sent } = engineFor(pharmacyConfig);
    const before = await h.admin.balanceFen(employee.psnNo);
    const id = await identifyByIdNumber(engine.ctx, { certno: employee.certno });
    if (!id.ok) throw new Error(id.error.code);
    const quote = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: 'YP0001', cnt: 2 }] });
    if (!quote.ok) throw new Error(quote.error.code);
    const settled = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    const { receipt } = settled.value;
    expect(receipt.totalFen).toBe(2 * 1_850);
    expect(await h.admin.settlements({ msgid: receipt.msgid })).toEqual([expect.objectContaining({ setl_id: receipt.setlId, state: 'valid' })]);
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(before - receipt.accountFen);

    const cancelled = await cancelSettlement(engine.ctx, { setlId: receipt.setlId, ...OPERATOR });
    expect(cancelled).toMatchObject({ ok: true, value: { status: 'settled', receipt: { kind: 'cancel', totalFen: -receipt.totalFen } } });
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(before);

    const infnos = sent.map((r) => (r.body as { infno?: string }).infno).filter(Boolean);
    expect(infnos).toEqual(expect.arrayContaining(['9001', '1101', '2101', '2102', '2103']));
    expect(wireFacts(sent, '2102', h.sandbox.url)).toEqual(profile.expected['2102']);
  });

  it('settles a cashier bill of a face-identified patient, which the HIS then holds paid', async () => {
    const { engine, sent } = engineFor(hospitalConfig);
    const id = await identifyByVoucher(engine.ctx, { ecToken: VOUCHER });
    if (!id.ok) throw new Error(id.error.code);
    const bills = await listPendingBills(engine.ctx, { personRef: id.value.personRef });
    if (!bills.ok) throw new Error(bills.error.code);
    const bill = bills.value[0]!;
    const quote = await prepareOutpatientSettlement(engine.ctx, { personRef: id.value.personRef, billIds: [bill.billId] });
    if (!quote.ok) throw new Error(quote.error.code);
    const settled = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    expect(settled.value.receipt.totalFen).toBe(bill.totalFen);
    const his = (await axios.get(`${h.sandbox.url}/his/bills/${bill.billId}`, { proxy: false })).data as { status: string; setlId: string };
    expect(his).toMatchObject({ status: 'paid', setlId: settled.value.receipt.setlId });

    expect(wireFacts(sent, '2207', h.sandbox.url)).toEqual(profile.expected['2207']);
  });
});
