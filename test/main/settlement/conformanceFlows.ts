import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import type { Outcome } from '../../../electron/settlement/errors';
import { platformDate } from '../../../electron/settlement/time';
import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { identifyByCard, identifyByIdNumber, identifyByVoucher } from '../../../electron/settlement/usecases/identify';
import { admitInpatient, prepareDischarge } from '../../../electron/settlement/usecases/inpatient';
import { listRegistrationSlots, prepareOutpatientSettlement, prepareRegistration } from '../../../electron/settlement/usecases/outpatient';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { reconcileDay } from '../../../electron/settlement/usecases/reconcile';
import { confirmSettlement, declineQuote, type SettleResult } from '../../../electron/settlement/usecases/settle';
import type { HisBill, HisStay } from '../../../shared/his/schemas';
import { OPERATOR, TEST_TOKENS, type Harness } from './harness';
import { hisGet, hisPost } from './messageSupport';

/**
 * The counter flows the conformance suite records, each on an engine of its own terminal: what
 * a real kiosk sends, start (9001) to close (9002), under whatever gateway profile it is given.
 */
const [employee, , colleague] = DEMO_PERSONS as [typeof DEMO_PERSONS[0], unknown, typeof DEMO_PERSONS[0]];
const VOUCHER = Object.keys(TEST_TOKENS).find((token) => TEST_TOKENS[token] === employee.psnNo)!;

export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

const settledOf = (result: SettleResult) => {
  if (result.status !== 'settled') throw new Error(`expected a settlement, got ${result.status}`);
  return result.receipt;
};

/** A terminal of `base`'s institution with its own id, slot (msgid space) and mode. */
export const terminal = (base: TerminalConfig, id: string, slot: string, mode: TerminalConfig['terminal']['mode']): TerminalConfig => ({
  ...base,
  terminal: { ...base.terminal, id, name: `${id}终端`, slot, mode },
});

/** 1101 by e-voucher (01); one registration declined (2205, 2202) and one settled. */
export async function registration(engine: SettlementEngine): Promise<void> {
  const { personRef } = unwrap(await identifyByVoucher(engine.ctx, { ecToken: VOUCHER }));
  const [declined, taken] = unwrap(await listRegistrationSlots(engine.ctx, {})).filter((s) => s.remaining > 0);
  if (!declined || !taken) throw new Error('the demo HIS offers fewer than two slots');
  const quote = unwrap(await prepareRegistration(engine.ctx, { personRef, slotId: declined.slotId }));
  unwrap(await declineQuote(engine.ctx, { quoteId: quote.quoteId }));
  const paid = unwrap(await prepareRegistration(engine.ctx, { personRef, slotId: taken.slotId }));
  settledOf(unwrap(await confirmSettlement(engine.ctx, { quoteId: paid.quoteId })));
}

/** 1101 by social-security card (03, card_sn); a doctor's bill with diagnoses settled (2205-2207), then cancelled (2208). */
export async function cashier(h: Harness, engine: SettlementEngine): Promise<void> {
  const { personRef } = unwrap(await identifyByCard(engine.ctx, { cardNo: colleague.cardNo, cardSn: colleague.cardSn }));
  const bill = await hisPost<HisBill>(h, '/his/orders', {
    psnNo: colleague.psnNo,
    doctorCode: 'DR003',
    items: [{ code: 'YP0001', qty: 2 }, { code: 'FW0003', qty: 1 }],
    diagnoses: [{ code: 'S01.900', name: '头部开放性伤口' }, { diagType: '2', code: 'BNG010', name: '头痛病' }],
    rxCirculation: true,
  });
  const quote = unwrap(await prepareOutpatientSettlement(engine.ctx, { personRef, billIds: [bill.billNo] }));
  const receipt = settledOf(unwrap(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId })));
  settledOf(unwrap(await cancelSettlement(engine.ctx, { setlId: receipt.setlId, ...OPERATOR })));
}

/**
 * A reversible request whose answer never comes (the platform takes longer than the client
 * waits, then processes it): recovery asks 2601 and the platform's records (5203 / 5201) while it
 * is still on its way, and reverses it with 2601 once it has arrived.
 */
async function unknownThenReversed(h: Harness, engine: SettlementEngine, infno: string, attempt: () => Promise<string>): Promise<void> {
  await h.admin.fault({ infno, mode: 'latency', latencyMs: 3_000, times: 1 });
  const reference = await attempt();
  await engine.recovery.runOnce({ ignoreSchedule: true });
  for (let i = 0; i < 100 && !(await h.admin.message(reference)); i++) await sleep(100);
  await engine.recovery.runOnce({ ignoreSchedule: true });
  const row = engine.ctx.journal.get(reference);
  if (row?.state !== 'reversed') throw new Error(`${infno} ${reference} ended ${row?.state}, not reversed by 2601`);
}

/** The timeouts of a terminal whose settling call meets the fault above. */
export const shortWait = (infno: string) => ({ timeouts: { default: 5_000, [infno]: 1_500 } });

/** 1101 by ID number (02); a sale lost in flight (2601, 5203), a sale and its cancel (2101-2103). */
export async function pharmacy(h: Harness, engine: SettlementEngine): Promise<void> {
  const { personRef } = unwrap(await identifyByIdNumber(engine.ctx, { certno: employee.certno }));
  const sale = async () => {
    const quote = unwrap(await preparePharmacySettlement(engine.ctx, { personRef, items: [{ medinsListCodg: 'YP0001', cnt: 2 }, { medinsListCodg: 'YP0007', cnt: 1 }] }));
    return unwrap(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }));
  };
  await unknownThenReversed(h, engine, '2102', async () => {
    const result = await sale();
    if (result.status !== 'pending') throw new Error('the delayed 2102 was answered in time');
    return result.receipt.reference;
  });
  const receipt = settledOf(await sale());
  settledOf(unwrap(await cancelSettlement(engine.ctx, { setlId: receipt.setlId, ...OPERATOR })));
}

/**
 * Another pharmacy terminal's sale, of an employee (310) like the first terminal's, so that
 * group's day on the platform is not the first terminal's alone (3201, then 9101/3202/9102).
 */
export async function otherTerminalSale(engine: SettlementEngine): Promise<void> {
  const { personRef } = unwrap(await identifyByIdNumber(engine.ctx, { certno: colleague.certno }));
  const quote = unwrap(await preparePharmacySettlement(engine.ctx, { personRef, items: [{ medinsListCodg: 'YP0002', cnt: 1 }] }));
  settledOf(unwrap(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId })));
}

/** Day-end on a terminal: the platform has more than it, so the per-settlement check runs too. */
export async function reconciliation(engine: SettlementEngine): Promise<void> {
  const report = unwrap(await reconcileDay(engine.ctx, { day: platformDate(new Date()) }));
  if (!report.groups.some((g) => g.detailChecked)) throw new Error('reconciliation did not reach the detail check (9101/3202/9102)');
}

/** An admission lost in flight (2601, 5201), admitted again (2401), discharged and settled (2302, 2301, 2402, 2303, 2304), cancelled (2305). */
export async function inpatient(h: Harness, engine: SettlementEngine): Promise<void> {
  const { personRef } = unwrap(await identifyByIdNumber(engine.ctx, { certno: employee.certno }));
  const [stay] = await hisGet<{ stays: HisStay[] }>(h, `/his/persons/${employee.psnNo}/stays`).then((r) => r.stays);
  if (!stay) throw new Error('the demo HIS holds no stay for the employee');
  const admit = async () => unwrap(await admitInpatient(engine.ctx, { personRef, stayNo: stay.stayNo }));
  await unknownThenReversed(h, engine, '2401', async () => {
    const result = await admit();
    if (result.status !== 'pending') throw new Error('the delayed 2401 was answered in time');
    return result.reference;
  });
  if ((await admit()).status !== 'admitted') throw new Error('admission failed');
  const quote = unwrap(await prepareDischarge(engine.ctx, { personRef, stayNo: stay.stayNo }));
  const receipt = settledOf(unwrap(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId })));
  settledOf(unwrap(await cancelSettlement(engine.ctx, { setlId: receipt.setlId, ...OPERATOR })));
}
