import type { DatabaseSync } from 'node:sqlite';
import type { HisRegistration, HisSlot } from '../../shared/his/schemas';
import type { Bills } from './bills';
import type { Catalogue } from './catalogue';
import { conflict, notFound } from './errors';
import { nextSequence } from './schema';
import type { Visits } from './visits';
import { inTransaction } from '../db';

/**
 * Registration: slots per doctor, date and half-day; booking one takes a place, opens the visit
 * (its number is the regNo, its begntime the booking time) and raises the registration-fee bill
 * (the doctor's consultation item), which the kiosk settles like any bill.
 */
export type Slot = HisSlot & { feeItem: string; capacity: number };
export type Registration = HisRegistration & { slot: Slot };

export function createRegistration(db: DatabaseSync, catalogue: Catalogue, bills: Bills, visits: Visits) {
  const slotSql = `
    SELECT s.*, d.code AS dept_code, d.name AS dept_name, d.caty, dr.name AS doctor_name, dr.title, dr.reg_item
    FROM his_slots s JOIN his_doctors dr ON dr.code = s.doctor_code JOIN his_departments d ON d.code = dr.dept_code`;
  const list = db.prepare(`${slotSql} WHERE s.date = ?1 AND (?2 IS NULL OR d.code = ?2) ORDER BY d.code, dr.code, s.period`);
  const one = db.prepare(`${slotSql} WHERE s.id = ?`);
  const take = db.prepare('UPDATE his_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity');
  const release = db.prepare('UPDATE his_slots SET booked = booked - 1 WHERE id = ? AND booked > 0');
  const insert = db.prepare("INSERT INTO his_registrations (reg_no, psn_no, slot_id, bill_no, status, created_at) VALUES (?, ?, ?, ?, 'active', ?)");
  const byNo = db.prepare('SELECT * FROM his_registrations WHERE reg_no = ?');
  const setCancelled = db.prepare("UPDATE his_registrations SET status = 'cancelled' WHERE reg_no = ? AND status = 'active'");
  const activeForPerson = db.prepare("SELECT 1 FROM his_registrations WHERE psn_no = ? AND slot_id = ? AND status = 'active'");

  const toSlot = (row: Record<string, unknown>): Slot => {
    const feeItem = String(row['reg_item']);
    return {
      slotId: Number(row['id']),
      date: String(row['date']),
      period: row['period'] as Slot['period'],
      dept: { code: String(row['dept_code']), name: String(row['dept_name']), caty: String(row['caty']) },
      doctor: { code: String(row['doctor_code']), name: String(row['doctor_name']), title: String(row['title']) },
      feeItem,
      feeFen: catalogue.byCode(feeItem).priceFen,
      capacity: Number(row['capacity']),
      remaining: Number(row['capacity']) - Number(row['booked']),
    };
  };

  function slot(slotId: number): Slot {
    const row = one.get(slotId) as Record<string, unknown> | undefined;
    if (!row) throw notFound(`slot ${slotId}`, 'SLOT_UNKNOWN');
    return toSlot(row);
  }

  function get(regNo: string): Registration {
    const row = byNo.get(regNo) as Record<string, unknown> | undefined;
    if (!row) throw notFound(`registration ${regNo}`, 'REGISTRATION_UNKNOWN');
    return {
      regNo,
      psnNo: String(row['psn_no']),
      status: row['status'] as Registration['status'],
      slot: slot(Number(row['slot_id'])),
      bill: bills.get(String(row['bill_no'])),
    };
  }

  return {
    slots: (date: string, deptCode: string | null): Slot[] => (list.all(date, deptCode) as Record<string, unknown>[]).map(toSlot),
    get,
    register(psnNo: string, slotId: number, at: string): Registration {
      const regNo = inTransaction(db, () => {
        const chosen = slot(slotId);
        if (chosen.date < at.slice(0, 10)) throw conflict(`slot ${slotId} is of a past day (${chosen.date})`, 'SLOT_CLOSED');
        if (activeForPerson.get(psnNo, slotId)) throw conflict('already registered for this slot', 'ALREADY_BOOKED');
        if (Number(take.run(slotId).changes) !== 1) throw conflict(`slot ${slotId} is full`, 'SLOT_FULL');
        const no = `R${chosen.date.replaceAll('-', '')}${String(nextSequence(db, 'registration')).padStart(5, '0')}`;
        visits.open({ visitNo: no, psnNo, deptCode: chosen.dept.code, doctorCode: chosen.doctor.code, visitDate: chosen.date, begntime: at, regNo: no });
        const bill = bills.create({ psnNo, kind: 'registration', doctorCode: chosen.doctor.code, visitNo: no, items: [{ code: chosen.feeItem, qty: 1 }], at });
        insert.run(no, psnNo, slotId, bill.billNo, at);
        return no;
      });
      return get(regNo);
    },
    /**
     * Frees the place; the fee bill is cancelled if unpaid (a paid one is refunded by 2208 first),
     * and the visit forgets its platform visit, which the kiosk cancels with 2202.
     */
    cancel(regNo: string): Registration {
      inTransaction(db, () => {
        const registration = get(regNo);
        if (registration.status === 'cancelled') return;
        if (registration.bill.status === 'paid') throw conflict(`registration ${regNo} is paid: cancel the settlement first`, 'REGISTRATION_PAID');
        setCancelled.run(regNo);
        release.run(registration.slot.slotId);
        bills.cancel(registration.bill.billNo);
        visits.clearPlatformVisit(regNo);
      });
      return get(regNo);
    },
  };
}
