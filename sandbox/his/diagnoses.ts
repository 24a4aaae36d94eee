import type { DatabaseSync } from 'node:sqlite';
import type { HisDiagnosis } from '../../shared/his/schemas';
import { unknownDoctor } from './errors';

/**
 * The doctors' diagnoses: of an outpatient visit, and of a stay on admission and on discharge.
 * The diagnosing department is the doctor's.
 */
export type DiagnosisOwner = 'visit' | 'admission' | 'discharge';

/** A diagnosis as a doctor writes it; the list's order gives `seq`. */
export interface DiagnosisEntry {
  diagType: string;
  code: string;
  name: string;
  main: boolean;
}

export function createDiagnoses(db: DatabaseSync) {
  const list = db.prepare(`
    SELECT g.*, dr.name AS doctor_name, d.code AS dept_code, d.name AS dept_name
    FROM his_diagnoses g JOIN his_doctors dr ON dr.code = g.doctor_code JOIN his_departments d ON d.code = dr.dept_code
    WHERE g.owner_kind = ? AND g.owner_no = ? ORDER BY g.seq`);
  const clear = db.prepare('DELETE FROM his_diagnoses WHERE owner_kind = ? AND owner_no = ?');
  const insert = db.prepare(`INSERT INTO his_diagnoses (owner_kind, owner_no, seq, diag_type, code, name, main, doctor_code, time)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const doctor = db.prepare('SELECT 1 AS x FROM his_doctors WHERE code = ?');

  return {
    of(owner: DiagnosisOwner, ownerNo: string): HisDiagnosis[] {
      return (list.all(owner, ownerNo) as Record<string, unknown>[]).map((row) => ({
        diagType: String(row['diag_type']),
        seq: Number(row['seq']),
        code: String(row['code']),
        name: String(row['name']),
        main: Number(row['main']) === 1,
        deptCode: String(row['dept_code']),
        deptName: String(row['dept_name']),
        doctorCode: String(row['doctor_code']),
        doctorName: String(row['doctor_name']),
        time: String(row['time']),
      }));
    },
    /** The doctor's diagnoses replace the earlier ones of the same owner. */
    record(owner: DiagnosisOwner, ownerNo: string, entries: readonly DiagnosisEntry[], doctorCode: string, time: string): void {
      if (!doctor.get(doctorCode)) throw unknownDoctor(doctorCode);
      clear.run(owner, ownerNo);
      entries.forEach((d, i) => insert.run(owner, ownerNo, i + 1, d.diagType, d.code, d.name, d.main ? 1 : 0, doctorCode, time));
    },
  };
}

export type Diagnoses = ReturnType<typeof createDiagnoses>;
