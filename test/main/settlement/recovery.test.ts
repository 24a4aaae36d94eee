import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import { pharmacyConfig, startHarness, type Harness } from './harness';

const person = DEMO_PERSONS[0]!;

describe('recovery of an unknown outcome', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(pharmacyConfig)));
  afterAll(() => h.close());

  async function quote(engine: SettlementEngine) {
    const id = await identifyByIdNumber(engine.ctx, { certno: person.certno });
    if (!id.ok) throw new Error(id.error.code);
    const q = await preparePharmacySettlement(engine.ctx, { personRef: id.value.personRef, items: [{ medinsListCodg: 'YP0002', cnt: 3 }] });
    if (!q.ok) throw new Error(q.error.code);
    return q.value.quoteId;
  }

  it('does not take "never saw it" for an answer while the request may still arrive, then reverses what arrived late', async () => {
    const engine = h.engine({ timeouts: { default: 5_000, '2102': 300 }, inFlightGraceMs: 60_000 });
    const before = await h.admin.balanceFen(person.psnNo);
    await h.admin.fault({ infno: '2102', mode: 'latency', latencyMs: 1_000, times: 1 });
    const result = await confirmSettlement(engine.ctx, { quoteId: await quote(engine) });
    if (!result.ok || result.value.status !== 'pending') throw new Error(JSON.stringify(result));
    const { reference } = result.value.receipt;
    expect(result.value.receipt).toMatchObject({ kind: 'pending', patientName: '欧*明', requestedFen: 3 * 620 });

    // While one attempt is unresolved, the person cannot be settled again under a new msgid.
    expect(await confirmSettlement(engine.ctx, { quoteId: await quote(engine) })).toMatchObject({
      ok: false,
      error: { code: 'SETTLEMENT_PENDING', reference },
    });

    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(await h.admin.message(reference)).toBeNull(); // the platform has not seen it yet...
    expect(engine.ctx.journal.get(reference)?.state).toBe('unknown'); // ...which is not "never happened"

    for (let i = 0; i < 50 && !(await h.admin.message(reference)); i++) await sleep(100);
    expect((await h.admin.settlements({ msgid: reference }))[0]?.state).toBe('valid'); // it arrived late and settled

    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(engine.ctx.journal.get(reference)).toMatchObject({ state: 'reversed', resolvedBy: '2601' });
    expect((await h.admin.settlements({ msgid: reference }))[0]?.state).toBe('reversed');
    expect(await h.admin.balanceFen(person.psnNo)).toBe(before);

    const again = await confirmSettlement(engine.ctx, { quoteId: await quote(engine) });
    expect(again).toMatchObject({ ok: true, value: { status: 'settled' } });
  });
});
