import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { HisBill, HisRegistration, HisStay } from '../../../shared/his/schemas';
import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import type { Outcome } from '../../../electron/settlement/errors';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { admitInpatient, prepareDischarge } from '../../../electron/settlement/usecases/inpatient';
import { hashPin, pinAuthoriser } from '../../../electron/settlement/usecases/operators';
import { listRegistrationSlots, prepareOutpatientSettlement, prepareRegistration } from '../../../electron/settlement/usecases/outpatient';
import { preparePharmacySettlement } from '../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement, requoteSettlement } from '../../../electron/settlement/usecases/settle';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { pharmacyConfig, startHarness, type Harness } from './harness';
import {
  billOf, diagnosisOnWire, editHisRecords, hisGet, hisPost, inputsOf, lineOnWire, onlyInput, outputsOf, scopeOfFeeAnswer, scopeOfInput, stayOf,
} from './messageSupport';
import { wireRecorder } from './wireRecorder';

/**
 * What the engine puts on the wire, read back from the wire: every required field carries the
 * hospital system's own value (times, diagnoses, doctors, prescriptions), the 2303 scope amounts
 * are the platform's own per-line split, the patient's account choice is sent as they made it,
 * and missing HIS data stops a flow before anything is sent.
 */
const [employee, , colleague, child] = DEMO_PERSONS as [typeof DEMO_PERSONS[0], unknown, typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0]];

function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

async function identified(engine: SettlementEngine, certno: string): Promise<string> {
  return unwrap(await identifyByIdNumber(engine.ctx, { certno })).personRef;
}

/** An engine whose platform traffic is recorded and whose log lines are kept. */
function recorded(h: Harness, extra: Parameters<Harness['engine']>[0] = {}) {
  const wire = wireRecorder();
  const logs: string[] = [];
  const engine = h.engine({ http: wire.http, log: (line) => logs.push(line), ...extra });
  return { wire, logs, engine };
}

const stayDiagnosis = (owner: Record<string, string>) => (d: HisStay['admissionDiagnoses'][number]) => ({
  ...owner,
  ...diagnosisOnWire(d),
  maindiag_flag: d.main ? '1' : '0',
});

describe('hospital messages carry the HIS record (2201-2207, 2401, 2301-2304)', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());

  it('registration: begins at the HIS registration time, no diagnosis yet, and pays all in cash when the patient chooses', async () => {
    const { wire, engine } = recorded(h);
    const personRef = await identified(engine, employee.certno);
    const slot = unwrap(await listRegistrationSlots(engine.ctx, {})).find((s) => s.remaining > 0)!;
    const mark = wire.sent.length;
    const quote = unwrap(await prepareRegistration(engine.ctx, { personRef, slotId: slot.slotId }));
    const { bill } = await hisGet<HisRegistration>(h, `/his/registrations/${quote.registration!.regNo}`);
    const sent = wire.since(mark);

    expect(onlyInput(sent, '2201').data).toMatchObject({ begntime: bill.begntime, ipt_otp_no: bill.visitNo, atddr_no: slot.doctorCode, dr_name: slot.doctorName });
    // The doctor has not seen the patient: 2203 says when the visit began and invents no diagnosis.
    expect(bill.diagnoses).toEqual([]);
    const info = onlyInput(sent, '2203');
    expect(info.mdtrtinfo).toEqual({ mdtrt_id: expect.any(String), psn_no: employee.psnNo, med_type: '12', begntime: bill.begntime });
    expect(info.diseinfo).toEqual([]);
    expect(onlyInput(sent, '2204').feedetail).toEqual(bill.lines.map((l) => expect.objectContaining({ ...lineOnWire(l), rxno: '', rx_circ_flag: '0' })));
    expect(onlyInput(sent, '2206').data.acct_used_flag).toBe('1');
    expect(quote).toMatchObject({ useAccount: true });
    expect(quote.accountFen).toBeGreaterThan(0);

    // 不使用个人账户: only the pre-settlement is asked again, and the account pays nothing.
    const balance = await h.admin.balanceFen(employee.psnNo);
    const choice = wire.sent.length;
    const cash = unwrap(await requoteSettlement(engine.ctx, { quoteId: quote.quoteId, useAccount: false }));
    expect(wire.since(choice).map((s) => s.envelope.infno)).toEqual(['2206']);
    expect(onlyInput(wire.since(choice), '2206').data.acct_used_flag).toBe('0');
    expect(cash).toMatchObject({ useAccount: false, accountFen: 0, totalFen: quote.totalFen, fundFen: quote.fundFen, cashFen: quote.cashFen + quote.accountFen });
    expect(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    const settled = unwrap(await confirmSettlement(engine.ctx, { quoteId: cash.quoteId }));
    expect(onlyInput(wire.since(choice), '2207').data.acct_used_flag).toBe('0');
    expect(settled).toMatchObject({ status: 'settled', receipt: { accountFen: 0, cashFen: cash.cashFen } });
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(balance);
  });

  it("cashier: the visit's diagnoses, each line's time, prescription and ordering doctor", async () => {
    const { wire, engine } = recorded(h);
    const personRef = await identified(engine, colleague.certno);
    const ordered = await hisPost<HisBill>(h, '/his/orders', {
      psnNo: colleague.psnNo,
      doctorCode: 'DR003',
      items: [{ code: 'YP0001', qty: 2 }, { code: 'FW0003', qty: 1 }],
      diagnoses: [{ code: 'S01.900', name: '头部开放性伤口' }, { diagType: '2', code: 'BNG010', name: '头痛病' }],
      rxCirculation: true,
    });
    const bill = await billOf(h, ordered.billNo);
    const main = bill.diagnoses.find((d) => d.main)!;
    const mark = wire.sent.length;
    const quote = unwrap(await prepareOutpatientSettlement(engine.ctx, { personRef, billIds: [bill.billNo] }));
    const sent = wire.since(mark);

    const info = onlyInput(sent, '2203');
    expect(info.mdtrtinfo).toMatchObject({ med_type: '11', begntime: bill.begntime, dise_codg: main.code, dise_name: main.name });
    expect(info.diseinfo).toEqual(bill.diagnoses.map((d) => ({ ...diagnosisOnWire(d), vali_flag: '1' })));
    expect(info.diseinfo).toHaveLength(2);
    const lines = onlyInput(sent, '2204').feedetail;
    expect(lines).toEqual(bill.lines.map((l) => expect.objectContaining({ ...lineOnWire(l), rxno: l.rxno ?? '', rx_circ_flag: l.rxno && l.rxCirculation ? '1' : '0' })));
    // The drug is a circulated prescription, the service none: both cases are on the wire.
    expect(lines.map((l: { rx_circ_flag: string }) => l.rx_circ_flag).sort()).toEqual(['0', '1']);
    expect(unwrap(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }))).toMatchObject({ status: 'settled' });
  });

  it('cashier: a doctor’s bill without a main diagnosis is refused before anything is sent', async () => {
    const { wire, logs, engine } = recorded(h);
    const personRef = await identified(engine, colleague.certno);
    const bill = await hisPost<HisBill>(h, '/his/orders', { psnNo: colleague.psnNo, doctorCode: 'DR001', items: [{ code: 'YP0003', qty: 1 }] });
    expect(editHisRecords(h, "DELETE FROM his_diagnoses WHERE owner_kind = 'visit' AND owner_no = ?", bill.visitNo)).toBeGreaterThan(0);
    const mark = wire.sent.length;
    expect(await prepareOutpatientSettlement(engine.ctx, { personRef, billIds: [bill.billNo] })).toMatchObject({
      ok: false,
      error: { code: 'HIS_DATA_MISSING', message: '医院系统缺少医保所需的信息（如时间、诊断），请联系医院信息科补全后再办理', next: 'call-staff' },
    });
    expect(wire.since(mark)).toEqual([]);
    expect(logs.some((line) => line.includes(`就诊 ${bill.visitNo} 的主诊断`))).toBe(true);
  });

  it('admission and discharge: real times, the doctor’s diagnoses, the attending doctor, and the four 2303 amounts of the 2301 answer', async () => {
    const { wire, engine } = recorded(h);
    const personRef = await identified(engine, employee.certno);
    const [stay] = await hisGet<{ stays: HisStay[] }>(h, `/his/persons/${employee.psnNo}/stays`).then((r) => r.stays);
    const admitted = stay!.admissionDiagnoses.find((d) => d.main)!;
    let mark = wire.sent.length;
    // The desk's typed diagnosis is not used: the HIS has the doctor's.
    unwrap(await admitInpatient(engine.ctx, { personRef, stayNo: stay!.stayNo, diagCode: 'J18.900', diagName: '肺炎' }));
    const admission = onlyInput(wire.since(mark), '2401');
    expect(admission.mdtrtinfo).toMatchObject({
      begntime: stay!.admittedAt,
      ipt_no: stay!.stayNo,
      atddr_no: stay!.attendingDoctor.code,
      chfpdr_name: stay!.attendingDoctor.name,
      adm_diag_dscr: admitted.name,
      adm_dept_codg: stay!.dept.code,
      adm_dept_name: stay!.dept.name,
      adm_bed: stay!.bed,
      dscg_maindiag_code: admitted.code,
      dscg_maindiag_name: admitted.name,
    });
    expect(admission.diseinfo).toEqual(stay!.admissionDiagnoses.map(stayDiagnosis({ psn_no: employee.psnNo })));
    expect(JSON.stringify(admission)).not.toContain('J18.900');

    mark = wire.sent.length;
    const quote = unwrap(await prepareDischarge(engine.ctx, { personRef, stayNo: stay!.stayNo }));
    const sent = wire.since(mark);
    const record = await stayOf(h, stay!.stayNo);
    const mdtrtId = engine.ctx.journal.doneFor(`admit:${stay!.stayNo}`)!.mdtrtId!;
    const discharged = record.dischargeDiagnoses.find((d) => d.main)!;
    const discharge = onlyInput(sent, '2402');
    expect(discharge.dscginfo).toMatchObject({
      mdtrt_id: mdtrtId,
      psn_no: employee.psnNo,
      endtime: record.dischargedAt,
      dscg_way: record.dischargeWay,
      dise_codg: discharged.code,
      dise_name: discharged.name,
      dscg_dept_codg: record.dept.code,
    });
    expect(record.dischargeDiagnoses).toHaveLength(3);
    expect(discharge.diseinfo).toEqual(record.dischargeDiagnoses.map(stayDiagnosis({ mdtrt_id: mdtrtId, psn_no: employee.psnNo })));
    const lines = onlyInput(sent, '2301').feedetail;
    expect(lines).toEqual(record.lines.map((l) => expect.objectContaining(lineOnWire(l))));
    expect(lines.some((l: object) => 'rxno' in l)).toBe(false);

    const [uploaded] = outputsOf(sent, '2301');
    const scope = scopeOfFeeAnswer(uploaded!);
    const pre = onlyInput(sent, '2303').data;
    expect(scopeOfInput(pre)).toEqual(scope);
    expect(Object.values(scope).reduce((a, b) => a + b, 0)).toBe(quote.totalFen);
    expect(pre.acct_used_flag).toBe('1');
    expect(quote.accountFen).toBeGreaterThan(0);

    // All in cash: 2303 again with the same four amounts, 2304 with acct_used_flag 0.
    const balance = await h.admin.balanceFen(employee.psnNo);
    mark = wire.sent.length;
    const cash = unwrap(await requoteSettlement(engine.ctx, { quoteId: quote.quoteId, useAccount: false }));
    const settled = unwrap(await confirmSettlement(engine.ctx, { quoteId: cash.quoteId }));
    const [again, settle] = [onlyInput(wire.since(mark), '2303').data, onlyInput(wire.since(mark), '2304').data];
    expect([again.acct_used_flag, settle.acct_used_flag]).toEqual(['0', '0']);
    expect([scopeOfInput(again), scopeOfInput(settle)]).toEqual([scope, scope]);
    expect(settled).toMatchObject({ status: 'settled', receipt: { accountFen: 0, totalFen: quote.totalFen } });
    expect(await h.admin.balanceFen(employee.psnNo)).toBe(balance);
  });

  it('a stay without admission diagnoses takes the desk’s, refuses without one, and a discharge without a time is refused before sending', async () => {
    const { wire, logs, engine } = recorded(h);
    const personRef = await identified(engine, child.certno);
    const [stay] = await hisGet<{ stays: HisStay[] }>(h, `/his/persons/${child.psnNo}/stays`).then((r) => r.stays);
    const stayNo = stay!.stayNo;
    expect(editHisRecords(h, "DELETE FROM his_diagnoses WHERE owner_kind = 'admission' AND owner_no = ?", stayNo)).toBeGreaterThan(0);
    const missing = { ok: false, error: { code: 'HIS_DATA_MISSING' } };

    let mark = wire.sent.length;
    expect(await admitInpatient(engine.ctx, { personRef, stayNo })).toMatchObject(missing);
    expect(wire.since(mark)).toEqual([]);
    expect(logs.some((line) => line.includes(`住院 ${stayNo} 的入院主诊断`))).toBe(true);

    unwrap(await admitInpatient(engine.ctx, { personRef, stayNo, diagCode: 'J18.900', diagName: '肺炎' }));
    const admission = onlyInput(wire.since(mark), '2401');
    expect(admission.mdtrtinfo).toMatchObject({ begntime: stay!.admittedAt, adm_diag_dscr: '肺炎', dscg_maindiag_code: 'J18.900', atddr_no: stay!.attendingDoctor.code });
    expect(admission.diseinfo).toEqual([
      {
        psn_no: child.psnNo, diag_type: '1', diag_srt_no: '1', diag_code: 'J18.900', diag_name: '肺炎', maindiag_flag: '1',
        diag_dept: stay!.dept.code, dise_dor_no: stay!.attendingDoctor.code, dise_dor_name: stay!.attendingDoctor.name, diag_time: stay!.admittedAt,
      },
    ]);

    // The ward discharges the patient, but the HIS's discharge record has no time.
    await hisPost(h, `/his/stays/${stayNo}/discharge`);
    expect(editHisRecords(h, 'UPDATE his_stays SET discharged_at = NULL WHERE stay_no = ?', stayNo)).toBe(1);
    mark = wire.sent.length;
    expect(await prepareDischarge(engine.ctx, { personRef, stayNo })).toMatchObject(missing);
    expect(wire.since(mark)).toEqual([]);
    expect(logs.some((line) => line.includes(`住院 ${stayNo} 的出院时间`))).toBe(true);

    // The time completed, the discharge diagnoses still missing: refused again, naming them.
    expect(editHisRecords(h, "UPDATE his_stays SET discharged_at = discharged_on || ' 11:30:00' WHERE stay_no = ?", stayNo)).toBe(1);
    expect((await stayOf(h, stayNo)).dischargeDiagnoses).toEqual([]);
    expect(await prepareDischarge(engine.ctx, { personRef, stayNo })).toMatchObject(missing);
    expect(wire.since(mark)).toEqual([]);
    expect(logs.some((line) => line.includes(`住院 ${stayNo} 的出院主诊断`))).toBe(true);
  });
});

const PHARMACIST = { id: 'PH01', name: '药师甲', pin: '135790' };
const pharmacistConfig: TerminalConfig = { ...pharmacyConfig, operators: [{ id: PHARMACIST.id, name: PHARMACIST.name, pinHash: `unused:${'0'.repeat(64)}` }] };

describe('pharmacy messages (2101 / 2102): the prescription as staff scanned it, the pharmacist on duty', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(pharmacistConfig)));
  afterAll(() => h.close());

  it('over the counter, with a prescription, and with nobody signed in', async () => {
    const { wire, engine } = recorded(h, { operators: pinAuthoriser({ [PHARMACIST.id]: hashPin(PHARMACIST.pin, 'salt') }) });
    expect(await engine.signInOperator(PHARMACIST.id, PHARMACIST.pin)).toBeDefined();
    const personRef = await identified(engine, employee.certno);
    const items = [{ medinsListCodg: 'YP0001', cnt: 2 }, { medinsListCodg: 'YP0007', cnt: 1 }];
    const dispensed = { bilg_dr_codg: PHARMACIST.id, bilg_dr_name: PHARMACIST.name };

    let mark = wire.sent.length;
    const otc = unwrap(await preparePharmacySettlement(engine.ctx, { personRef, items }));
    unwrap(await confirmSettlement(engine.ctx, { quoteId: otc.quoteId }));
    let [quoted, settled] = [onlyInput(wire.since(mark), '2101'), onlyInput(wire.since(mark), '2102')];
    expect(quoted.drugdetail).toHaveLength(2);
    for (const line of quoted.drugdetail) {
      expect(line).toMatchObject({ rxno: '', rx_circ_flag: '0', fee_ocur_time: quoted.druginfo.begntime, ...dispensed });
      expect(line).not.toHaveProperty('bilg_dept_codg');
    }
    expect(settled.drugdetail).toEqual(quoted.drugdetail);

    mark = wire.sent.length;
    const rx = unwrap(await preparePharmacySettlement(engine.ctx, { personRef, items, rxno: 'RX20261129-0042' }));
    unwrap(await confirmSettlement(engine.ctx, { quoteId: rx.quoteId }));
    [quoted, settled] = [onlyInput(wire.since(mark), '2101'), onlyInput(wire.since(mark), '2102')];
    for (const line of [...quoted.drugdetail, ...settled.drugdetail]) expect(line).toMatchObject({ rxno: 'RX20261129-0042', rx_circ_flag: '1', ...dispensed });

    // Nobody at the counter: no dispensing pharmacist to name, and never the terminal instead.
    await engine.signOutOperator();
    mark = wire.sent.length;
    unwrap(await preparePharmacySettlement(engine.ctx, { personRef, items }));
    const alone = onlyInput(wire.since(mark), '2101').drugdetail;
    expect(alone).toHaveLength(2);
    for (const line of alone) expect(Object.keys(line).filter((key) => key.startsWith('bilg_'))).toEqual([]);
    expect(inputsOf(wire.sent, '2101')).toHaveLength(3);
  });

  it("a terminal set to cash first quotes without the account until the patient asks for it", async () => {
    const config: TerminalConfig = { ...pharmacistConfig, terminal: { ...pharmacistConfig.terminal, id: 'PHARM-02', slot: '02' }, settlement: { useAccountByDefault: false } };
    const { wire, engine } = recorded(h, { config });
    const personRef = await identified(engine, employee.certno);
    const cashFirst = unwrap(await preparePharmacySettlement(engine.ctx, { personRef, items: [{ medinsListCodg: 'YP0001', cnt: 1 }] }));
    expect(cashFirst).toMatchObject({ useAccount: false, accountFen: 0 });
    const account = unwrap(await requoteSettlement(engine.ctx, { quoteId: cashFirst.quoteId, useAccount: true }));
    expect(account.useAccount).toBe(true);
    expect(account.accountFen).toBeGreaterThan(0);
    unwrap(await confirmSettlement(engine.ctx, { quoteId: account.quoteId }));
    expect(inputsOf(wire.sent, '2101').map((i) => i.druginfo.acct_used_flag)).toEqual(['0', '1']);
    expect(onlyInput(wire.sent, '2102').druginfo.acct_used_flag).toBe('1');
  });
});
