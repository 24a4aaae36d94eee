import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../db';
import type { Catalogue } from './catalogue';
import type { HisBill, HisLine } from '../../shared/his/schemas';
import type { DiagnosisEntry, Diagnoses } from './diagnoses';
import { conflict, invalid, notFound, unknownDoctor } from './errors';
import { nextSequence } from './schema';
import type { Visits } from './visits';

/**
 * Outpatient bills: a doctor's order or a registration fee, pending until the kiosk settles it
 * with the platform and marks it paid with the settlement id (`setl_id`). Integer fen throughout.
 * Each bill belongs to a visit (visits.ts): a registration opens one, and a doctor's order joins
 * the visit of the patient's paid registration that day with that doctor or department, or
 * opens its own. The shapes are the HIS port's (shared/his/schemas.ts).
 */
export type Bill = HisBill;
export type BillLine = HisLine;

export interface OrderItem {
  code: string;
  qty: number;
}

/** What the doctor wrote with the order: diagnoses for the visit, and whether the prescription is circulated. */
export interface OrderNotes {
  diagnoses?: readonly DiagnosisEntry[];
  rxCirculation?: boolean;
  /** Written when the doctor wrote none and the visit has none yet (the demo's usual diagnosis of the department). */
  fallbackDiagnoses?: readonly DiagnosisEntry[];
}

export function createBills(db: DatabaseSync, catalogue: Catalogue, visits: Visits, diagnoses: Diagnoses) {
  const header = db.prepare(`
    SELECT b.*, d.name AS dept_name, d.caty, dr.name AS doctor_name, dr.title AS doctor_title
    FROM his_bills b JOIN his_departments d ON d.code = b.dept_code JOIN his_doctors dr ON dr.code = b.doctor_code
    WHERE b.bill_no = ?`);
  const lines = db.prepare('SELECT * FROM his_bill_lines WHERE bill_no = ? ORDER BY line_no');
  const forPerson = db.prepare('SELECT bill_no FROM his_bills WHERE psn_no = ? AND (?2 IS NULL OR status = ?2) ORDER BY created_at, bill_no');
  const insertBill = db.prepare(`INSERT INTO his_bills (bill_no, psn_no, kind, dept_code, doctor_code, visit_no, status, total_fen, created_at)
    VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`);
  const insertLine = db.prepare(`INSERT INTO his_bill_lines (bill_no, line_no, medins_list_codg, qty, unit_price_fen, amount_fen, rxno, rx_circ)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const doctorOf = db.prepare('SELECT dept_code FROM his_doctors WHERE code = ?');
  const setPaid = db.prepare("UPDATE his_bills SET status = 'paid', setl_id = ?, paid_at = ? WHERE bill_no = ? AND status = 'pending'");
  const setUnpaid = db.prepare("UPDATE his_bills SET status = 'pending', setl_id = NULL, paid_at = NULL WHERE bill_no = ? AND status = 'paid'");
  const setCancelled = db.prepare("UPDATE his_bills SET status = 'cancelled' WHERE bill_no = ? AND status = 'pending'");

  function get(billNo: string): Bill {
    const row = header.get(billNo) as Record<string, unknown> | undefined;
    if (!row) throw notFound(`bill ${billNo}`, 'BILL_UNKNOWN');
    const visit = visits.get(String(row['visit_no']));
    const dept = { code: String(row['dept_code']), name: String(row['dept_name']), caty: String(row['caty']) };
    const doctor = { code: String(row['doctor_code']), name: String(row['doctor_name']), title: String(row['doctor_title']) };
    const createdAt = String(row['created_at']);
    return {
      billNo,
      psnNo: String(row['psn_no']),
      kind: row['kind'] as Bill['kind'],
      visitNo: visit.visitNo,
      status: row['status'] as Bill['status'],
      totalFen: Number(row['total_fen']),
      createdAt,
      setlId: (row['setl_id'] as string | null) ?? null,
      paidAt: (row['paid_at'] as string | null) ?? null,
      dept,
      doctor,
      begntime: visit.begntime,
      diagnoses: diagnoses.of('visit', visit.visitNo),
      mdtrtId: visit.mdtrtId,
      lines: (lines.all(billNo) as Record<string, unknown>[]).map((line): BillLine => {
        const item = catalogue.byCode(String(line['medins_list_codg']));
        return {
          lineNo: Number(line['line_no']),
          feedetlSn: `${billNo}-${String(line['line_no']).padStart(3, '0')}`,
          medinsListCodg: item.medinsListCodg,
          medListCodg: item.medListCodg,
          name: item.name,
          kind: item.kind,
          unit: item.unit,
          qty: Number(line['qty']),
          unitPriceFen: Number(line['unit_price_fen']),
          amountFen: Number(line['amount_fen']),
          occurredAt: createdAt,
          rxno: (line['rxno'] as string | null) ?? null,
          rxCirculation: Number(line['rx_circ']) === 1,
          orderedBy: { deptCode: dept.code, deptName: dept.name, doctorCode: doctor.code, doctorName: doctor.name },
        };
      }),
    };
  }

  /**
   * A doctor's order (or a registration fee) becomes one pending bill, priced from the catalogue
   * now. Its drugs make one prescription; the order's diagnoses become the visit's.
   */
  function create(input: { psnNo: string; kind: Bill['kind']; doctorCode: string; visitNo?: string; items: OrderItem[]; at: string } & OrderNotes): Bill {
    if (input.items.length === 0) throw invalid('items: at least one');
    const doctor = doctorOf.get(input.doctorCode) as { dept_code: string } | undefined;
    if (!doctor) throw unknownDoctor(input.doctorCode);
    const priced = input.items.map((item) => {
      if (!Number.isSafeInteger(item.qty) || item.qty <= 0) throw invalid(`items: qty of ${item.code} must be a positive integer`);
      const { priceFen, kind } = catalogue.byCode(item.code);
      return { ...item, priceFen, amountFen: priceFen * item.qty, drug: kind === 'drug' && input.kind === 'outpatient' };
    });
    const total = priced.reduce((sum, item) => sum + item.amountFen, 0);
    const billNo = inTransaction(db, () => {
      const n = nextSequence(db, 'bill');
      const no = `B${input.at.slice(0, 10).replaceAll('-', '')}${String(n).padStart(5, '0')}`;
      const day = input.at.slice(0, 10);
      const own = `MZ${no.slice(1)}`;
      const visitNo = input.visitNo ?? visits.registeredVisit(input.psnNo, day, input.doctorCode, doctor.dept_code) ?? own;
      if (visitNo === own) {
        visits.open({ visitNo, psnNo: input.psnNo, deptCode: doctor.dept_code, doctorCode: input.doctorCode, visitDate: day, begntime: input.at, regNo: null });
      }
      const written = input.diagnoses?.length ? input.diagnoses : diagnoses.of('visit', visitNo).length === 0 ? input.fallbackDiagnoses : undefined;
      if (written?.length) diagnoses.record('visit', visitNo, written, input.doctorCode, input.at);
      insertBill.run(no, input.psnNo, input.kind, doctor.dept_code, input.doctorCode, visitNo, total, input.at);
      const rxno = `RX${no.slice(1)}`;
      const circulated = input.rxCirculation === true ? 1 : 0;
      priced.forEach((item, i) =>
        insertLine.run(no, i + 1, item.code, item.qty, item.priceFen, item.amountFen, item.drug ? rxno : null, item.drug ? circulated : 0),
      );
      return no;
    });
    return get(billNo);
  }

  return {
    get,
    create,
    forPerson(psnNo: string, status: Bill['status'] | null): Bill[] {
      return (forPerson.all(psnNo, status) as { bill_no: string }[]).map((row) => get(row.bill_no));
    },
    /** Idempotent for the same setl_id; another setl_id on a paid bill is a conflict. */
    markPaid(billNo: string, setlId: string, at: string): Bill {
      const bill = get(billNo);
      if (bill.status === 'paid' && bill.setlId === setlId) return bill;
      if (bill.status !== 'pending' || Number(setPaid.run(setlId, at, billNo).changes) !== 1) {
        throw conflict(`bill ${billNo} is ${bill.status}${bill.setlId ? ` (setl_id ${bill.setlId})` : ''}`, bill.status === 'cancelled' ? 'BILL_CANCELLED' : 'BILL_PAID');
      }
      return get(billNo);
    },
    /** After a settlement cancel (2208) the bill is pending again; only with the setl_id it was paid with. */
    reopen(billNo: string, setlId: string): Bill {
      const bill = get(billNo);
      if (bill.status === 'pending') return bill;
      if (bill.status !== 'paid' || bill.setlId !== setlId) {
        throw conflict(`bill ${billNo} was not paid with setl_id ${setlId}`, bill.status === 'cancelled' ? 'BILL_CANCELLED' : 'OTHER_SETTLEMENT');
      }
      setUnpaid.run(billNo);
      return get(billNo);
    },
    cancel(billNo: string): void {
      const bill = get(billNo);
      if (bill.status === 'cancelled') return;
      if (Number(setCancelled.run(billNo).changes) !== 1) throw conflict(`bill ${billNo} is ${bill.status}`, 'BILL_PAID');
    },
  };
}

export type Bills = ReturnType<typeof createBills>;
