import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { lookupCatalogue, preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement, declineQuote } from '../../../electron/settlement/usecases/settle';
import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { reconcileDay } from '../../../electron/settlement/usecases/reconcile';
import { OPERATOR, pharmacyConfig, startHarness, type Harness } from './harness';

describe('pharmacy counter end to end (2101 → confirm → 2102, cancel 2103, reconcile 3201)', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(pharmacyConfig)));
  afterAll(() => h.close());
  const employee = DEMO_PERSONS[0]!;

  async function person(engine: ReturnType<Harness['engine']>) {
    const id = await identifyByIdNumber(engine.ctx, { certno: employee.certno });
    if (!id.ok) throw new Error(id.error.code);
    return id.value.personRef;
  }

  it('settles a cart at the confirmed split, pays from the account, and cancels it back to the fen', async () => {
    const engine = h.engine();
    const before = await h.admin.balanceFen(employee.psnNo);
    const found = await lookupCatalogue(engine.ctx, { barcode: '6901234560017' });
    expect(found.ok && found.value[0]?.medinsListCodg).toBe('YP0001');
    const personRef = await person(engine);
    const quote = await preparePharmacySettlement(engine.ctx, {
      personRef,
      items: [
        { medinsListCodg: 'YP0001', cnt: 2 },
        { medinsListCodg: 'YP0007', cnt: 1 },
      ],
    });
    if (!quote.ok) throw new Error(quote.error.code);
    expect(quote.value.totalFen).toBe(2 * 1_850 + 1_500);
    expect(quote.value.fundFen + quote.value.accountFen + quote.value.cashFen + quote.value.hospitalFen).toBe(quote.value.totalFen);

    const settled = await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    const receipt = settled.value.receipt;
    expect(receipt).toMatchObject({ kind: 'settlement', patientName: '欧*明', totalFen: 5_200, institutionCode: 'P42120200001' });
    expect(receipt.balanceAfterFen).toBe(before - receipt.accountFen);
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(before - receipt.accountFen);
    const [platform] = await h.admin.settlements({ msgid: receipt.msgid });
    expect(platform).toMatchObject({ setl_id: receipt.setlId, state: 'valid' });

    // A confirmed quote cannot be confirmed twice.
    expect(await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });

    expect(await cancelSettlement(engine.ctx, { setlId: receipt.setlId, operatorId: OPERATOR.operatorId, pin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHORISED' },
    });
    const cancelled = await cancelSettlement(engine.ctx, { setlId: receipt.setlId, ...OPERATOR });
    if (!cancelled.ok || cancelled.value.status !== 'settled') throw new Error(JSON.stringify(cancelled));
    expect(cancelled.value.receipt).toMatchObject({ kind: 'cancel', totalFen: -5_200, accountFen: -receipt.accountFen });
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(before);
    expect((await h.admin.settlements({ setl_id: receipt.setlId }))[0]?.state).toBe('cancelled');

    const report = await reconcileDay(engine.ctx, {});
    if (!report.ok) throw new Error(report.error.code);
    expect(report.value.groups).toEqual([expect.objectContaining({ count: 2, medfeeFen: 0, verdict: 'balanced' })]);
  });

  it('settles nothing when the patient declines', async () => {
    const engine = h.engine();
    const before = await h.admin.balanceFen(employee.psnNo);
    const quote = await preparePharmacySettlement(engine.ctx, { personRef: await person(engine), items: [{ medinsListCodg: 'YP0003', cnt: 1 }] });
    if (!quote.ok) throw new Error(quote.error.code);
    await declineQuote(engine.ctx, { quoteId: quote.value.quoteId });
    expect(await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId })).toMatchObject({ ok: false });
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(before);
  });
});
