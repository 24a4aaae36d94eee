import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { chooseInsurance, endSession, identifyByCard, identifyByIdNumber, identifyByVoucher } from '../../../electron/settlement/usecases/identify';
import { listPendingBills } from '../../../electron/settlement/usecases/outpatient';
import { settlementApi } from '../../../electron/settlement/usecases';
import { hospitalConfig, startHarness, type Harness } from './harness';

describe('chooseInsurance', () => {
  it('keeps normally insured lines only and prefers employees (310) over residents (390)', () => {
    expect(chooseInsurance([{ insutype: '390', psn_insu_stas: '1' }, { insutype: '310', psn_insu_stas: '1' }])?.insutype).toBe('310');
    expect(chooseInsurance([{ insutype: '310', psn_insu_stas: '0' }, { insutype: '390', psn_insu_stas: 1 }])?.insutype).toBe('390');
    expect(chooseInsurance([{ insutype: '310', psn_insu_stas: '0' }])).toBeUndefined();
  });
});

describe('identify (1101) against the sandbox platform', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());

  const [employee, resident, , , uninsured] = DEMO_PERSONS;

  it('by e-voucher token: masked identity, opaque handle, account balance', async () => {
    const engine = h.engine();
    const result = await identifyByVoucher(engine.ctx, { ecToken: '421200ec000000000000000000000000000001' });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ maskedName: '欧*明', maskedCertno: '4212**********0017', insutype: '310', balanceFen: employee!.accountBalanceFen }),
    });
    if (!result.ok) return;
    expect(JSON.stringify(result.value)).not.toContain(employee!.certno);
    expect(engine.ctx.people.get(result.value.personRef)).toMatchObject({ certType: '01', psnNo: employee!.psnNo });
  });

  it('by ID number and by card, picking the resident line for a resident', async () => {
    const engine = h.engine();
    const byId = await settlementApi(engine.ctx).identifyByIdNumber({ certno: resident!.certno });
    expect(byId.ok && byId.value.insutype).toBe('390');
    const byCard = await identifyByCard(engine.ctx, { cardNo: resident!.cardNo, cardSn: resident!.cardSn });
    expect(byCard.ok && byCard.value.maskedName).toBe('白*国');
  });

  it('answers in plain codes: unknown token, unknown person, suspended insurance, bad input', async () => {
    const engine = h.engine();
    expect(await identifyByVoucher(engine.ctx, { ecToken: '421200ec999999999999999999999999999999' })).toMatchObject({
      ok: false,
      error: { code: 'VOUCHER_EXPIRED', next: 'retry' },
    });
    expect(await identifyByIdNumber(engine.ctx, { certno: '110101199001011237' })).toMatchObject({ ok: false, error: { code: 'PERSON_NOT_FOUND' } });
    expect(await identifyByIdNumber(engine.ctx, { certno: uninsured!.certno })).toMatchObject({ ok: false, error: { code: 'NOT_INSURED' } });
    expect(await identifyByIdNumber(engine.ctx, { certno: 'abc' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '输入的信息不完整，请重新输入' } });
    const english = h.engine({ config: { ...hospitalConfig, locale: 'en' } });
    expect(await identifyByIdNumber(english.ctx, { certno: uninsured!.certno })).toMatchObject({
      ok: false,
      error: { code: 'NOT_INSURED', next: 'call-staff', message: 'Your insurance cannot be used right now. Please go to a staffed counter.' },
    });
  });

  it('signs in once a day and signs in again when the platform rejects the sign_no', async () => {
    const engine = h.engine();
    await identifyByIdNumber(engine.ctx, { certno: employee!.certno });
    const first = engine.db.prepare('SELECT sign_no FROM operator_session').get() as { sign_no: string };
    await identifyByIdNumber(engine.ctx, { certno: employee!.certno });
    expect(engine.db.prepare('SELECT sign_no FROM operator_session').get()).toEqual(first);
    // Another terminal process signing the operator out makes the stored sign_no stale.
    await engine.close({ signOut: true });
    const again = h.engine();
    again.db.prepare('INSERT INTO operator_session (operator, day, sign_no, signed_at) VALUES (?, ?, ?, ?)').run(
      'KIOSK-01', new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), first.sign_no, new Date().toISOString(),
    );
    const result = await identifyByIdNumber(again.ctx, { certno: employee!.certno });
    expect(result.ok).toBe(true);
    const second = again.db.prepare('SELECT sign_no FROM operator_session').get() as { sign_no: string };
    expect(second.sign_no).not.toBe(first.sign_no);

    // The platform day turned since the stored sign-in: sign in again before the next call.
    again.db.prepare("UPDATE operator_session SET day = '2000-01-01'").run();
    expect((await identifyByIdNumber(again.ctx, { certno: employee!.certno })).ok).toBe(true);
    const third = again.db.prepare('SELECT sign_no, day FROM operator_session').get() as { sign_no: string; day: string };
    expect(third.sign_no).not.toBe(second.sign_no);
    expect(third.day).not.toBe('2000-01-01');
  });

  it('forgets a person after the session ends or expires', async () => {
    let now = Date.now();
    // A short TTL: the clock may not run further ahead than the gateway's window (engineOptions).
    const engine = h.engine({ clock: () => new Date(now), sessionTtlMs: 1_000 });
    const id = await identifyByIdNumber(engine.ctx, { certno: employee!.certno });
    if (!id.ok) throw new Error(id.error.code);
    now += 1_100;
    expect(await listPendingBills(engine.ctx, { personRef: id.value.personRef })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    const again = await identifyByIdNumber(engine.ctx, { certno: employee!.certno });
    if (!again.ok) throw new Error(again.error.code);
    expect(await endSession(engine.ctx, { personRef: again.value.personRef })).toEqual({ ok: true, value: { forgotten: true } });
    expect(await listPendingBills(engine.ctx, { personRef: again.value.personRef })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });
});
