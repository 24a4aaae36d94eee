import type { DatabaseSync } from 'node:sqlite';
import type { BillLine } from './bills';
import type { Catalogue } from './catalogue';
import { conflict, notFound } from './errors';
import { addDays, daysBetween } from './time';
import { inTransaction } from '../db';

/**
 * Inpatient stays. Daily items (bed, nursing) are charged once per day from admission up to
 * today, or up to the day before discharge (the discharge day is not charged): they are
 * written when the stay is read, so the lines grow with the injected clock.
 */
/** A bill line charged on a given day of the stay; `daily` lines recur every day. */
export interface StayLine extends BillLine {
  feeDate: string;
  daily: boolean;
}

export interface Stay {
  stayNo: string;
  psnNo: string;
  deptCode: string;
  doctorCode: string;
  bed: string;
  admittedOn: string;
  dischargedOn: string | null;
  status: 'admitted' | 'discharged' | 'paid';
  setlId: string | null;
  totalFen: number;
  lines: StayLine[];
}

export function createInpatient(db: DatabaseSync, catalogue: Catalogue) {
  const byNo = db.prepare('SELECT * FROM his_stays WHERE stay_no = ?');
  const forPerson = db.prepare('SELECT stay_no FROM his_stays WHERE psn_no = ? ORDER BY admitted_on, stay_no');
  const lines = db.prepare('SELECT * FROM his_stay_lines WHERE stay_no = ? ORDER BY line_no');
  const lastDaily = db.prepare('SELECT MAX(fee_date) AS d FROM his_stay_lines WHERE stay_no = ? AND daily = 1');
  const maxLine = db.prepare('SELECT COALESCE(MAX(line_no), 0) AS n FROM his_stay_lines WHERE stay_no = ?');
  const insertLine = db.prepare(`INSERT INTO his_stay_lines (stay_no, line_no, fee_date, medins_list_codg, qty, unit_price_fen, amount_fen, daily)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const discharge = db.prepare("UPDATE his_stays SET status = 'discharged', discharged_on = ? WHERE stay_no = ? AND status = 'admitted'");
  const pay = db.prepare("UPDATE his_stays SET status = 'paid', setl_id = ?, paid_at = ? WHERE stay_no = ? AND status = 'discharged'");

  function row(stayNo: string): Record<string, unknown> {
    const found = byNo.get(stayNo) as Record<string, unknown> | undefined;
    if (!found) throw notFound(`stay ${stayNo}`);
    return found;
  }

  function addLine(stayNo: string, feeDate: string, code: string, qty: number, daily: boolean): void {
    const { priceFen } = catalogue.byCode(code);
    const next = Number((maxLine.get(stayNo) as { n: number }).n) + 1;
    insertLine.run(stayNo, next, feeDate, code, qty, priceFen, priceFen * qty, daily ? 1 : 0);
  }

  /** Charges each day not yet charged, up to (not including) `until`. */
  function chargeDays(stayNo: string, until: string): void {
    const stay = row(stayNo);
    if (stay['status'] !== 'admitted') return;
    const daily = JSON.parse(String(stay['daily_items'])) as string[];
    const last = (lastDaily.get(stayNo) as { d: string | null }).d;
    let day = last ? addDays(last, 1) : String(stay['admitted_on']);
    while (daysBetween(day, until) > 0) {
      for (const code of daily) addLine(stayNo, day, code, 1, true);
      day = addDays(day, 1);
    }
  }

  function read(stayNo: string, today: string): Stay {
    inTransaction(db, () => chargeDays(stayNo, addDays(today, 1)));
    const stay = row(stayNo);
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
      };
    });
    return {
      stayNo,
      psnNo: String(stay['psn_no']),
      deptCode: String(stay['dept_code']),
      doctorCode: String(stay['doctor_code']),
      bed: String(stay['bed']),
      admittedOn: String(stay['admitted_on']),
      dischargedOn: (stay['discharged_on'] as string | null) ?? null,
      status: stay['status'] as Stay['status'],
      setlId: (stay['setl_id'] as string | null) ?? null,
      totalFen: stayLines.reduce((sum, line) => sum + line.amountFen, 0),
      lines: stayLines,
    };
  }

  return {
    read,
    forPerson: (psnNo: string, today: string): Stay[] =>
      (forPerson.all(psnNo) as { stay_no: string }[]).map((r) => read(r.stay_no, today)),
    addLine: (stayNo: string, feeDate: string, code: string, qty: number) => addLine(stayNo, feeDate, code, qty, false),
    /** Charges up to the day before discharge and closes the stay for new lines. */
    discharge(stayNo: string, today: string): Stay {
      inTransaction(db, () => {
        const stay = row(stayNo);
        if (stay['status'] !== 'admitted') throw conflict(`stay ${stayNo} is ${String(stay['status'])}`);
        const until = daysBetween(String(stay['admitted_on']), today) > 0 ? today : addDays(today, 1);
        chargeDays(stayNo, until);
        discharge.run(today, stayNo);
      });
      return read(stayNo, today);
    },
    markPaid(stayNo: string, setlId: string, at: string, today: string): Stay {
      const stay = row(stayNo);
      if (stay['status'] === 'paid' && stay['setl_id'] === setlId) return read(stayNo, today);
      if (Number(pay.run(setlId, at, stayNo).changes) !== 1) {
        throw conflict(`stay ${stayNo} is ${String(stay['status'])}: discharge it first, or it is paid already`);
      }
      return read(stayNo, today);
    },
  };
}
