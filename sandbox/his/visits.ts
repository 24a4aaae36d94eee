import type { DatabaseSync } from 'node:sqlite';
import type { HisVisit } from '../../shared/his/schemas';
import { conflict, notFound } from './errors';

/**
 * Outpatient visits: what the bills of one clinic visit share — its number (2201 ipt_otp_no),
 * when it began, and the platform visit (mdtrt_id) a kiosk opened for it. The HIS keeps that
 * link so the registration at one terminal and the cashier bill at another settle within one
 * platform visit.
 */
export interface VisitRow {
  visitNo: string;
  psnNo: string;
  deptCode: string;
  doctorCode: string;
  visitDate: string;
  begntime: string;
  regNo: string | null;
  mdtrtId: string | null;
}

export function createVisits(db: DatabaseSync) {
  const insert = db.prepare(`INSERT INTO his_visits (visit_no, psn_no, dept_code, doctor_code, visit_date, begntime, reg_no)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const byNo = db.prepare('SELECT * FROM his_visits WHERE visit_no = ?');
  // A registration counts once its fee is paid: the patient has not been seen before that, and
  // an unpaid registration may still be given back (its platform visit cancelled with 2202).
  const registeredToday = db.prepare(`
    SELECT v.visit_no FROM his_visits v
    JOIN his_registrations r ON r.reg_no = v.reg_no AND r.status = 'active'
    JOIN his_bills b ON b.bill_no = r.bill_no AND b.status = 'paid'
    WHERE v.psn_no = ?1 AND v.visit_date = ?2 AND (v.doctor_code = ?3 OR v.dept_code = ?4)
    ORDER BY v.doctor_code = ?3 DESC, v.begntime DESC LIMIT 1`);
  const setMdtrtId = db.prepare('UPDATE his_visits SET mdtrt_id = ? WHERE visit_no = ?');

  const toVisit = (row: Record<string, unknown>): VisitRow => ({
    visitNo: String(row['visit_no']),
    psnNo: String(row['psn_no']),
    deptCode: String(row['dept_code']),
    doctorCode: String(row['doctor_code']),
    visitDate: String(row['visit_date']),
    begntime: String(row['begntime']),
    regNo: (row['reg_no'] as string | null) ?? null,
    mdtrtId: (row['mdtrt_id'] as string | null) ?? null,
  });

  function get(visitNo: string): VisitRow {
    const row = byNo.get(visitNo) as Record<string, unknown> | undefined;
    if (!row) throw notFound(`visit ${visitNo}`, 'VISIT_UNKNOWN');
    return toVisit(row);
  }

  function view(visitNo: string): HisVisit {
    const { psnNo, begntime, mdtrtId } = get(visitNo);
    return { visitNo, psnNo, begntime, mdtrtId };
  }

  return {
    get,
    view,
    open(visit: Omit<VisitRow, 'mdtrtId'>): void {
      insert.run(visit.visitNo, visit.psnNo, visit.deptCode, visit.doctorCode, visit.visitDate, visit.begntime, visit.regNo);
    },
    /** The visit a doctor's order joins: the person's paid registration that day with that doctor, else that department. */
    registeredVisit(psnNo: string, date: string, doctorCode: string, deptCode: string): string | undefined {
      return (registeredToday.get(psnNo, date, doctorCode, deptCode) as { visit_no: string } | undefined)?.visit_no;
    },
    /** Idempotent for the same mdtrt_id; another one recorded already is a conflict, never overwritten. */
    recordPlatformVisit(visitNo: string, mdtrtId: string): HisVisit {
      const visit = get(visitNo);
      if (visit.mdtrtId !== null && visit.mdtrtId !== mdtrtId) {
        throw conflict(`visit ${visitNo} is recorded with platform visit ${visit.mdtrtId}`, 'OTHER_PLATFORM_VISIT');
      }
      setMdtrtId.run(mdtrtId, visitNo);
      return view(visitNo);
    },
    /** The registration was given back: its platform visit is cancelled (2202), so no bill may carry it. */
    clearPlatformVisit(visitNo: string): void {
      setMdtrtId.run(null, visitNo);
    },
  };
}

export type Visits = ReturnType<typeof createVisits>;
