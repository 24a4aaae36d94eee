import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DB_FILE_NAME } from '../../../sandbox/db';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { hostInfoProvider, type Interfaces } from '../../../electron/core/hostInfo';
import type { EngineOptions, SettlementEngine } from '../../../electron/settlement/engine';
import { cancelSettlement } from '../../../electron/settlement/usecases/cancel';
import { identifyByIdNumber, identifyByVoucher } from '../../../electron/settlement/usecases/identify';
import { hashPin, pinAuthoriser } from '../../../electron/settlement/usecases/operators';
import { listPendingBills, listRegistrationSlots, prepareOutpatientSettlement, prepareRegistration } from '../../../electron/settlement/usecases/outpatient';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';
import { hospitalConfig, startHarness, type Harness } from './harness';
import { signNoOwners, wireRecorder, type Sent } from './wireRecorder';

const resident = DEMO_PERSONS[1]!;
const EMPLOYEE_TOKEN = '421200ec000000000000000000000000000001';

const CASHIER = { id: 'CASH01', name: '收费员甲', pin: '135790' };
const LEAD = { id: 'LEAD01', name: '收费组长', pin: '246802' };
const operators = pinAuthoriser({ [CASHIER.id]: hashPin(CASHIER.pin, 'salt-a'), [LEAD.id]: hashPin(LEAD.pin, 'salt-b') });
// The engine checks PINs with `operators`; the configuration names who exists and what they are called.
const staff = [CASHIER, LEAD].map(({ id, name }) => ({ id, name, pinHash: `unused:${'0'.repeat(64)}` }));
const cashierConfig: TerminalConfig = { ...hospitalConfig, operators: staff };
const registrationConfig: TerminalConfig = {
  ...hospitalConfig,
  terminal: { id: 'KIOSK-02', name: '自助挂号机02', mode: 'registration', slot: '02' },
  operators: staff,
};

/** Fixed interfaces: loopback, a bridge with no MAC, the wired adapter the sign-in must name. */
const INTERFACES: Interfaces = {
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
  docker0: [{ address: '172.17.0.1', netmask: '255.255.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: '172.17.0.1/16' }],
  eth0: [{ address: '10.20.30.40', netmask: '255.255.255.0', family: 'IPv4', mac: '52:54:00:ab:cd:ef', internal: false, cidr: '10.20.30.40/24' }],
};
const HOST = { mac: '52:54:00:AB:CD:EF', ip: '10.20.30.40' };

const operatorOf = (s: Sent) => ({ type: s.envelope.opter_type, id: s.envelope.opter, name: s.envelope.opter_name });
const asStaff = (o: { id: string; name: string }) => ({ type: '1', id: o.id, name: o.name });
const asTerminal = (c: TerminalConfig) => ({ type: '2', id: c.terminal.id, name: c.terminal.name });
const of = (sent: readonly Sent[], infno: string) => sent.filter((s) => s.envelope.infno === infno);

describe('operators of record', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(cashierConfig)));
  afterAll(() => h.close());

  /** Whom the platform issued each sign_no to (`opter_no`), from its own records. */
  function platformSignIns(): Map<string, string> {
    const db = new DatabaseSync(join(h.sandbox.dataDir!, DB_FILE_NAME), { readOnly: true });
    try {
      const rows = db.prepare('SELECT sign_no, opter_no FROM platform_signin').all() as Array<{ sign_no: string; opter_no: string }>;
      return new Map(rows.map((r) => [r.sign_no, r.opter_no]));
    } finally {
      db.close();
    }
  }

  const signedOutOnPlatform = (signNo: string) => {
    const db = new DatabaseSync(join(h.sandbox.dataDir!, DB_FILE_NAME), { readOnly: true });
    try {
      return (db.prepare('SELECT signed_out_at FROM platform_signin WHERE sign_no = ?').get(signNo) as { signed_out_at: string | null }).signed_out_at !== null;
    } finally {
      db.close();
    }
  };

  /** Every call but 9001 carries a sign_no the platform issued to the envelope's own opter. */
  function expectSignNosMatchOpters(sent: readonly Sent[]) {
    const owners = platformSignIns();
    const calls = sent.filter((s) => s.envelope.infno !== '9001');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.map((s) => [s.envelope.infno, owners.get(s.envelope.sign_no)])).toEqual(calls.map((s) => [s.envelope.infno, s.envelope.opter]));
  }

  const engineFor = (config: TerminalConfig, wire: ReturnType<typeof wireRecorder>, extra: Partial<EngineOptions> = {}) =>
    h.engine({ config, operators, http: wire.http, host: hostInfoProvider({ interfaces: () => INTERFACES, log: () => undefined }), ...extra });

  async function settleEmployeeBill(engine: SettlementEngine) {
    const id = await identifyByVoucher(engine.ctx, { ecToken: EMPLOYEE_TOKEN });
    if (!id.ok) throw new Error(id.error.code);
    const bills = await listPendingBills(engine.ctx, { personRef: id.value.personRef });
    if (!bills.ok || bills.value.length !== 1) throw new Error(JSON.stringify(bills));
    const quote = await prepareOutpatientSettlement(engine.ctx, { personRef: id.value.personRef, billIds: [bills.value[0]!.billId] });
    if (!quote.ok) throw new Error(quote.error.code);
    return confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId });
  }

  it("a cashier's calls are the signed-in operator's, under their own 9001 naming the host; a cancel is its authoriser's", async () => {
    const wire = wireRecorder();
    const engine = engineFor(cashierConfig, wire);
    expect(engine.currentOperator()).toBeUndefined();
    expect(await engine.signInOperator(CASHIER.id, '000000')).toBeUndefined();
    expect(await engine.signInOperator('NOBODY', CASHIER.pin)).toBeUndefined();
    expect(await engine.signInOperator(CASHIER.id, CASHIER.pin)).toMatchObject({ id: CASHIER.id, name: CASHIER.name });

    const settled = await settleEmployeeBill(engine);
    if (!settled.ok || settled.value.status !== 'settled') throw new Error(JSON.stringify(settled));
    expect(of(wire.sent, '9001').map((s) => [operatorOf(s), s.envelope.input])).toEqual([
      [asStaff(CASHIER), { signIn: { opter_no: CASHIER.id, ...HOST } }],
    ]);
    expect(of(wire.sent, '2207').map(operatorOf)).toEqual([asStaff(CASHIER)]);
    expect(new Set(wire.sent.map((s) => JSON.stringify(operatorOf(s))))).toEqual(new Set([JSON.stringify(asStaff(CASHIER))]));
    expect(wire.sent.every((s) => s.envelope.dev_no === cashierConfig.terminal.id)).toBe(true);
    expectSignNosMatchOpters(wire.sent);

    // Refused PIN: nothing reaches the platform.
    let mark = wire.sent.length;
    expect(await cancelSettlement(engine.ctx, { setlId: settled.value.receipt.setlId, operatorId: LEAD.id, pin: '999999' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHORISED' },
    });
    expect(wire.since(mark)).toEqual([]);

    const cancelled = await cancelSettlement(engine.ctx, { setlId: settled.value.receipt.setlId, operatorId: LEAD.id, pin: LEAD.pin });
    expect(cancelled).toMatchObject({ ok: true, value: { status: 'settled', receipt: { kind: 'cancel' } } });
    const cancel = wire.since(mark);
    expect(of(cancel, '9001').map((s) => [operatorOf(s), s.envelope.input])).toEqual([[asStaff(LEAD), { signIn: { opter_no: LEAD.id, ...HOST } }]]);
    expect(of(cancel, '2208').map(operatorOf)).toEqual([asStaff(LEAD)]);
    expectSignNosMatchOpters(cancel);
    // The counter is still the cashier's.
    expect(engine.currentOperator()?.id).toBe(CASHIER.id);

    mark = wire.sent.length;
    await engine.signOutOperator();
    expect(engine.currentOperator()).toBeUndefined();
    const cashierSignNo = [...signNoOwners(wire.sent)].find(([, owner]) => owner === CASHIER.id)![0];
    expect(wire.since(mark).map((s) => [s.envelope.infno, operatorOf(s), s.envelope.input, s.answer?.infcode])).toEqual([
      ['9002', asStaff(CASHIER), { signOut: { sign_no: cashierSignNo, opter_no: CASHIER.id } }, 0],
    ]);
    expect(signedOutOnPlatform(cashierSignNo)).toBe(true);

    // Nobody at the counter: what still reaches the platform is the terminal's, under its own sign-in.
    mark = wire.sent.length;
    expect((await identifyByVoucher(engine.ctx, { ecToken: EMPLOYEE_TOKEN })).ok).toBe(true);
    expect(wire.since(mark).map((s) => [s.envelope.infno, operatorOf(s)])).toEqual([
      ['9001', asTerminal(cashierConfig)],
      ['1101', asTerminal(cashierConfig)],
    ]);
    expectSignNosMatchOpters(wire.since(mark));
  });

  it("a registration kiosk is its own operator; staff vouching for an ID number are theirs", async () => {
    const wire = wireRecorder();
    const engine = engineFor(registrationConfig, wire);
    // A sign-in at an unattended kiosk changes nothing the platform records.
    expect(await engine.signInOperator(CASHIER.id, CASHIER.pin)).toBeDefined();

    const id = await identifyByIdNumber(engine.ctx, { certno: resident.certno });
    if (!id.ok) throw new Error(id.error.code);
    const slots = await listRegistrationSlots(engine.ctx, {});
    if (!slots.ok) throw new Error(slots.error.code);
    const quote = await prepareRegistration(engine.ctx, { personRef: id.value.personRef, slotId: slots.value.find((s) => s.remaining > 0)!.slotId });
    if (!quote.ok) throw new Error(quote.error.code);
    expect(await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId })).toMatchObject({ ok: true, value: { status: 'settled' } });
    expect(of(wire.sent, '9001').map((s) => [operatorOf(s), s.envelope.input])).toEqual([
      [asTerminal(registrationConfig), { signIn: { opter_no: registrationConfig.terminal.id, ...HOST } }],
    ]);
    expect(of(wire.sent, '2207').map(operatorOf)).toEqual([asTerminal(registrationConfig)]);
    expect(new Set(wire.sent.map((s) => s.envelope.opter))).toEqual(new Set([registrationConfig.terminal.id]));
    expectSignNosMatchOpters(wire.sent);

    let mark = wire.sent.length;
    expect(await identifyByIdNumber(engine.ctx, { certno: resident.certno, operatorId: LEAD.id, pin: '111111' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHORISED' },
    });
    expect(await identifyByIdNumber(engine.ctx, { certno: resident.certno, operatorId: LEAD.id })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(wire.since(mark)).toEqual([]);

    mark = wire.sent.length;
    expect(await identifyByIdNumber(engine.ctx, { certno: resident.certno, operatorId: LEAD.id, pin: LEAD.pin })).toMatchObject({ ok: true });
    expect(wire.since(mark).map((s) => [s.envelope.infno, operatorOf(s)])).toEqual([
      ['9001', asStaff(LEAD)],
      ['1101', asStaff(LEAD)],
    ]);
    expectSignNosMatchOpters(wire.since(mark));
  });

  it('hands the counter over: the one leaving is signed out of the platform, the next call signs the newcomer in', async () => {
    const wire = wireRecorder();
    // A counter of its own (its own journal): no sign-in of earlier tests to reuse.
    const engine = engineFor({ ...cashierConfig, terminal: { ...cashierConfig.terminal, id: 'CASHIER-03', slot: '03' } }, wire);
    expect(await engine.signInOperator(CASHIER.id, CASHIER.pin)).toBeDefined();
    expect((await identifyByVoucher(engine.ctx, { ecToken: EMPLOYEE_TOKEN })).ok).toBe(true);
    const mark = wire.sent.length;
    expect(await engine.signInOperator(LEAD.id, LEAD.pin)).toMatchObject({ id: LEAD.id });
    expect((await identifyByVoucher(engine.ctx, { ecToken: EMPLOYEE_TOKEN })).ok).toBe(true);
    const handover = wire.since(mark);
    expect(handover.map((s) => [s.envelope.infno, operatorOf(s)])).toEqual([
      ['9002', asStaff(CASHIER)],
      ['9001', asStaff(LEAD)],
      ['1101', asStaff(LEAD)],
    ]);
    expect(signedOutOnPlatform(handover[0]!.envelope.sign_no)).toBe(true);
    expectSignNosMatchOpters(handover);
    await engine.signOutOperator();
  });

  it("keeps the counter's sign-in across a restart until the platform day turns", async () => {
    let now = Date.now();
    const clock = () => new Date(now);
    const first = engineFor(cashierConfig, wireRecorder(), { clock });
    expect(await first.signInOperator(CASHIER.id, CASHIER.pin)).toBeDefined();
    await first.close();

    const wire = wireRecorder();
    const again = engineFor(cashierConfig, wire, { clock });
    expect(again.currentOperator()).toMatchObject({ id: CASHIER.id, name: CASHIER.name });
    expect((await identifyByVoucher(again.ctx, { ecToken: EMPLOYEE_TOKEN })).ok).toBe(true);
    expect(of(wire.sent, '1101').map(operatorOf)).toEqual([asStaff(CASHIER)]);
    expectSignNosMatchOpters(wire.sent);

    // The next platform day: the sign-in is over, like the day's sign_no (nothing is sent to see it).
    now += 24 * 3600_000;
    expect(again.currentOperator()).toBeUndefined();
    expect(again.ctx.gateway.envelopeFor('1101', 'x', {}, '', '')).toMatchObject({ opter_type: '2', opter: cashierConfig.terminal.id });
  });

  it("recovery after a staff member's settlement is the terminal's, under the terminal's sign-in", async () => {
    const wire = wireRecorder();
    const engine = engineFor(cashierConfig, wire);
    expect(await engine.signInOperator(CASHIER.id, CASHIER.pin)).toBeDefined();
    await h.admin.fault({ infno: '2207', mode: 'commit-then-drop', times: 1 });
    const pending = await settleEmployeeBill(engine);
    if (!pending.ok || pending.value.status !== 'pending') throw new Error(JSON.stringify(pending));
    expect(of(wire.sent, '2207')).toEqual([]); // its answer was lost: the recorder only sees answers
    const mark = wire.sent.length;
    await engine.recovery.runOnce({ ignoreSchedule: true });
    expect(engine.ctx.journal.get(pending.value.receipt.reference)).toMatchObject({ state: 'reversed', resolvedBy: '2601' });
    const recovery = wire.since(mark);
    expect(of(recovery, '2601')).toHaveLength(1);
    expect(new Set(recovery.map((s) => JSON.stringify(operatorOf(s))))).toEqual(new Set([JSON.stringify(asTerminal(cashierConfig))]));
    expectSignNosMatchOpters(recovery);
    expect(engine.currentOperator()?.id).toBe(CASHIER.id);
  });
});
