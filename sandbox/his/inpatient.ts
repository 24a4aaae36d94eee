import type { DatabaseSync } from 'node:sqlite';
import type { HisStay, HisStayLine } from '../../shared/his/schemas';
import type { Catalogue } from './catalogue';
import type { DiagnosisEntry, Diagnoses } from './diagnoses';
import { conflict, notFound } from './errors';
import { addDays, daysBetween } from './time';
import { inTransaction } from '../db';

/**
 * Inpatient stays. Daily items (bed, nursing) are charged once per day from admission up to
 * today, or up to the day before discharge (the discharge day is not charged): they are
 * written when the stay is read, so the lines grow with the injected clock. A daily line's
 * time is the start of its day, or the admission time on the first day. The doctor's discharge
 * record (diagnoses and way, `discharge_plan`) is written as the stay's at discharge.
 */
export type Stay = HisStay;
export type StayLine = HisStayLine;

/** What the doctor has decided for the discharge; without one the admission diagnoses stand, way '1'. */
export interface DischargePlan {
  way: string;
  diagnoses: DiagnosisEntry[];
}

export interface Admission {
  stayNo: string;
  psnNo: string;
  deptCode: string;
  doctorCode: string;
  bed: string;
  admittedAt: string;
  dailyItems: string[];
  diagnoses: DiagnosisEntry[];
  dischargePlan?: DischargePlan;
}

export function createInpatient(db: DatabaseSync, catalogue: Catalogue, diagnoses: Diagnoses) {
  const byNo = db.prepare(`
    SELECT s.*, d.name AS dept_name, d.caty, dr.name AS doctor_name, dr.title AS doctor_title
    FROM his_stays s JOIN his_departments d ON d.code = s.dept_code JOIN his_doctors dr ON dr.code = s.doctor_code
    WHERE s.stay_no = ?`);
  const forPerson = db.prepare('SELECT stay_no FROM his_stays WHERE psn_no = ? ORDER BY admitted_on, stay_no');
  const lines = db.prepare('SELECT * FROM his_stay_lines WHERE stay_no = ? ORDER BY line_no');
  const lastDaily = db.prepare('SELECT MAX(fee_date) AS d FROM his_stay_lines WHERE stay_no = ? AND daily = 1');
  const maxLine = db.prepare('SELECT COALESCE(MAX(line_no), 0) AS n FROM his_stay_lines WHERE stay_no = ?');
  const insertLine = db.prepare(`INSERT INTO his_stay_lines (stay_no, line_no, fee_date, fee_time, medins_list_codg, qty, unit_price_fen, amount_fen, daily)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertStay = db.prepare(`INSERT INTO his_stays (stay_no, psn_no, dept_code, doctor_code, bed, admitted_on, admitted_at, status, daily_items, discharge_plan)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'admitted', ?, ?)`);
  const discharge = db.prepare("UPDATE his_stays SET status = 'discharged', discharged_on = ?, discharged_at = ?, dscg_way = ? WHERE stay_no = ? AND status = 'admitted'");
  const pay = db.prepare("UPDATE his_stays SET status = 'paid', setl_id = ?, paid_at = ? WHERE stay_no = ? AND status = 'discharged'");
  const unpay = db.prepare("UPDATE his_stays SET status = 'discharged', setl_id = NULL, paid_at = NULL WHERE stay_no = ? AND status = 'paid'");

  function row(stayNo: string): Record<string, unknown> {
    const found = byNo.get(stayNo) as Record<string, unknown> | undefined;
    if (!found) throw notFound(`stay ${stayNo}`, 'STAY_UNKNOWN');
    return found;
  }

  function addLine(stayNo: string, feeDate: string, feeTime: string, code: string, qty: number, daily: boolean): void {
    const { priceFen } = catalogue.byCode(code);
    const next = Number((maxLine.get(stayNo) as { n: number }).n) + 1;
    insertLine.run(stayNo, next, feeDate, feeTime, code, qty, priceFen, priceFen * qty, daily ? 1 : 0);
  }

  /** Charges each day not yet charged, up to (not including) `until`. */
  function chargeDays(stayNo: string, until: string): void {
    const stay = row(stayNo);
    if (stay['status'] !== 'admitted') return;
    const daily = JSON.parse(String(stay['daily_items'])) as string[];
    const admittedAt = String(stay['admitted_at']);
    const last = (lastDaily.get(stayNo) as { d: string | null }).d;
    let day = last ? addDays(last, 1) : String(stay['admitted_on']);
    while (daysBetween(day, until) > 0) {
      const start = `${day} 00:00:00`;
      for (const code of daily) addLine(stayNo, day, start < admittedAt ? admittedAt : start, code, 1, true);
      day = addDays(day, 1);
    }
  }

  function read(stayNo: string, today: string): Stay {
    inTransaction(db, () => chargeDays(stayNo, addDays(today, 1)));
    const stay = row(stayNo);
    const dept = { code: String(stay['dept_code']), name: String(stay['dept_name']), caty: String(stay['caty']) };
    const doctor = { code: String(stay['doctor_code']), name: String(stay['doctor_name']), title: String(stay['doctor_title']) };
    const orderedBy = { deptCode: dept.code, deptName: dept.name, doctorCode: doctor.code, doctorName: doctor.name };
    const stayLines = (lines.all(stayNo) as Record<string, unknown>[]).map((line): StayLine => {
      const item = catalogue.byCode(String(line['medins_list_codg']));
      return {
        lineNo: Number(line['line_no']),
        feedetlSn: `${stayNo}-${String(line['line_no']).padStart(4, '0')}`,
        feeDate: String(line['fee_date']),
        medinsListCodg: item.medinsListCodg,
        medListCodg: item.medListCodg,
        name: item.name,
        kind: item.kind,
        unit: item.unit,
        qty: Number(line['qty']),
        unitPriceFen: Number(line['unit_price_fen']),
        amountFen: Number(line['amount_fen']),
        daily: Number(line['daily']) === 1,
        occurredAt: String(line['fee_time']),
        rxno: null,
        rxCirculation: false,
        orderedBy,
      };
    });
    return {
      stayNo,
      psnNo: String(stay['psn_no']),
      deptCode: dept.code,
      doctorCode: doctor.code,
      dept,
      attendingDoctor: doctor,
      bed: String(stay['bed']),
      admittedOn: String(stay['admitted_on']),
      admittedAt: String(stay['admitted_at']),
      dischargedOn: (stay['discharged_on'] as string | null) ?? null,
      dischargedAt: (stay['discharged_at'] as string | null) ?? null,
      dischargeWay: (stay['dscg_way'] as string | null) ?? null,
      status: stay['status'] as Stay['status'],
      setlId: (stay['setl_id'] as string | null) ?? null,
      totalFen: stayLines.reduce((sum, line) => sum + line.amountFen, 0),
      admissionDiagnoses: diagnoses.of('admission', stayNo),
      dischargeDiagnoses: diagnoses.of('discharge', stayNo),
      lines: stayLines,
    };
  }

  return {
    read,
    forPerson: (psnNo: string, today: string): Stay[] =>
      (forPerson.all(psnNo) as { stay_no: string }[]).map((r) => read(r.stay_no, today)),
    /** A patient admitted by the ward, with the admitting doctor's diagnoses. */
    admit(a: Admission): void {
      inTransaction(db, () => {
        insertStay.run(a.stayNo, a.psnNo, a.deptCode, a.doctorCode, a.bed, a.admittedAt.slice(0, 10), a.admittedAt, JSON.stringify(a.dailyItems), a.dischargePlan ? JSON.stringify(a.dischargePlan) : null);
        diagnoses.record('admission', a.stayNo, a.diagnoses, a.doctorCode, a.admittedAt);
      });
    },
    addLine: (stayNo: string, feeTime: string, code: string, qty: number) => addLine(stayNo, feeTime.slice(0, 10), feeTime, code, qty, false),
    /** Charges up to the day before discharge, writes the doctor's discharge record and closes the stay for new lines. */
    discharge(stayNo: string, today: string, now: string): Stay {
      inTransaction(db, () => {
        const stay = row(stayNo);
        if (stay['status'] !== 'admitted') throw conflict(`stay ${stayNo} is ${String(stay['status'])}`, 'STAY_NOT_ADMITTED');
        const until = daysBetween(String(stay['admitted_on']), today) > 0 ? today : addDays(today, 1);
        chargeDays(stayNo, until);
        const plan = stay['discharge_plan'] ? (JSON.parse(String(stay['discharge_plan'])) as DischargePlan) : undefined;
        const admitted = diagnoses.of('admission', stayNo).map(({ diagType, code, name, main }) => ({ diagType, code, name, main }));
        diagnoses.record('discharge', stayNo, plan?.diagnoses ?? admitted, String(stay['doctor_code']), now);
        discharge.run(today, now, plan?.way ?? '1', stayNo);
      });
      return read(stayNo, today);
    },
    markPaid(stayNo: string, setlId: string, at: string, today: string): Stay {
      const stay = row(stayNo);
      if (stay['status'] === 'paid' && stay['setl_id'] === setlId) return read(stayNo, today);
      if (Number(pay.run(setlId, at, stayNo).changes) !== 1) {
        throw conflict(`stay ${stayNo} is ${String(stay['status'])}: discharge it first, or it is paid already`, stay['status'] === 'paid' ? 'STAY_PAID' : 'STAY_NOT_DISCHARGED');
      }
      return read(stayNo, today);
    },
    /** After the discharge settlement was cancelled (2305): discharged and unpaid again; only with the setl_id it was paid with. */
    reopen(stayNo: string, setlId: string, today: string): Stay {
      const stay = row(stayNo);
      if (stay['status'] === 'discharged') return read(stayNo, today);
      if (stay['status'] !== 'paid' || stay['setl_id'] !== setlId) {
        throw conflict(`stay ${stayNo} was not paid with setl_id ${setlId}`, stay['status'] === 'admitted' ? 'STAY_NOT_DISCHARGED' : 'OTHER_SETTLEMENT');
      }
      unpay.run(stayNo);
      return read(stayNo, today);
    },
  };
}

export type Inpatient = ReturnType<typeof createInpatient>;
